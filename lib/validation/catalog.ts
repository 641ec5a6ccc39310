import { z } from 'zod';
import { PARTNER_TYPES } from '@/db/schema/catalog';
import { identifierTextProblem, trimIdentifier } from '@/lib/text/identifier-text';
import { decimalString, moneySchema, vatRateSchema } from './decimal';
import { eanSchema } from './ean';
import { cleanText } from './text';
import { warrantyMonthsSchema } from './warranty';

const text = (label: string, max: number) =>
  z
    .string({ message: `Enter the ${label.toLowerCase()}.` })
    .trim()
    .min(1, `Enter the ${label.toLowerCase()}.`)
    .max(max, `${label} can have at most ${max} characters.`)
    .check(cleanText(label));
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} can have at most ${max} characters.`)
    .check(cleanText(label))
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));
/**
 * A code as every door takes it: trimmed of whitespace and invisible marks, printable, without spaces.
 * (overwrite, not transform: the schema stays a string schema, so the OpenAPI document keeps its limits.)
 */
const code = (label: string) =>
  z
    .string({ message: `Enter the ${label.toLowerCase()}.` })
    .overwrite(trimIdentifier)
    .min(1, `Enter the ${label.toLowerCase()}.`)
    .max(64, `${label} can have at most 64 characters.`)
    .superRefine((value, ctx) => {
      const problem = identifierTextProblem(label, value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .regex(/^\S+$/, `${label} cannot contain spaces.`);
const bool = z
  .union([z.boolean(), z.enum(['true', 'false', 'on', '1', '0', ''])])
  .transform((v) => v === true || v === 'true' || v === 'on' || v === '1');

/** One schema for an item: the form, the server action, the API and every import row use it. */
export const itemSchema = z.object({
  code: code('Code'),
  name: text('Name', 255),
  unit: z
    .string()
    .trim()
    .max(20, 'Unit can have at most 20 characters.')
    .check(cleanText('Unit'))
    .optional()
    .transform((v) => v || 'pcs'),
  purchasePrice: moneySchema('Purchase price')
    .optional()
    .transform((v) => v ?? '0'),
  salePrice: moneySchema('Sale price')
    .optional()
    .transform((v) => v ?? '0'),
  vatRate: vatRateSchema.optional().transform((v) => v ?? '21'),
  ean: eanSchema,
  description: z
    .string()
    .max(2000, 'Description can have at most 2,000 characters.')
    .check(cleanText('Description'))
    .optional()
    .transform((v) => v ?? ''),
  active: bool.optional().transform((v) => v ?? true),
  trackSerials: bool.optional().transform((v) => v ?? false),
  minStock: z
    .union([
      z.literal(''),
      z.null(),
      decimalString({ label: 'Minimum stock', intDigits: 15, fracDigits: 3, min: 'zero' }),
    ])
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v)),
  saleWarrantyMonths: warrantyMonthsSchema('Sale warranty'),
  purchaseWarrantyMonths: warrantyMonthsSchema('Purchase warranty'),
});
export type ItemInput = z.input<typeof itemSchema>;
export type ItemData = z.output<typeof itemSchema>;

export const warehouseSchema = z.object({ code: code('Code'), name: text('Name', 255) });
export type WarehouseInput = z.input<typeof warehouseSchema>;

export const partnerSchema = z.object({
  code: code('Code'),
  name: text('Name', 255),
  type: z.enum(PARTNER_TYPES, { message: 'Choose supplier, customer or both.' }),
  vatId: optionalText('VAT ID', 32),
  email: z
    .string()
    .trim()
    .optional()
    .nullable()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || z.email().safeParse(v).success, 'Enter a valid email address.'),
  phone: optionalText('Phone', 30).refine(
    (v) => v === null || /^\+?[\d ]{3,30}$/.test(v),
    'Phone may contain digits, spaces and a leading +.',
  ),
  address: optionalText('Address', 500),
});
export type PartnerInput = z.input<typeof partnerSchema>;
