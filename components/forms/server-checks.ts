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

/** The summary of a refusal whose every message is on a field of the form. */
export const FIELDS_SUMMARY = 'Some fields need a change: see the message next to each.';

/**
 * Puts server field errors next to their fields (the first one focused, as a check in the browser would) and the
 * summary (with Reload for a stale form) above the form. A refusal of the schema's (INVALID_DATA: its keys are the
 * form's own field names) is not repeated above the form, which points to the fields instead: the same words twice
 * would be read out twice. A rule of the core's (a duplicate code) keeps its message above the form too.
 */
export function showErrors<T extends FieldValues>(
  result: Extract<ActionResult<unknown>, { ok: false }>,
  setFieldError: UseFormSetError<T>,
  setError: (message: string, reload?: boolean) => void,
) {
  const fields = Object.entries(result.fieldErrors);
  const allOnFields = result.code === 'INVALID_DATA' && fields.length > 0 && !('_form' in result.fieldErrors);
  setError(allOnFields ? FIELDS_SUMMARY : result.error, result.reload);
  fields.forEach(([field, message], index) => {
    setFieldError(field as never, { type: 'server', message }, { shouldFocus: index === 0 });
  });
}
