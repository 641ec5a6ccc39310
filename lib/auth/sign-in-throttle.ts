import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { signInThrottle } from '@/db/schema';
import { DomainError } from '@/lib/errors';

/**
 * Sign-in back-off, per account and per client address. After `free` failures each further attempt waits
 * `firstDelay`, doubling per failure up to `maxDelay`; a quiet `forgetAfter` starts the bucket afresh. A
 * back-off rather than a lockout: a victim whose password an attacker keeps guessing can still sign in from
 * a browser that signed in to that account before (its own `device` bucket, see sign-in-device.ts), and an
 * admin's password reset clears the account's buckets at once.
 */
export type Policy = { free: number; firstDelay: number; maxDelay: number; forgetAfter: number };
const MINUTE = 60;
export const POLICIES = {
  account: { free: 5, firstDelay: 30, maxDelay: 15 * MINUTE, forgetAfter: 24 * 60 * MINUTE },
  device: { free: 5, firstDelay: 30, maxDelay: 15 * MINUTE, forgetAfter: 24 * 60 * MINUTE },
  // Sized for an office behind one NAT address: 20 typos an hour are free.
  address: { free: 20, firstDelay: 10, maxDelay: 15 * MINUTE, forgetAfter: 60 * MINUTE },
} as const satisfies Record<string, Policy>;
type Kind = keyof typeof POLICIES;

type BucketState = { failures: number; lastFailureAt: Date };

/** Seconds until the next attempt is allowed (0: now). Pure, so the policy is tested without a clock. */
export function waitSeconds(state: BucketState | undefined, policy: Policy, now: Date): number {
  if (!state) return 0;
  const elapsed = (now.getTime() - state.lastFailureAt.getTime()) / 1000;
  if (elapsed >= policy.forgetAfter || state.failures < policy.free) return 0;
  const delay = Math.min(policy.firstDelay * 2 ** (state.failures - policy.free), policy.maxDelay);
  return Math.max(0, Math.ceil(delay - elapsed));
}

export type AttemptKey = { email: string; address: string | null; device: string | null };
type Bucket = { key: string; kind: Kind; email: string | null };
export type Attempt = { buckets: Bucket[]; at: Date; before: Map<string, BucketState> };

/**
 * A browser that signed in to the account before (a signed device cookie, sign-in-device.ts) counts only in
 * its own bucket: neither the account's guesses nor the address it shares with an attacker (an office NAT)
 * can make it wait. Every other attempt counts for the account and for its address.
 */
function bucketsOf({ email, address, device }: AttemptKey): Bucket[] {
  const owner: Bucket = device
    ? { key: `device:${device}`, kind: 'device', email }
    : { key: `account:${email}`, kind: 'account', email };
  const buckets =
    address && !device ? [owner, { key: `address:${address}`, kind: 'address' as const, email: null }] : [owner];
  // One global lock order, so two attempts sharing buckets cannot deadlock.
  return buckets.sort((a, b) => (a.key < b.key ? -1 : 1));
}

/**
 * Counts an attempt as a failure before the password is checked, under the buckets' row locks: parallel
 * guesses are judged one after another and cannot all pass on the same count. Refused (429) while any
 * bucket is still waiting; nothing is counted then.
 */
export async function takeSignInAttempt(db: Db, key: AttemptKey, at = new Date()): Promise<Attempt> {
  const buckets = bucketsOf(key);
  return db.transaction(async (tx) => {
    await tx
      .insert(signInThrottle)
      .values(buckets.map((b) => ({ bucket: b.key, email: b.email, failures: 0, lastFailureAt: at })))
      .onConflictDoNothing();
    const rows = await tx
      .select()
      .from(signInThrottle)
      .where(
        inArray(
          signInThrottle.bucket,
          buckets.map((b) => b.key),
        ),
      )
      .orderBy(asc(signInThrottle.bucket))
      .for('update');
    const before = new Map(rows.map((r) => [r.bucket, { failures: r.failures, lastFailureAt: r.lastFailureAt }]));
    const waits = buckets.map((b) => ({ kind: b.kind, wait: waitSeconds(before.get(b.key), POLICIES[b.kind], at) }));
    const longest = waits.reduce((a, b) => (b.wait > a.wait ? b : a));
    if (longest.wait > 0) throw refusal(longest.kind, longest.wait);
    for (const b of buckets) {
      const state = before.get(b.key)!;
      const forgotten = (at.getTime() - state.lastFailureAt.getTime()) / 1000 >= POLICIES[b.kind].forgetAfter;
      await tx
        .update(signInThrottle)
        .set({ failures: forgotten ? 1 : state.failures + 1, lastFailureAt: at })
        .where(eq(signInThrottle.bucket, b.key));
    }
    return { buckets, at, before };
  });
}

/**
 * The attempt was right after all: the account's buckets start afresh, and the address bucket is put
 * back as it was (unless another attempt counted on it meanwhile), so signing in costs nothing.
 */
export async function signInSucceeded(db: Db, attempt: Attempt): Promise<void> {
  for (const b of attempt.buckets) {
    if (b.email !== null) {
      await clearAccountThrottle(db, b.email);
      continue;
    }
    const before = attempt.before.get(b.key)!;
    await db
      .update(signInThrottle)
      .set({
        failures: sql`greatest(${signInThrottle.failures} - 1, 0)`,
        lastFailureAt: sql`case when ${signInThrottle.lastFailureAt} = ${attempt.at.toISOString()}::timestamptz
        then ${before.lastFailureAt.toISOString()}::timestamptz else ${signInThrottle.lastFailureAt} end`,
      })
      .where(eq(signInThrottle.bucket, b.key));
  }
}

/** Clears the account's own bucket and those of its known browsers (a successful sign-in, an admin's reset). */
export async function clearAccountThrottle(db: DbOrTx, email: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.email, email));
}

function refusal(kind: Kind, seconds: number): DomainError {
  const wait = seconds === 1 ? '1 second' : seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
  return new DomainError(
    'RATE_LIMITED',
    kind === 'address'
      ? `Too many failed sign-ins from your network address. Try again in ${wait}.`
      : `Too many failed sign-ins for this account. Try again in ${wait}, or ask an admin to reset your password.`,
  );
}
