import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { signInFailure } from '@/db/schema';
import { DomainError } from '@/lib/errors';

export const THROTTLE = { windowMinutes: 15, perAccount: 5, perIp: 20 };

/** Refuses a sign-in attempt while the account or the IP has too many recent failures. */
export async function assertSignInAllowed(db: DbOrTx, email: string, ip: string): Promise<void> {
  const since = new Date(Date.now() - THROTTLE.windowMinutes * 60_000);
  const [counts] = await db.select({
    account: sql<number>`count(*) filter (where ${signInFailure.email} = ${email})::int`,
    ip: sql<number>`count(*) filter (where ${signInFailure.ip} = ${ip})::int`,
  }).from(signInFailure).where(and(gt(signInFailure.at, since), or(eq(signInFailure.email, email), eq(signInFailure.ip, ip))));
  if (counts.account >= THROTTLE.perAccount || counts.ip >= THROTTLE.perIp) {
    throw new DomainError('RATE_LIMITED',
      `Too many failed sign-ins. Wait ${THROTTLE.windowMinutes} minutes and try again, or ask an admin to reset your password.`);
  }
}

export async function recordSignInFailure(db: DbOrTx, email: string, ip: string): Promise<void> {
  await db.insert(signInFailure).values({ email, ip });
  // Keep the table small: failures older than a day no longer matter.
  await db.delete(signInFailure).where(lt(signInFailure.at, new Date(Date.now() - 86_400_000)));
}

export async function clearSignInFailures(db: DbOrTx, email: string): Promise<void> {
  await db.delete(signInFailure).where(eq(signInFailure.email, email));
}
