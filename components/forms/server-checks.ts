import type { FieldValues, Resolver, UseFormSetError } from 'react-hook-form';
import type { ActionResult } from '@/lib/actions/result';

/**
 * The resolver of a form whose checks are all the server's: the server action parses the values with the shared
 * zod schema (lib/validation) and its field errors land on the fields (showErrors). The browser does not repeat the
 * check, so zod (~45 KB gzip) stays out of the form's first load. A resolver, rather than none, because each submit
 * then starts from no errors: a server error on a field the form does not register cannot block the next try.
 */
export function serverChecked<T extends FieldValues>(): Resolver<T> {
  return async (values) => ({ values, errors: {} });
}

/** Puts server field errors next to their fields and the summary (with Reload for a stale form) above the form. */
export function showErrors<T extends FieldValues>(
  result: Extract<ActionResult<unknown>, { ok: false }>,
  setFieldError: UseFormSetError<T>,
  setError: (message: string, reload?: boolean) => void,
) {
  setError(result.error, result.reload);
  for (const [field, message] of Object.entries(result.fieldErrors)) {
    setFieldError(field as never, { type: 'server', message });
  }
}
