import { and, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { appSetting, document, DOCUMENT_KINDS } from '@/db/schema';
import { DomainError } from '@/lib/errors';
import { KINDS } from '@/lib/inventory/kinds';
import { parseOrThrow } from '@/lib/validation/zod-errors';
import {
  companySettingsSchema,
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  type CompanySettings,
  type CompanySettingsInput,
} from './company-schema';

export { DEFAULT_SETTINGS, SETTINGS_KEY, type CompanySettings, type CompanySettingsInput };

export async function getCompanySettings(db: DbOrTx): Promise<CompanySettings> {
  const [row] = await db.select({ value: appSetting.value }).from(appSetting).where(eq(appSetting.key, SETTINGS_KEY));
  if (!row) return DEFAULT_SETTINGS;
  // Laid over the defaults: settings saved before a kind of document existed keep theirs, and the new kind its prefix.
  const saved = JSON.parse(row.value) as Partial<CompanySettingsInput>;
  const stored = companySettingsSchema.safeParse({
    ...DEFAULT_SETTINGS,
    ...saved,
    prefixes: { ...DEFAULT_SETTINGS.prefixes, ...saved.prefixes },
  });
  return stored.success ? stored.data : DEFAULT_SETTINGS;
}

/**
 * Saves the settings. A prefix another kind's documents already carry is refused: its next numbers could
 * equal those documents' numbers.
 */
export async function saveCompanySettings(db: DbOrTx, input: CompanySettingsInput): Promise<CompanySettings> {
  const settings = parseOrThrow(companySettingsSchema, input);
  for (const kind of DOCUMENT_KINDS) {
    const wanted = settings.prefixes[kind];
    const [clash] = await db
      .select({ number: document.number })
      .from(document)
      .where(and(ne(document.kind, kind), sql`${document.number} like ${`${wanted}-%`}`))
      .limit(1);
    if (clash) {
      const message = `${clash.number} already carries the prefix ${wanted}; choose another prefix for ${KINDS[kind].plural.toLowerCase()}.`;
      throw new DomainError('CONFLICT', message, { [`prefixes.${kind}`]: message });
    }
  }
  await db
    .insert(appSetting)
    .values({ key: SETTINGS_KEY, value: JSON.stringify(settings) })
    .onConflictDoUpdate({ target: appSetting.key, set: { value: JSON.stringify(settings) } });
  return settings;
}
