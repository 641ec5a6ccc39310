import { ZodError } from 'zod';
import { DomainError, type FieldErrors } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/validation/zod-errors';
import { isStaleVersion } from '@/lib/versions';

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: string; fieldErrors: FieldErrors; /** Saved over a newer version: offer to reload the form. */ reload?: true };

/** Only deliberate messages reach the browser; anything unexpected is logged and shown generically. */
export function failureOf(error: unknown): ActionResult<never> {
  if (error instanceof DomainError) {
    const failure = { ok: false as const, error: error.message, code: error.code, fieldErrors: error.fieldErrors };
    return isStaleVersion(error) ? { ...failure, reload: true } : failure;
  }
  if (error instanceof ZodError) {
    const fieldErrors = fieldErrorsOf(error);
    return { ok: false, error: Object.values(fieldErrors)[0] ?? 'Check the form.', code: 'INVALID_DATA', fieldErrors };
  }
  // redirect()/forbidden() signal control flow with special errors; let Next.js handle them.
  if (isNextControlFlow(error)) throw error;
  console.error('[action] unexpected error', error);
  return { ok: false, error: 'Something went wrong on our side; nothing was saved. Please try again.', code: 'INTERNAL', fieldErrors: {} };
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === 'string' && /^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND)/.test(digest);
}
