import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { importFile, importJob } from '@/db/schema';
import { CATEGORIES, fuzzCases, judge, type FuzzCase } from '@/scripts/fuzz/cases';
import { useTestDatabase } from '@/test/db';
import { dispatch, keyFor } from '@/test/import/api';

/** The same generator as `npm run fuzz` (1,000 cases over HTTP), a fixed seed and fewer cases. */
const SEED = 20261122;
const CASES = 112; // 8 of each of the 14 categories

describe('hostile uploads and job requests (deterministic fuzz subset)', async () => {
  const { db } = await useTestDatabase();
  let key = '';
  beforeAll(async () => {
    key = (await keyFor(db, 'admin')).key;
  });

  const count = async (table: typeof importFile | typeof importJob) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;

  async function send(fuzzCase: FuzzCase) {
    const response = await dispatch(
      new Request(`http://localhost${fuzzCase.path}`, {
        method: fuzzCase.method,
        headers: { authorization: `Zoho-oauthtoken ${key}`, ...fuzzCase.headers },
        body: fuzzCase.body ? new Uint8Array(fuzzCase.body) : undefined,
      }),
    );
    const text = await response.text();
    let json: Record<string, unknown> | null = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    return { status: response.status, json };
  }

  it('refuses every malformed request with a specific Zoho code, never 5xx or INTERNAL_ERROR, and stores nothing for it', async () => {
    const failures: string[] = [];
    const seen = new Set<string>();
    let refused = 0;
    for await (const fuzzCase of fuzzCases(CASES, SEED, { heavy: false })) {
      seen.add(fuzzCase.category);
      const files = await count(importFile);
      const { status, json } = await send(fuzzCase);
      const verdict = judge(fuzzCase, status, json);
      if (verdict.outcome === 'refused') refused++;
      if (!verdict.ok)
        failures.push(
          `#${fuzzCase.index} ${fuzzCase.category} (${fuzzCase.name}): ${verdict.outcome} ${status} ${JSON.stringify(json).slice(0, 200)}`,
        );
      if (verdict.outcome === 'refused' && (await count(importFile)) !== files)
        failures.push(`#${fuzzCase.index} ${fuzzCase.category}: refused but stored a file`);
    }
    expect(failures).toEqual([]);
    expect([...seen].sort()).toEqual([...CATEGORIES].sort());
    expect(refused).toBeGreaterThan(CASES * 0.8);
    expect(await count(importJob)).toBe(0);
  });

  it('is deterministic: the same seed gives the same bytes', async () => {
    const first: string[] = [];
    const second: string[] = [];
    for await (const c of fuzzCases(28, SEED, { heavy: false }))
      first.push(`${c.category}:${c.name}:${c.body?.length ?? 0}`);
    for await (const c of fuzzCases(28, SEED, { heavy: false }))
      second.push(`${c.category}:${c.name}:${c.body?.length ?? 0}`);
    expect(second).toEqual(first);
  });
});
