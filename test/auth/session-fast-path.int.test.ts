import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getAuth } from '@/lib/auth/auth-instance';
import { createUser } from '@/lib/users/users';
import { useTestDatabase } from '@/test/db';
import { cookieValue, readFreshSession, verifiedToken } from '@/lib/auth/session-fast-path';

/**
 * The one-query session read must agree with better-auth's getSession on every cookie it answers for,
 * and hand everything else (expired, due for refresh) back to better-auth.
 */
describe('session fast path', async () => {
  const { db } = await useTestDatabase();
  const email = `fast-${Date.now()}@example.com`;
  beforeAll(async () => {
    await createUser(db, { name: 'Fast Path', email, role: 'accountant', password: 'fast-password-1' });
  });

  async function signIn(): Promise<{ cookie: string; token: string }> {
    const auth = await getAuth();
    const response = await auth.api.signInEmail({ body: { email, password: 'fast-password-1' }, asResponse: true });
    const cookie = response.headers
      .getSetCookie()
      .find((c) => c.startsWith('better-auth.session_token='))!
      .split(';')[0];
    return { cookie, token: decodeURIComponent(cookie.split('=')[1]).split('.')[0] };
  }
  const setExpiry = (token: string, interval: string) =>
    db.execute(sql`update session set expires_at = now() + ${interval}::interval where token = ${token}`);

  it('reads a fresh session in one query, as better-auth does', async () => {
    const auth = await getAuth();
    const { cookie } = await signIn();
    const fast = await readFreshSession(auth, `theme=dark; ${cookie}; other=1`);
    const slow = await auth.api.getSession({ headers: new Headers({ cookie }) });
    expect(fast).toEqual({
      id: Number(slow!.user.id),
      name: 'Fast Path',
      email,
      role: 'accountant',
      active: true,
      // Fresh until better-auth would refresh it: a day (updateAge) after it was last extended to seven.
      freshUntil: new Date(slow!.session.expiresAt).getTime() - 6 * 24 * 3600 * 1000,
    });
  });

  it('answers null for no cookie, another cookie, a forged signature or an unknown token', async () => {
    const auth = await getAuth();
    const { cookie, token } = await signIn();
    expect(await readFreshSession(auth, null)).toBeNull();
    expect(await readFreshSession(auth, 'theme=dark')).toBeNull();
    const value = decodeURIComponent(cookie.split('=')[1]);
    const dot = value.lastIndexOf('.');
    const forged = `${value.slice(0, dot + 1)}${value[dot + 1] === 'A' ? 'B' : 'A'}${value.slice(dot + 2)}`;
    expect(await readFreshSession(auth, `better-auth.session_token=${encodeURIComponent(forged)}`)).toBeNull();
    const context = await auth.$context;
    const unknown = `${token}x`;
    const signed = `${unknown}.${createHmac('sha256', context.secret).update(unknown).digest('base64')}`;
    expect(await readFreshSession(auth, `better-auth.session_token=${encodeURIComponent(signed)}`)).toBeNull();
  });

  it('leaves expired sessions and sessions due for refresh to better-auth, which refreshes them', async () => {
    const auth = await getAuth();
    const { cookie, token } = await signIn();
    await setExpiry(token, '-1 minute');
    expect(await readFreshSession(auth, cookie)).toBe('ask-better-auth');
    expect(await auth.api.getSession({ headers: new Headers({ cookie }) })).toBeNull();

    const second = await signIn();
    // Six days left of seven: more than a day since the last refresh (updateAge), so better-auth extends it.
    await setExpiry(second.token, '6 days - 1 minute');
    expect(await readFreshSession(auth, second.cookie)).toBe('ask-better-auth');
    expect((await auth.api.getSession({ headers: new Headers({ cookie: second.cookie }) }))?.user.email).toBe(email);
    expect(await readFreshSession(auth, second.cookie)).toMatchObject({ email });
  });

  it('reports a deactivated user as inactive (the caller treats them as signed out)', async () => {
    const auth = await getAuth();
    const { cookie } = await signIn();
    await db.execute(sql`update "user" set active = false where email = ${email}`);
    try {
      expect(await readFreshSession(auth, cookie)).toMatchObject({ email, active: false });
    } finally {
      await db.execute(sql`update "user" set active = true where email = ${email}`);
    }
  });

  it('parses and verifies cookies the way better-call does', () => {
    expect(
      cookieValue('a=1; better-auth.session_token="x%2Ey"; better-auth.session_token=z', 'better-auth.session_token'),
    ).toBe('x.y');
    expect(cookieValue('a=1', 'better-auth.session_token')).toBeNull();
    expect(verifiedToken('no-signature', 'secret')).toBeNull();
    expect(verifiedToken('.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=', 'secret')).toBeNull();
  });
});
