import { z } from 'zod';
import { DOCUMENT_KINDS } from '@/db/schema/inventory';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';

/*
 * The company's own defaults, set by an admin on /admin/settings and shared by every app instance
 * (app_setting 'company', JSON): whether an invoice creates its goods document when a door does not say,
 * and the document numbers' prefixes and digits (numbering.ts reads them in the numbering statement).
 * The schema is browser-safe: the settings form validates with it too.
 */
export const SETTINGS_KEY = 'company';

const prefix = (kind: DocumentKind) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{1,6}$/, `The prefix of ${KINDS[kind].plural.toLowerCase()} is 1 to 6 letters (A–Z).`);

export const companySettingsSchema = z
  .object({
    createStockDocument: z.boolean(),
    prefixes: z.object(
      Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, prefix(kind)])) as Record<
        DocumentKind,
        ReturnType<typeof prefix>
      >,
    ),
    digits: z.coerce
      .number({ message: 'Digits must be a whole number from 3 to 9.' })
      .int('Digits must be a whole number from 3 to 9.')
      .min(3, 'Digits must be a whole number from 3 to 9.')
      .max(9, 'Digits must be a whole number from 3 to 9.'),
  })
  .superRefine((settings, ctx) => {
    const seen = new Map<string, DocumentKind>();
    for (const kind of DOCUMENT_KINDS) {
      const other = seen.get(settings.prefixes[kind]);
      if (other)
        ctx.addIssue({
          code: 'custom',
          path: ['prefixes', kind],
          message: `${KINDS[other].plural} already use the prefix ${settings.prefixes[kind]}.`,
        });
      seen.set(settings.prefixes[kind], kind);
    }
  });
export type CompanySettings = z.output<typeof companySettingsSchema>;
export type CompanySettingsInput = z.input<typeof companySettingsSchema>;

export const DEFAULT_SETTINGS: CompanySettings = {
  createStockDocument: true,
  prefixes: Object.fromEntries(DOCUMENT_KINDS.map((kind) => [kind, KINDS[kind].prefix])) as Record<
    DocumentKind,
    string
  >,
  digits: 5,
};
