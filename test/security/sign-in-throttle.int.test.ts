import { afterEach, describe, expect, it, vi } from 'vitest';
import { signInAction } from '@/app/sign-in/actions';
import { stampedPeerHeader } from '@/lib/http/peer-address';
import { createUser } from '@/lib/users/users';
import { useTestDatabase } from '@/test/db';

// The sign-in action as Next.js runs it: these request headers (with the socket address stamped the way
// lib/http/peer-address.ts stamps it on a real server), and the cookies it sets.
const current = vi.hoisted(() => ({ headers: new Headers(), set: new Map<string, string>() }));
vi.mock('next/headers', () => ({
  headers: async () => current.headers,
  cookies: async () => ({
    get: () => undefined,
    getAll: () => [],
    has: () => false,
    delete: () => {},
    set: (name: string, value: string) => current.set.set(name, value),
  }),
}));

/**
 * Issue 14, finding 3, through the sign-in action: the client address is the socket's unless TRUST_PROXY says
 * otherwise.
 */
describe('sign-in throttling by client address', async () => {
  const { db } = await useTestDatabase();
  await createUser(db, {
    name: 'Vera Victim',
    email: 'vera@example.com',
    role: 'warehouse',
    password: 'vera-password',
  });
  afterEach(() => {
    delete process.env.TRUST_PROXY;
  });

  async function signIn(email: string, password: string, socket: string, extra: Record<string, string> = {}) {
    current.headers = new Headers({ ...stampedPeerHeader(socket), ...extra });
    const result = await signInAction({ email, password });
    return result.ok ? 'ok' : result.error;
  }

  it('a rotating X-Forwarded-For does not escape the per-address limit without TRUST_PROXY', async () => {
    const answers: string[] = [];
    for (let i = 1; i <= 21; i++)
      answers.push(
        await signIn(`nobody${i}@example.com`, 'guess', '198.51.100.20', { 'x-forwarded-for': `203.0.113.${i}` }),
      );
    expect(answers.slice(0, 20).every((a) => /email or password is wrong/.test(a))).toBe(true);
    expect(answers[20]).toMatch(/Too many failed sign-ins from your network address/);
  });

  it('one noisy client does not lock out another: the real user at another address signs in', async () => {
    for (let i = 1; i <= 21; i++) await signIn(`noise${i}@example.com`, 'guess', '198.51.100.30');
    expect(await signIn('vera@example.com', 'vera-password', '198.51.100.31')).toBe('ok');
  });

  it('behind TRUST_PROXY=1 the proxy-appended entry is the client: two clients of one proxy are two addresses', async () => {
    process.env.TRUST_PROXY = '1';
    for (let i = 1; i <= 21; i++)
      await signIn(`behind${i}@example.com`, 'guess', '10.0.0.1', { 'x-forwarded-for': '198.51.100.40' });
    expect(
      await signIn('behind99@example.com', 'guess', '10.0.0.1', { 'x-forwarded-for': 'forged, 198.51.100.40' }),
    ).toMatch(/network address/);
    expect(await signIn('vera@example.com', 'vera-password', '10.0.0.1', { 'x-forwarded-for': '198.51.100.41' })).toBe(
      'ok',
    );
  });

  it('a browser that signed in before keeps signing in while an attacker backs off the account', async () => {
    current.set.clear();
    expect(await signIn('vera@example.com', 'vera-password', '192.0.2.77')).toBe('ok');
    const [[name, value]] = [...current.set];
    expect(name).toBe('serialstock.sign_in_device');
    for (let i = 0; i < 6; i++) await signIn('vera@example.com', 'attackers-guess', `203.0.113.${100 + i}`);
    expect(await signIn('vera@example.com', 'vera-password', '203.0.113.200')).toMatch(
      /Too many failed sign-ins for this account/,
    );
    expect(await signIn('vera@example.com', 'vera-password', '192.0.2.77', { cookie: `${name}=${value}` })).toBe('ok');
    // The cookie names its account: it does not open the back-off of another one.
    expect(await signIn('other@example.com', 'x', '192.0.2.77', { cookie: `${name}=${value}` })).toMatch(
      /email or password is wrong/,
    );
  });
});
