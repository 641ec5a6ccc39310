import type { z } from 'zod';
import { parseOrThrow } from '@/lib/validation/zod-errors';

/**
 * The sent fields laid over the stored row, parsed with the entity's shared schema. Called under the
 * row's lock, so a field this save does not send keeps the value another save just wrote instead of
 * the copy a form, an API request or an import row read earlier. The schema's keys are the row's
 * column names, so the stored input is the row itself, restricted to them.
 */
export function mergeOverStored<S extends z.ZodObject>(
  schema: S,
  row: Record<string, unknown>,
  changes: Record<string, unknown>,
): z.output<S> {
  const stored = Object.fromEntries(Object.keys(schema.shape).map((key) => [key, row[key]]));
  return parseOrThrow(schema, { ...stored, ...changes });
}
