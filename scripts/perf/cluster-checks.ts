// What must be shared between app instances, tried against the instances directly (not through the balancer), so
// which instance answers is chosen, not left to round robin: the records API rate limit and Idempotency-Keys here,
// sessions and sign-in throttling in cluster-sessions.ts.
import { createHash, randomBytes } from 'node:crypto';
import type postgres from 'postgres';
import { apiKey } from './server';

export type Check = { label: string; ok: boolean };
export const hostOf = (url: string) => new URL(url).host;

/**
 * The per-key limit counts requests on every instance together. The run's limit is raised (load.ts) so the
 * traffic measures capacity; so each key here starts its minute with all but `allowance` requests used (its
 * rate_window row set so), then sends twice that many at once: split over the instances and, for comparison,
 * all to one. A limiter per instance would let each instance pass `allowance` (or more); a shared one passes
 * exactly `allowance` in both cases.
 */
export async function rateLimitShared(db: postgres.Sql, instances: string[], allowance = 20): Promise<Check[]> {
  const split = await limitedBurst(db, instances, allowance);
  const single = await limitedBurst(db, [instances[0]], allowance);
  const describe = (r: Burst) =>
    r.perInstance.map((p) => `${p.host} ${p.allowed} allowed / ${p.limited} × 429`).join(', ') +
    (r.other ? `, ${r.other} other answers` : '');
  return [
    {
      label:
        `records API limit shared: ${2 * allowance} requests at once with ${allowance} left in the key's minute, ` +
        `split over ${instances.length} instances → ${split.allowed} allowed (${describe(split)}); ` +
        `all to one instance → ${single.allowed} allowed (${describe(single)})`,
      ok: split.allowed === allowance && single.allowed === allowance && split.other + single.other === 0,
    },
  ];
}

type Burst = { allowed: number; other: number; perInstance: { host: string; allowed: number; limited: number }[] };

async function limitedBurst(db: postgres.Sql, instances: string[], allowance: number): Promise<Burst> {
  for (let attempt = 0; ; attempt++) {
    const key = await apiKey(db, `cluster rate ${randomBytes(3).toString('hex')}`, 'admin');
    const [{ id }] = await db`select id::text from api_key where key_hash = ${sha256(key)}`;
    const bucket = `records:key:${id}`;
    const read = (base: string) =>
      fetch(`${base}/crm/v8/Items?per_page=1`, { headers: { authorization: `Bearer ${key}` } });
    const first = await read(instances[0]);
    await first.arrayBuffer();
    const limit = Number(first.headers.get('x-ratelimit-limit'));
    // A fixed one-minute window: start early in a minute, so the burst cannot straddle two windows.
    const [{ second }] = await db`select extract(second from now())::float8 as second`;
    if (second > 40) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));
    const [primed] =
      await db`update rate_window set count = ${limit - allowance}, window_start = date_trunc('minute', now())
      where bucket = ${bucket} returning window_start`;
    const answers = await Promise.all(
      Array.from({ length: 2 * allowance }, async (_, i) => {
        const base = instances[i % instances.length];
        const response = await read(base);
        await response.arrayBuffer();
        return { host: hostOf(base), status: response.status };
      }),
    );
    const [after] = await db`select window_start from rate_window where bucket = ${bucket}`;
    if (after.window_start.getTime() !== primed.window_start.getTime() && attempt === 0) continue;
    return {
      allowed: answers.filter((a) => a.status === 200).length,
      other: answers.filter((a) => a.status !== 200 && a.status !== 429).length,
      perInstance: instances.map((base) => ({
        host: hostOf(base),
        allowed: answers.filter((a) => a.host === hostOf(base) && a.status === 200).length,
        limited: answers.filter((a) => a.host === hostOf(base) && a.status === 429).length,
      })),
    };
  }
}

/**
 * The same Idempotency-Key sent to every instance at once (twice each) makes one receipt: each key's first
 * claim wins in PostgreSQL, the others wait for its stored answer and replay it.
 */
export async function idempotencyShared(db: postgres.Sql, instances: string[], keys = 5): Promise<Check[]> {
  const key = await apiKey(db, `cluster idempotency ${randomBytes(3).toString('hex')}`, 'warehouse');
  const [item] = await db`select code from item where not track_serials and active order by id limit 1`;
  const [partner] = await db`select code from partner where type in ('supplier', 'both') order by id limit 1`;
  const tag = randomBytes(4).toString('hex');
  const sends = instances.length * 2;
  const rounds = await Promise.all(
    Array.from({ length: keys }, async (_, round) => {
      const note = `cluster idempotency ${tag} ${round}`;
      const body = JSON.stringify({
        data: [
          {
            Date: new Date().toISOString().slice(0, 10),
            Warehouse: { Code: 'MAIN' },
            Partner: { Code: partner.code },
            Note: note,
            Lines: [{ Item: { Code: item.code }, Quantity: '1', Unit_Price: '1' }],
          },
        ],
      });
      const answers = await Promise.all(
        Array.from({ length: sends }, async (_, i) => {
          const response = await fetch(`${instances[i % instances.length]}/crm/v8/Goods_Receipts`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${key}`,
              'idempotency-key': `cluster-${tag}-${round}`,
            },
            body,
          });
          const text = await response.text();
          const id = response.status === 201 ? (JSON.parse(text) as { data: { details: { id: string } }[] }) : null;
          return {
            status: response.status,
            id: id?.data[0]?.details.id,
            replayed: response.headers.get('idempotent-replayed') === 'true',
          };
        }),
      );
      const [{ count }] = await db`select count(*)::int from document where note = ${note}`;
      return { answers, documents: count as number };
    }),
  );
  const answers = rounds.flatMap((r) => r.answers);
  const created = rounds.reduce((n, r) => n + r.documents, 0);
  const sameId = rounds.every((r) => r.answers.every((a) => a.id !== undefined && a.id === r.answers[0].id));
  const statuses = [...new Set(answers.map((a) => a.status))].join(', ');
  return [
    {
      label:
        `Idempotency-Key shared: ${keys} keys, each sent ${sends}× at once over ${instances.length} instances → ` +
        `${created} receipts (${keys} expected), answers ${statuses}, ${answers.filter((a) => a.replayed).length} replays, ` +
        `each key's answers ${sameId ? 'all name its one receipt' : 'name DIFFERENT receipts'}`,
      ok: created === keys && rounds.every((r) => r.documents === 1) && sameId,
    },
  ];
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
