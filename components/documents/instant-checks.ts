import type { FieldErrors, Resolver } from 'react-hook-form';
import { MAX_LINES, NO_LINES_MESSAGE, TOO_MANY_LINES_MESSAGE } from '@/lib/validation/document-limits';
import type { DocumentFormValues } from './form-values';

/**
 * What the document form checks before it sends anything: only what needs no schema and no database. The
 * whole shape is checked by the server action with the shared zod schema (lib/validation/documents.ts), whose
 * field errors land on the fields (use-save-document.ts); keeping zod out of the browser keeps ~45 KB gzip
 * out of the form's first load.
 */
export function instantProblems(values: Pick<DocumentFormValues, 'lines'>): FieldErrors<DocumentFormValues> {
  if (values.lines.length === 0) return { lines: { type: 'min', message: NO_LINES_MESSAGE } };
  if (values.lines.length > MAX_LINES) return { lines: { type: 'max', message: TOO_MANY_LINES_MESSAGE } };
  return {};
}

export const instantResolver: Resolver<DocumentFormValues> = async (values) => {
  const errors = instantProblems(values);
  return Object.keys(errors).length > 0 ? { values: {}, errors } : { values, errors: {} };
};
