import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { user } from '@/db/schema';
import { setActiveAction } from '@/app/(app)/admin/users/actions';
import { createUser, setUserActive } from '@/lib/users/users';
import { sessionCookie } from '@/test/authz/principals';
import { useTestDatabase } from '@/test/db';

const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => current.headers }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

/** Issue 14, finding 6: nobody can take the last way in away, by mistake or in a race. */
describe('deactivating admins', async () => {
  const { db } = await useTestDatabase();
  const activeAdmins = async () =>
    (
      await db
        .select({ id: user.id })
        .from(user)
        .where(and(eq(user.role, 'admin'), eq(user.active, true)))
    ).length;
  let ada: number;

  beforeAll(async () => {
    ada = await createUser(db, {
      name: 'Ada Admin',
      email: 'ada@example.com',
      role: 'admin',
      password: 'ada-password-1',
    });
    await createUser(db, { name: 'Bea Backup', email: 'bea@example.com', role: 'admin', password: 'bea-password-1' });
    current.headers = new Headers({ cookie: await sessionCookie('ada@example.com', 'ada-password-1') });
  });

  it('an admin cannot deactivate themselves, even with another admin around', async () => {
    const result = await setActiveAction({ id: ada, active: false });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/your own account/) });
    expect((await db.select({ active: user.active }).from(user).where(eq(user.id, ada)))[0].active).toBe(true);
  });

  it('two admins deactivating each other at the same moment leave one active admin', async () => {
    for (let round = 0; round < 8; round++) {
      const [x, y] = await Promise.all(
        [0, 1].map((i) =>
          createUser(db, {
            name: `Racer ${round}${i}`,
            email: `racer${round}-${i}@example.com`,
            role: 'admin',
            password: 'racer-password',
          }),
        ),
      );
      // Only these two stay admins for the round.
      await db
        .update(user)
        .set({ active: false })
        .where(and(eq(user.role, 'admin'), eq(user.active, true)));
      await db.update(user).set({ active: true }).where(eq(user.id, x));
      await db.update(user).set({ active: true }).where(eq(user.id, y));
      await Promise.allSettled([setUserActive(db, x, false, y), setUserActive(db, y, false, x)]);
      expect(await activeAdmins(), `round ${round}`).toBe(1);
    }
  });
});
