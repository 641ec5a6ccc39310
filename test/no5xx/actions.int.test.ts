import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, it, vi } from 'vitest';
import { ACTIONS, type ActionEntry } from '@/test/authz/matrix';
import { createPrincipals } from '@/test/authz/principals';
import { useTestDatabase } from '@/test/db';
import { seedWorld } from '@/test/fixtures';
import { hostileJson, hostileText } from './hostile';

// A server action reads the caller through next/headers; every call here is the admin's.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const SEED = Number(process.env.FUZZ_SEED ?? 13);
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/**
 * Payloads no form sends: null, a list where an object belongs, a NUL inside any text, an unpaired
 * surrogate, numbers beyond every column. (The user actions take numeric ids: fuzzing those with small
 * integers would deactivate or re-key the very admin the test signs in as, so their ids stay hostile text.)
 */
const FIXED: unknown[] = [
  null,
  undefined,
  'x',
  42,
  1e21,
  [],
  {},
  { id: null, values: null },
  { id: {}, values: [] },
  { id: 'a\u0000', values: { name: 'a\u0000', code: '\uD800' } },
  { values: { lines: [{ serials: 'A\u0000B', quantity: '1e400' }] } },
  { itemId: '9'.repeat(20), warehouseId: '1', query: '\u0000', offset: 1e30, limit: -1e30 },
  { id: Number.MAX_VALUE, role: 'admin' },
];

/** The entry's own argument with each value swapped for a hostile one, or something else entirely. */
function hostileArg(original: unknown): fc.Arbitrary<unknown> {
  if (original === null || typeof original !== 'object' || Array.isArray(original))
    return fc.oneof(hostileText, hostileJson);
  const keys = Object.keys(original);
  const value = (key: string) => (key === 'id' ? hostileText : hostileJson);
  const mutated = fc.record(
    Object.fromEntries(keys.map((k) => [k, fc.oneof(fc.constant((original as Record<string, unknown>)[k]), value(k))])),
  );
  return fc.oneof({ weight: 3, arbitrary: mutated }, { weight: 1, arbitrary: hostileJson });
}

async function load(entry: ActionEntry): Promise<(...args: unknown[]) => Promise<unknown>> {
  const [file, name] = entry.action.split('#');
  const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<
    string,
    (...args: unknown[]) => Promise<unknown>
  >;
  return mod[name];
}

/** A clean answer: a result object, never the generic INTERNAL one of an unexpected error. */
function expectClean(label: string, args: unknown[], result: unknown) {
  const code = (result as { code?: string } | undefined)?.code;
  if (code === 'INTERNAL')
    throw new Error(`${label}(${JSON.stringify(args)?.slice(0, 300)}) answered ${JSON.stringify(result)}`);
}

describe('server actions answer hostile payloads cleanly', async () => {
  const { db } = await useTestDatabase();
  beforeAll(async () => {
    await seedWorld(db);
    request.headers = new Headers({ cookie: (await createPrincipals(db)).admin.cookie });
  });

  // Signing out would end the session every other call runs in.
  const entries = ACTIONS.filter((e) => !e.action.endsWith('#signOutAction'));
  it.each(entries.map((e, i) => [`${e.action}(${JSON.stringify(e.args).slice(1, 40)})`, e, i] as const))(
    '%s',
    async (label, entry, index) => {
      const action = await load(entry);
      const last = entry.args.length - 1;
      // Document actions take the kind first: it stays, the payload after it is what is fuzzed.
      const fixedArgs = (payload: unknown) => [...entry.args.slice(0, Math.max(0, last)), payload];
      for (const payload of FIXED) expectClean(label, fixedArgs(payload), await action(...fixedArgs(payload)));
      if (last < 0) return;
      await fc.assert(
        fc.asyncProperty(hostileArg(entry.args[last]), async (payload) => {
          expectClean(label, fixedArgs(payload), await action(...fixedArgs(payload)));
        }),
        { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
      );
    },
  );
});
