import { and, eq, getTableName, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { appSetting, document, DOCUMENT_KINDS } from '@/db/schema';
import { ExpiringCache } from '@/lib/cache/expiring-cache';
import { onTableChange } from '@/lib/cache/table-changes';
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

/**
 * Every posting reads the settings (an invoice's "create goods document" default), so a process remembers
 * them for SETTINGS_CACHE_MS. A save in this process is seen at once; one in another process (or in psql)
 * when the app_setting trigger's notification arrives (lib/cache/table-changes.ts), or at the latest after
 * SETTINGS_CACHE_MS. The document numbering reads the prefixes in its own statement, never from here.
 */
export const SETTINGS_CACHE_MS = 5_000;
const holder = globalThis as unknown as { __serialstockSettings?: ExpiringCache<CompanySettings> };

function settingsCache(): ExpiringCache<CompanySettings> {
  if (!holder.__serialstockSettings) {
    const cache = (holder.__serialstockSettings = new ExpiringCache<CompanySettings>(8));
    onTableChange([getTableName(appSetting)], () => cache.clear());
  }
  return holder.__serialstockSettings;
}

export async function getCompanySettings(db: DbOrTx): Promise<CompanySettings> {
  const cache = settingsCache();
  // Per database: the tests run many (one each) in one process.
  const key = process.env.DATABASE_URL ?? '';
  const hit = cache.get(key);
  if (hit) return hit;
  const generation = cache.generation();
  const settings = await readCompanySettings(db);
  cache.set(key, settings, Date.now() + SETTINGS_CACHE_MS, generation);
  return settings;
}

async function readCompanySettings(db: DbOrTx): Promise<CompanySettings> {
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
  settingsCache().clear();
  return settings;
}
