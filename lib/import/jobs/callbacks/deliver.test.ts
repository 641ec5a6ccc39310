import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dnsAnswers as answers } from '@/test/dns-stub';

vi.mock('node:dns/promises', () => import('@/test/dns-stub'));

const { deliverCallback, signatureOf } = await import('./deliver');

describe('deliverCallback', () => {
  let server: http.Server;
  let port: number;
  const hosts: string[] = [];

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      hosts.push(request.headers.host ?? '');
      request.resume();
      request.on('end', () =>
        response.writeHead(request.url === '/redirect' ? 301 : 204, { location: '/elsewhere' }).end(),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  afterEach(() => {
    delete process.env.ALLOW_PRIVATE_CALLBACKS;
    hosts.length = 0;
    answers.clear();
  });

  it('refuses a name that resolves to any private address, before connecting', async () => {
    answers.set('mixed.example', [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ]);
    answers.set('rebind.example', [{ address: '::ffff:127.0.0.1', family: 6 }]);
    expect(await deliverCallback(`http://mixed.example:${port}/`, '{}', 's')).toEqual({
      ok: false,
      error: 'mixed.example resolves to the private address 10.0.0.7; only public addresses can be called back.',
    });
    expect(await deliverCallback(`http://rebind.example:${port}/`, '{}', 's')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/private address ::ffff:127.0.0.1/),
    });
    expect(hosts).toHaveLength(0);
  });

  it('connects to the vetted address, keeping the Host header, and does not follow redirects', async () => {
    process.env.ALLOW_PRIVATE_CALLBACKS = 'true';
    answers.set('hooks.test', [{ address: '127.0.0.1', family: 4 }]);
    expect(await deliverCallback(`http://hooks.test:${port}/ok`, '{"a":1}', 's')).toEqual({ ok: true, status: 204 });
    expect(hosts).toEqual([`hooks.test:${port}`]);
    expect(await deliverCallback(`http://hooks.test:${port}/redirect`, '{}', 's')).toEqual({
      ok: false,
      status: 301,
      error: 'Redirect (301) not followed.',
    });
  });

  it('gives up after the timeout', async () => {
    process.env.ALLOW_PRIVATE_CALLBACKS = 'true';
    const silent = http.createServer(() => {
      /* never answers */
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const result = await deliverCallback(`http://127.0.0.1:${(silent.address() as AddressInfo).port}/`, '{}', 's', 200);
    expect(result).toEqual({ ok: false, error: 'No answer within 0.2 s.' });
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('signs the body with HMAC-SHA256 (a value computed independently with openssl)', () => {
    expect(signatureOf('{"id":"1"}', 'secret')).toBe(
      'sha256=6146142a2ce0159e84c0767881e4ec80bc397da62526e7d19f70795eb79460c0',
    );
  });
});
