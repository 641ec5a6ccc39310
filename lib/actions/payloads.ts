import { z } from 'zod';

/*
 * The envelopes of server actions. A server action is a public POST endpoint: whatever the form would
 * send, a caller can send null, a number or a list instead. These shapes are checked at the door, so a
 * wrong one is a clear refusal instead of a TypeError deep inside; the values inside the envelope are
 * then parsed by the lib with the shared zod schema, as the form's own values are.
 */
const NOT_VALID = 'The request is not valid. Reload the page and try again.';

const object = <S extends z.ZodRawShape>(shape: S) => z.object(shape, { message: NOT_VALID });
const values = z.record(z.string(), z.unknown(), { message: NOT_VALID });

/** { id } of a record to delete or revoke, as text; parseId then reads it (no such id: not found). */
export const idPayload = object({
  id: z
    .union([z.string(), z.number()], { message: NOT_VALID })
    .optional()
    .transform((id) => (id === undefined ? undefined : String(id))),
});

/**
 * { id?, version?, values } of a create-or-edit form; `version` is the one an edit form was loaded from
 * (lib/versions.ts refuses a save over a newer one). Declared here because an object schema drops keys it
 * does not name: without it the version would vanish at the door and no stale form would ever be refused.
 */
export const savePayload = object({
  id: z.string({ message: NOT_VALID }).optional(),
  version: z
    .number({ message: NOT_VALID })
    .int(NOT_VALID)
    .min(1, NOT_VALID)
    .max(2 ** 31 - 1, NOT_VALID)
    .optional(),
  values,
});

/** The plain form values of a create form. */
export const valuesPayload = values;

/** A user row's id: users have integer ids that fit a JavaScript number (lib/users). */
const userId = z
  .number({ message: 'This user does not exist.' })
  .int('This user does not exist.')
  .min(1, 'This user does not exist.')
  .max(Number.MAX_SAFE_INTEGER, 'This user does not exist.');

export const userRolePayload = object({ id: userId, role: z.unknown() });
export const userActivePayload = object({ id: userId, active: z.unknown() });
export const userPasswordPayload = object({ id: userId, password: z.unknown() });

/** Free text of a picker or search box; anything else is searched for as nothing. */
export const searchTextPayload = z.unknown().transform((v) => (typeof v === 'string' ? v : ''));

const text = z
  .union([z.string(), z.number()], { message: NOT_VALID })
  .optional()
  .transform((v) => (v === undefined ? '' : String(v)));

// Not Number(v) on anything: an object without a prototype has no primitive value and would throw.
const count = z.unknown().transform((v) => (typeof v === 'number' || typeof v === 'string' ? Number(v) : Number.NaN));

/** The in-stock picker's page request; ids are read by parseId, numbers clamped by the action. */
export const inStockPayload = object({ itemId: text, warehouseId: text, query: text, offset: count, limit: count });

/** The receive form's live check of scanned serials against what a transfer has in transit. */
export const arrivalCheckPayload = object({
  transferId: text,
  itemId: text,
  serials: z.array(z.string(), { message: NOT_VALID }),
  arrivalId: text.optional(),
});

/** { id, values } of a stocktake's action (a scan, a count, the close): the count's id as text, its values. */
export const stocktakePayload = object({
  id: z.union([z.string(), z.number()], { message: NOT_VALID }).transform(String),
  values,
});
