import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { apiKey, appSetting } from '@/db/schema';

const INSTANCE_SECRET_KEY = 'import_callback_secret';

/**
 * The HMAC secret of a job's callback: the signing secret of the API key that created the job. Jobs created with a
 * session take no callback any more (create-job.ts); one created before that, or whose key was deleted since, is signed
 * with an instance-wide secret generated once and kept in app_setting.
 */
export async function callbackSecret(db: DbOrTx, apiKeyId: bigint | null): Promise<string> {
  if (apiKeyId !== null) {
    const [key] = await db.select({ secret: apiKey.signingSecret }).from(apiKey).where(eq(apiKey.id, apiKeyId));
    if (key) return key.secret;
  }
  await db
    .insert(appSetting)
    .values({ key: INSTANCE_SECRET_KEY, value: randomBytes(32).toString('hex') })
    .onConflictDoNothing();
  const [row] = await db
    .select({ value: appSetting.value })
    .from(appSetting)
    .where(eq(appSetting.key, INSTANCE_SECRET_KEY));
  return row.value;
}
