import 'server-only';
import type { Principal } from '@/lib/auth/principal';
import type { Permission } from '@/lib/auth/roles';
import { requireActionPermission } from '@/lib/auth/session';
import { failureOf, type ActionResult } from './result';

/**
 * Every server action is built the same way: authorize the role, run (the lib function parses input
 * with the shared zod schema), and return a result the form can show.
 */
export function defineAction<I, O>(permission: Permission, run: (input: I, user: Principal) => Promise<O>) {
  return async (input: I): Promise<ActionResult<O>> => {
    try {
      const user = await requireActionPermission(permission);
      return { ok: true, data: await run(input, user) };
    } catch (error) {
      return failureOf(error);
    }
  };
}
