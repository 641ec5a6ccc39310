import { hashPassword } from 'better-auth/crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import { account, session, user } from '@/db/schema';
import { invalidateAuthCache } from '@/lib/auth/auth-cache';
import type { Role } from '@/lib/auth/roles';
import { clearAccountThrottle } from '@/lib/auth/sign-in-throttle';
import { DomainError } from '@/lib/errors';
import { createUserSchema, passwordSchema, type CreateUserInput } from '@/lib/validation/users';

/** Creates a user with an email/password account exactly as better-auth would on sign-up. */
export async function createUser(db: DbOrTx, input: CreateUserInput): Promise<number> {
  const data = createUserSchema.parse(input);
  const taken = await db.select({ id: user.id }).from(user).where(eq(user.email, data.email));
  if (taken.length) {
    throw new DomainError('DUPLICATE_DATA', 'A user with this email already exists.', {
      email: 'A user with this email already exists.',
    });
  }
  const [row] = await db
    .insert(user)
    .values({ name: data.name, email: data.email, role: data.role, emailVerified: true })
    .returning({ id: user.id });
  await db.insert(account).values({
    accountId: String(row.id),
    providerId: 'credential',
    userId: row.id,
    password: await hashPassword(data.password),
  });
  return row.id;
}

async function ensureUser(db: DbOrTx, id: number) {
  const [row] = await db
    .select({ id: user.id, email: user.email, role: user.role, active: user.active })
    .from(user)
    .where(eq(user.id, id));
  if (!row) throw new DomainError('NOT_FOUND', 'This user does not exist.');
  return row;
}

/**
 * The last active admin cannot be demoted or deactivated: nobody could manage users afterwards. The active
 * admins' rows are locked (in id order) before they are counted, so two admins demoting or deactivating
 * each other at the same moment are judged one after the other and one of them stays.
 */
async function assertNotLastAdmin(tx: DbOrTx, id: number) {
  const activeAdmins = await tx
    .select({ id: user.id })
    .from(user)
    .where(and(eq(user.role, 'admin'), eq(user.active, true)))
    .orderBy(asc(user.id))
    .for('update');
  if (activeAdmins.length === 1 && activeAdmins[0].id === id) {
    throw new DomainError('CONFLICT', 'This is the last active admin; make another admin first.');
  }
}

export async function changeUserRole(db: Db, id: number, role: Role): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await ensureUser(tx, id);
    if (current.role === 'admin' && role !== 'admin') await assertNotLastAdmin(tx, id);
    await tx.update(user).set({ role }).where(eq(user.id, id));
  });
  invalidateAuthCache();
}

/** `by` is the admin doing it: nobody deactivates their own account (they could not undo it). */
export async function setUserActive(db: Db, id: number, active: boolean, by: number): Promise<void> {
  if (!active && id === by)
    throw new DomainError('CONFLICT', 'You cannot deactivate your own account; ask another admin.');
  await db.transaction(async (tx) => {
    const current = await ensureUser(tx, id);
    if (!active && current.role === 'admin') await assertNotLastAdmin(tx, id);
    await tx.update(user).set({ active }).where(eq(user.id, id));
    // Deactivation takes effect at once: every open session ends, and the user's API keys stop
    // (lib/auth/api-keys.ts checks the owner on every call).
    if (!active) await tx.delete(session).where(eq(session.userId, id));
  });
  invalidateAuthCache();
}

/** A new password from an admin also ends open sessions and lifts the account's sign-in back-off. */
export async function resetUserPassword(db: DbOrTx, id: number, password: string): Promise<void> {
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success)
    throw new DomainError('INVALID_DATA', parsed.error.issues[0].message, { password: parsed.error.issues[0].message });
  const { email } = await ensureUser(db, id);
  await db
    .update(account)
    .set({ password: await hashPassword(parsed.data) })
    .where(eq(account.userId, id));
  await db.delete(session).where(eq(session.userId, id));
  invalidateAuthCache();
  await clearAccountThrottle(db, email);
}
