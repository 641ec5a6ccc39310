import type { z } from 'zod';
import { DomainError, type FieldErrors } from '@/lib/errors';

/** The first message per field, keyed by the field's name: ready for setError next to the field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    out[key] ??= issue.message;
  }
  return out;
}

/** Parses input or throws a DomainError carrying every field's message. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors = fieldErrorsOf(result.error);
  const first = Object.values(fieldErrors)[0] ?? 'The data is not valid.';
  throw new DomainError('INVALID_DATA', first, fieldErrors);
}
