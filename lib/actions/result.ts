import { ZodError } from 'zod';
import { DomainError, type FieldErrors } from '@/lib/errors';
import { fieldErrorsOf } from '@/lib/validation/zod-errors';

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: string; fieldErrors: FieldErrors };

/** Only deliberate messages reach the browser; anything unexpected is logged and shown generically. */
export function failureOf(error: unknown): ActionResult<never> {
  if (error instanceof DomainError) {
    return { ok: false, error: error.message, code: error.code, fieldErrors: error.fieldErrors };
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
