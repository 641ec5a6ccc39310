import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Role } from '@/lib/auth/roles';
import { useTestDatabase } from '@/test/db';
import { ACTIONS, PRINCIPALS, type ActionEntry, type PrincipalName } from './matrix';
import { expectedOutcome, type Outcome } from './outcomes';
import { createPrincipals, headersFor, sessionCookie, type Credentials } from './principals';

// A server action reads the caller from the request headers (next/headers); here every call gets the
// headers of the principal under test. Revalidation needs Next's request store, which a test lacks.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
type ActionFn = (...args: unknown[]) => Promise<unknown>;

async function load(entry: ActionEntry): Promise<ActionFn> {
  const [file, name] = entry.action.split('#');
  const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, ActionFn>;
  return mod[name];
}

/** What an action answered, in the matrix's terms; anything but a refusal counts as let through. */
function outcomeOf(result: unknown): Outcome | `unexpected: ${string}` {
  const code = (result as { ok?: boolean; code?: string } | undefined)?.code;
  if (code === 'UNAUTHENTICATED') return 'unauthenticated';
  if (code === 'FORBIDDEN') return 'forbidden';
  // A crash on harmless input is not a refusal, but it is not a clean answer either.
  if (code === 'INTERNAL') return `unexpected: ${JSON.stringify(result)}`;
  return 'allowed';
}

describe('authorization matrix: server actions', async () => {
  const { db } = await useTestDatabase();
  let credentials: Record<Role, Credentials>;

  beforeAll(async () => {
    credentials = await createPrincipals(db);
  });

  it.each(ACTIONS.map((entry) => [`${entry.action}(${JSON.stringify(entry.args).slice(1, -1)})`, entry] as const))(
    '%s answers every principal as the permission table says',
    async (_label, entry) => {
      const action = await load(entry);
      const signsOut = entry.action.endsWith('#signOutAction');
      const actual: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const principal of PRINCIPALS) {
        request.headers = await headersOf(principal, signsOut);
        expected[principal] = expectedOutcome(entry.needs, principal);
        actual[principal] = outcomeOf(await action(...structuredClone(entry.args)));
      }
      expect(actual).toEqual(expected);
    },
  );

  /** Signing out ends the session it is called with, so it gets a session of its own. */
  async function headersOf(principal: PrincipalName, fresh: boolean): Promise<Headers> {
    if (!fresh || !principal.startsWith('session:')) return headersFor(principal, credentials);
    const role = principal.split(':')[1] as Role;
    return new Headers({ cookie: await sessionCookie(credentials[role].email) });
  }
});
