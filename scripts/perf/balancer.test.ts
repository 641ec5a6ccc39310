import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startBalancer, STATS_PATH, type UpstreamStats } from './balancer';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve).closeAllConnections())));
});

/** An upstream answering its name, what it was sent and two cookies; `handle` may take over a request. */
async function upstream(name: string, handle?: (req: http.IncomingMessage) => boolean): Promise<string> {
  const server = http.createServer(async (req, res) => {
    if (handle?.(req)) return;
    let body = '';
    for await (const chunk of req) body += String(chunk);
    res.setHeader('set-cookie', ['a=1; Path=/', 'b=2; Path=/']);
    res.end(JSON.stringify({ name, body, forwardedFor: req.headers['x-forwarded-for'], host: req.headers.host }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function balancer(upstreams: string[]): Promise<string> {
  const server = await startBalancer(0, upstreams);
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the load balancer', () => {
  it('sends requests to its upstreams in turn, with body, Host, X-Forwarded-For and every Set-Cookie intact', async () => {
    const base = await balancer([await upstream('one'), await upstream('two')]);
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${base}/x`, { method: 'POST', body: `hello ${i}` });
      answers.push({ ...(await response.json()), cookies: response.headers.getSetCookie() });
    }
    expect(answers.map((a) => a.name)).toEqual(['one', 'two', 'one', 'two']);
    expect(answers.map((a) => a.body)).toEqual(['hello 0', 'hello 1', 'hello 2', 'hello 3']);
    expect(answers[0]).toMatchObject({
      host: new URL(base).host,
      forwardedFor: '127.0.0.1',
      cookies: ['a=1; Path=/', 'b=2; Path=/'],
    });
    const stats = (await (await fetch(base + STATS_PATH)).json()) as UpstreamStats[];
    expect(stats.map((s) => [s.requests, s.errors])).toEqual([
      [2, 0],
      [2, 0],
    ]);
  });

  it('sends a request again on a fresh connection when a reused one is reset before any answer', async () => {
    // The second request on a connection finds it closed, as when the upstream's keep-alive timeout hits it.
    const handled = new WeakMap<object, number>();
    let resets = 0;
    const target = await upstream('one', (req) => {
      const count = (handled.get(req.socket) ?? 0) + 1;
      handled.set(req.socket, count);
      if (count < 2 || resets > 0) return false;
      resets++;
      req.socket.destroy();
      return true;
    });
    const base = await balancer([target]);
    const first = await fetch(`${base}/a`, { method: 'POST', body: 'first' });
    const second = await fetch(`${base}/b`, { method: 'POST', body: 'second' });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(((await second.json()) as { body: string }).body).toBe('second');
    const [stats] = (await (await fetch(base + STATS_PATH)).json()) as UpstreamStats[];
    expect(stats).toMatchObject({ requests: 2, retried: 1, errors: 0 });
  });

  it('drops the upstream request when the client gives up, instead of leaving the instance working for nobody', async () => {
    let upstreamClosed: () => void;
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve));
    const target = await upstream('slow', (req) => {
      req.socket.once('close', () => upstreamClosed());
      return true; // never answers
    });
    const base = await balancer([target]);
    const controller = new AbortController();
    const request = fetch(`${base}/slow`, { signal: controller.signal }).catch((error: Error) => error.name);
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    expect(await request).toBe('AbortError');
    await closed;
    const [stats] = (await (await fetch(base + STATS_PATH)).json()) as UpstreamStats[];
    expect(stats).toMatchObject({ requests: 1, errors: 0 });
  });

  it('answers 502 naming the upstream when it cannot be reached', async () => {
    const dead = await upstream('gone');
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const base = await balancer([dead]);
    const response = await fetch(`${base}/x`);
    expect(response.status).toBe(502);
    expect(await response.text()).toContain(`${dead} failed`);
  });
});
