import { hashPassword } from 'better-auth/crypto';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { account, session, user } from '@/db/schema';
import type { Role } from '@/lib/auth/roles';
import { DomainError } from '@/lib/errors';
import { createUserSchema, passwordSchema, type CreateUserInput } from '@/lib/validation/users';

/** Creates a user with an email/password account exactly as better-auth would on sign-up. */
export async function createUser(db: DbOrTx, input: CreateUserInput): Promise<number> {
  const data = createUserSchema.parse(input);
  const taken = await db.select({ id: user.id }).from(user).where(eq(user.email, data.email));
  if (taken.length) {
    throw new DomainError('DUPLICATE_DATA', 'A user with this email already exists.', { email: 'A user with this email already exists.' });
  }
  const [row] = await db.insert(user).values({ name: data.name, email: data.email, role: data.role, emailVerified: true })
    .returning({ id: user.id });
  await db.insert(account).values({
    accountId: String(row.id), providerId: 'credential', userId: row.id, password: await hashPassword(data.password),
  });
  return row.id;
}

async function ensureUser(db: DbOrTx, id: number) {
  const [row] = await db.select({ id: user.id, role: user.role, active: user.active }).from(user).where(eq(user.id, id));
  if (!row) throw new DomainError('NOT_FOUND', 'This user does not exist.');
  return row;
}

/** The last active admin cannot be demoted or deactivated: nobody could manage users afterwards. */
async function assertNotLastAdmin(db: DbOrTx, id: number) {
  const activeAdmins = await db.select({ id: user.id }).from(user).where(and(eq(user.role, 'admin'), eq(user.active, true)));
  if (activeAdmins.length === 1 && activeAdmins[0].id === id) {
    throw new DomainError('CONFLICT', 'This is the last active admin; make another admin first.');
  }
}

export async function changeUserRole(db: DbOrTx, id: number, role: Role): Promise<void> {
  const current = await ensureUser(db, id);
  if (current.role === 'admin' && role !== 'admin') await assertNotLastAdmin(db, id);
  await db.update(user).set({ role }).where(eq(user.id, id));
}

export async function setUserActive(db: DbOrTx, id: number, active: boolean): Promise<void> {
  const current = await ensureUser(db, id);
  if (!active && current.role === 'admin') await assertNotLastAdmin(db, id);
  await db.update(user).set({ active }).where(eq(user.id, id));
  // Deactivation takes effect at once: every open session of the user ends.
  if (!active) await db.delete(session).where(eq(session.userId, id));
}

export async function resetUserPassword(db: DbOrTx, id: number, password: string): Promise<void> {
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) throw new DomainError('INVALID_DATA', parsed.error.issues[0].message, { password: parsed.error.issues[0].message });
  await ensureUser(db, id);
  await db.update(account).set({ password: await hashPassword(parsed.data) }).where(eq(account.userId, id));
  await db.delete(session).where(eq(session.userId, id));
}
