import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';

// The page checks the permission, which comes from Next.js at run time. The request's host is not read:
// the address shown is the configured one, whatever a request says (forged here to prove it).
const checked: string[] = [];
process.env.PUBLIC_URL = 'https://stock.example:8443';
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ host: 'evil.example', 'x-forwarded-proto': 'javascript' }),
}));
vi.mock('@/lib/auth/session', () => ({
  requirePagePermission: async (permission: string) => {
    checked.push(permission);
    return { kind: 'user', userId: 1, userName: 'Ada', email: 'ada@example.com', role: 'admin' };
  },
}));

describe('GET /api/openapi.json', () => {
  it('answers the generated document with the configured public address as server', async () => {
    const { GET } = await import('@/app/api/openapi.json/route');
    const response = GET();
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc).toMatchObject({
      openapi: expect.stringMatching(/^3\.1\./),
      servers: [{ url: 'https://stock.example:8443' }],
    });
    expect(Object.keys(doc.paths)).toContain('/crm/v8/Goods_Receipts/{id}');
  });
});

describe('the API reference page', () => {
  it('needs apiKeys.manage, links the OpenAPI document and shows every endpoint with a curl example on the configured address', async () => {
    const { default: ApiDocsPage } = await import('@/app/(app)/api-docs/page');
    const html = renderToStaticMarkup(await ApiDocsPage());
    expect(checked).toEqual(['apiKeys.manage']);
    expect(html).toContain('href="/api/openapi.json"');
    expect(html).toContain('https://stock.example:8443/crm/v8/Items?per_page=10');
    expect(html).toContain('curl -X POST &#x27;https://stock.example:8443/crm/v8/Goods_Receipts&#x27;');
    expect(html).toContain('/crm/v8/Serial_Numbers/{id}');
    expect(html).toContain('/crm/bulk/v8/write');
    expect(html.match(/<details/g)?.length).toBeGreaterThan(40);
  });
});
