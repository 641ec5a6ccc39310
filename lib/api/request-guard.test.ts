import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installRequestGuard } from './request-guard';

describe('the request guard on a real HTTP server', () => {
  let server: http.Server;
  let port = 0;
  let uninstall = () => {};
  beforeAll(async () => {
    uninstall = installRequestGuard();
    installRequestGuard(); // twice is once
    server = http.createServer((_req, res) => res.end('reached the app'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    uninstall();
  });

  const send = (method: string, path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; allow?: string; body: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode!, allow: res.headers.allow, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it("answers TRACE with 405 and the route's Allow list before the app sees it", async () => {
    expect(await send('TRACE', '/crm/v8/Goods_Receipts/search')).toMatchObject({
      status: 405,
      allow: 'GET, HEAD, OPTIONS',
    });
    expect(await send('PATCH', '/crm/v8/Items?x=1')).toMatchObject({
      status: 405,
      allow: 'DELETE, GET, HEAD, OPTIONS, POST, PUT',
    });
    expect(JSON.parse((await send('TRACE', '/stock/export')).body)).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
    expect(await send('TRACE', '/items')).toMatchObject({ status: 405, allow: 'GET, HEAD, POST' });
  });

  it("answers a server action from another origin with 403 instead of Next.js's 500; its own origin reaches the app", async () => {
    const foreign = await send('POST', '/items', { 'next-action': 'abc', origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ code: 'CROSS_SITE_REQUEST' });
    expect((await send('POST', '/items', { 'next-action': 'abc', origin: `http://127.0.0.1:${port}` })).body).toBe(
      'reached the app',
    );
  });

  it('answers a path that is not percent-encoded UTF-8 with 400', async () => {
    for (const path of ['/items/%ED%A0%80', '/crm/v8/Items/%FF', '/items/%C0%80/edit', '/%E2%82']) {
      const answer = await send('GET', path);
      expect(answer.status, path).toBe(400);
      expect(JSON.parse(answer.body), path).toMatchObject({ code: 'INVALID_URL_PATTERN' });
    }
  });

  it('lets everything else through, a broken query included (Next.js reads queries leniently)', async () => {
    for (const path of ['/crm/v8/Items', '/items/%E2%82%AC', '/items?q=%ED%A0%80', '/sign-in']) {
      expect(await send('GET', path), path).toMatchObject({ status: 200, body: 'reached the app' });
    }
    expect(await send('POST', '/items/new')).toMatchObject({ status: 200 });
  });
});
