import 'server-only';
import type { z } from 'zod';
import type { Principal } from '@/lib/auth/principal';
import type { Permission } from '@/lib/auth/roles';
import { requireActionPermission } from '@/lib/auth/session';
import { DomainError } from '@/lib/errors';
import { findTextProblem } from '@/lib/validation/text';
import { parseOrThrow } from '@/lib/validation/zod-errors';
import { failureOf, type ActionResult } from './result';

/**
 * Every server action is built the same way: authorize the role, check the payload at the door (the
 * text rule over every string in it, then the envelope's shape when the action declares one), run (the
 * lib function parses the values with the shared zod schema), and return a result the form can show.
 */
export function defineAction<I, O>(
  permission: Permission,
  run: (input: I, user: Principal) => Promise<O>,
  payload?: z.ZodType,
) {
  return async (input: I): Promise<ActionResult<O>> => {
    try {
      const user = await requireActionPermission(permission);
      refuseBrokenText(input);
      const parsed = payload ? (parseOrThrow(payload, input) as I) : input;
      return { ok: true, data: await run(parsed, user) };
    } catch (error) {
      return failureOf(error);
    }
  };
}

/**
 * A control character or broken UTF-16 anywhere in the payload is refused on its field (the form's own
 * values sit under `values`, so their keys are the form's field names, as the lib's field errors are).
 */
function refuseBrokenText(input: unknown): void {
  const found = findTextProblem(input, (path) => labelOf(fieldKey(path)));
  if (!found) return;
  const key = fieldKey(found.path) || '_form';
  throw new DomainError('INVALID_DATA', found.message, { [key]: found.message });
}

const fieldKey = (path: (string | number)[]) => (path[0] === 'values' ? path.slice(1) : path).join('.');
const labelOf = (key: string) => (key ? `The field ${key}` : 'The text');
