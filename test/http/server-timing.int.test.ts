import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { installServerTiming } from '@/lib/http/server-timing';
import { useTestDatabase } from '@/test/db';

function parse(header: string | null): Record<string, { dur: number; desc?: string }> {
  const entries = (header ?? '').split(', ').map((part) => {
    const [name, ...params] = part.split(';');
    const dur = Number(params.find((p) => p.startsWith('dur='))?.slice(4));
    const desc = params.find((p) => p.startsWith('desc='))?.slice(6, -1);
    return [name, { dur, desc }] as const;
  });
  return Object.fromEntries(entries);
}

// SERVER_TIMING=1 as the app runs it: drizzle queries through a pool created with the variable set, inside an
// HTTP server's request handler.
describe('Server-Timing', async () => {
  const { url } = await useTestDatabase();
  process.env.SERVER_TIMING = '1';
  const uninstall = installServerTiming();
  const timed = createDb(url, 4);
  let server: http.Server;
  let base = '';

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      void (async () => {
        const query = new URL(request.url ?? '/', 'http://x').searchParams;
        for (let i = 0; i < Number(query.get('queries') ?? 0); i++) {
          await timed.db.execute(sql`select pg_sleep(0.02)`);
        }
        if (query.has('tx')) {
          await timed.db.transaction(async (tx) => {
            await tx.execute(sql`select pg_sleep(0.03)`);
          });
        }
        response.end('ok');
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await timed.sql.end();
    delete process.env.SERVER_TIMING;
    uninstall();
  });

  it('counts and times each request’s own queries while another request runs queries of its own', async () => {
    const [three, none] = await Promise.all([fetch(`${base}/?queries=3`), fetch(`${base}/?queries=0`)]);
    const busy = parse(three.headers.get('server-timing'));
    expect(busy.db.desc).toBe('3 queries');
    expect(busy.db.dur).toBeGreaterThanOrEqual(55);
    expect(busy.total.dur).toBeGreaterThanOrEqual(busy.db.dur);
    expect(busy.cpu.dur).toBeGreaterThanOrEqual(0);
    const idle = parse(none.headers.get('server-timing'));
    expect(idle.db).toEqual({ dur: 0, desc: '0 queries' });
  });

  it('times a transaction as a whole, not its statements one by one', async () => {
    const response = await fetch(`${base}/?tx`);
    const figures = parse(response.headers.get('server-timing'));
    expect(figures.db.desc).toBe('1 queries');
    expect(figures.db.dur).toBeGreaterThanOrEqual(25);
  });
});
