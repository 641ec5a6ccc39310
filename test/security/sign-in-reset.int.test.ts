import { describe, expect, it, vi } from 'vitest';
import { signInAction } from '@/app/sign-in/actions';
import { createUser, resetUserPassword } from '@/lib/users/users';
import { useTestDatabase } from '@/test/db';

const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({
  headers: async () => current.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));

/** Issue 14, finding 3: the refusal message promises that an admin's reset helps, so it must. */
describe("an admin's password reset", async () => {
  const { db } = await useTestDatabase();

  it("lifts the account's sign-in back-off at once", async () => {
    const id = await createUser(db, {
      name: 'Rita Reset',
      email: 'rita@example.com',
      role: 'warehouse',
      password: 'first-password',
    });
    const answers: string[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      const result = await signInAction({ email: 'rita@example.com', password: 'not-her-password' });
      answers.push(result.ok ? 'ok' : (result.code ?? '?'));
    }
    expect(answers).toEqual([...Array(5).fill('UNAUTHENTICATED'), 'RATE_LIMITED']);
    await resetUserPassword(db, id, 'second-password');
    expect(await signInAction({ email: 'rita@example.com', password: 'second-password' })).toEqual({
      ok: true,
      data: null,
    });
  });
});
