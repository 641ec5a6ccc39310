import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installMethodGuard, refusedMethod, routePatternOf } from './methods';

describe('which route a path is', () => {
  it('prefers static segments, as Next.js does', () => {
    expect(routePatternOf('/crm/v8/Items/search')).toBe('/crm/[version]/[module]/search');
    expect(routePatternOf('/crm/v8/Items/12')).toBe('/crm/[version]/[module]/[id]');
    expect(routePatternOf('/crm/v8/org')).toBe('/crm/[version]/org');
    expect(routePatternOf('/crm/bulk/v8/write')).toBe('/crm/bulk/[version]/write');
    expect(routePatternOf('/items')).toBeNull();
  });
});

describe('methods refused at the server', () => {
  it('refuses what a route does not export, with its Allow list', () => {
    expect(refusedMethod('TRACE', '/crm/v8/Items')).toBe('DELETE, GET, HEAD, OPTIONS, POST, PUT');
    expect(refusedMethod('PATCH', '/api/openapi.json')).toBe('GET, HEAD, OPTIONS');
    expect(refusedMethod('HEAD', '/import/api/jobs')).toBe('OPTIONS, POST');
    expect(refusedMethod('GET', '/crm/v8/Items/1')).toBeNull();
    expect(refusedMethod('OPTIONS', '/crm/v8/org')).toBeNull();
  });

  it('refuses pages only the methods Next.js cannot route', () => {
    expect(refusedMethod('TRACE', '/items')).toBe('GET, HEAD, POST');
    expect(refusedMethod('PROPFIND', '/')).toBe('GET, HEAD, POST');
    expect(refusedMethod('POST', '/items/new')).toBeNull();
  });

  describe('on a real HTTP server', () => {
    let server: http.Server;
    let port = 0;
    let uninstall = () => {};
    beforeAll(async () => {
      uninstall = installMethodGuard();
      installMethodGuard(); // twice is once
      server = http.createServer((_req, res) => res.end('reached the app'));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      uninstall();
    });

    const send = (method: string, path: string) => new Promise<{ status: number; allow?: string; body: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method, path }, (res) => {
        let body = '';
        res.on('data', (chunk) => { body += chunk; });
        res.on('end', () => resolve({ status: res.statusCode!, allow: res.headers.allow, body }));
      });
      req.on('error', reject);
      req.end();
    });

    it('answers TRACE with 405 and Allow before the app sees it, and lets the rest through', async () => {
      expect(await send('TRACE', '/crm/v8/Goods_Receipts/search')).toMatchObject({ status: 405, allow: 'GET, HEAD, OPTIONS' });
      expect(JSON.parse((await send('TRACE', '/stock/export')).body)).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
      expect(await send('GET', '/crm/v8/Items')).toMatchObject({ status: 200, body: 'reached the app' });
    });
  });
});
