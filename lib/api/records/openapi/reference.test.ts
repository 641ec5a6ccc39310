import { describe, expect, it } from 'vitest';
import { RECORD_MODULES } from '../registry';
import { apiReference, curlFor } from './reference';

describe('the API reference page model', () => {
  const { sections } = apiReference('https://stock.example');

  it('has a section per module with every operation and a curl example on the request host', () => {
    expect(sections.map((s) => s.tag)).toEqual([...RECORD_MODULES.map((m) => m.api), 'Bulk write', 'Organisation']);
    const items = sections.find((s) => s.tag === 'Items')!;
    expect(items.operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining([
        'GET /crm/v8/Items',
        'POST /crm/v8/Items',
        'PUT /crm/v8/Items',
        'GET /crm/v8/Items/search',
        'GET /crm/v8/Items/{id}',
        'PUT /crm/v8/Items/{id}',
        'POST /crm/v8/Items/upsert',
      ]),
    );
    const insert = items.operations.find((o) => o.method === 'POST' && o.path === '/crm/v8/Items')!;
    expect(insert.curl).toContain("curl -X POST 'https://stock.example/crm/v8/Items'");
    expect(insert.curl).toContain('Authorization: Bearer $SERIALSTOCK_KEY');
    expect(insert.curl).toContain('"Code":"PHN-100"');
    const search = items.operations.find((o) => o.path.endsWith('/search'))!;
    expect(search.curl).toContain('/crm/v8/Items/search?criteria=');
  });

  it('quotes example bodies for the shell, single quotes included', () => {
    const curl = curlFor('https://x', 'POST', '/crm/v8/Partners', {
      requestBody: { content: { 'application/json': { example: { data: [{ Name: "O'Brien" }] } } } },
    });
    expect(curl).toContain(`-d '{"data":[{"Name":"O'\\''Brien"}]}'`);
    expect(curl).toContain('Idempotency-Key');
  });
});
