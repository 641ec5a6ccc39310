import { ZodError } from 'zod';
import { DomainError, type FieldErrors } from '@/lib/errors';
import type { DocumentKind } from '@/lib/inventory/kinds';
import type { Problem } from '@/lib/inventory/problems';
import { fieldErrorsOf } from '@/lib/validation/zod-errors';
import { isStaleVersion } from '@/lib/versions';

/**
 * One rule a refusal names, with the document it points to: the one to change first (a problem's
 * blockedBy) or the one already holding the same paper (a duplicate external number's `existing`).
 */
export type RefusalProblem = {
  message: string;
  line?: number;
  document?: { id: string; number: string; kind: DocumentKind };
};

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | {
      ok: false;
      error: string;
      code: string;
      fieldErrors: FieldErrors;
      /** Saved over a newer version: offer to reload the form. */ reload?: true;
      /** Every problem of a refusal that has several or points to a document (the message names only the first). */
      problems?: RefusalProblem[];
    };

/** Only deliberate messages reach the browser; anything unexpected is logged and shown generically. */
export function failureOf(error: unknown): ActionResult<never> {
  if (error instanceof DomainError) {
    const problems = problemsOf(error);
    const failure = {
      ok: false as const,
      error: error.message,
      code: error.code,
      fieldErrors: error.fieldErrors,
      ...(problems ? { problems } : {}),
    };
    return isStaleVersion(error) ? { ...failure, reload: true } : failure;
  }
  if (error instanceof ZodError) {
    const fieldErrors = fieldErrorsOf(error);
    return { ok: false, error: Object.values(fieldErrors)[0] ?? 'Check the form.', code: 'INVALID_DATA', fieldErrors };
  }
  // redirect()/forbidden() signal control flow with special errors; let Next.js handle them.
  if (isNextControlFlow(error)) throw error;
  console.error('[action] unexpected error', error);
  return {
    ok: false,
    error: 'Something went wrong on our side; nothing was saved. Please try again.',
    code: 'INTERNAL',
    fieldErrors: {},
  };
}

/** The core's problem list (InventoryRuleError) or the document a duplicate points to, as the browser shows them. */
function problemsOf(error: DomainError): RefusalProblem[] | undefined {
  const { problems, existing } = error.details as { problems?: Problem[]; existing?: RefusalProblem['document'] };
  if (Array.isArray(problems) && problems.length > 0) {
    return problems.map((p) => ({
      message: p.message,
      line: p.line,
      ...(p.blockedBy ? { document: p.blockedBy } : {}),
    }));
  }
  return existing ? [{ message: error.message, document: existing }] : undefined;
}

function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === 'string' && /^(NEXT_REDIRECT|NEXT_HTTP_ERROR_FALLBACK|NEXT_NOT_FOUND)/.test(digest);
}
