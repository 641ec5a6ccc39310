import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getAuth } from '@/lib/auth/auth-instance';
import { createUser } from '@/lib/users/users';
import { useTestDatabase } from '@/test/db';

/**
 * The session cookie's attributes as better-auth sets them on a real sign-in, per configuration. The
 * browser side of the same (through the sign-in form and Next's cookie store) is in e2e/authz.spec.ts.
 */
const saved = { SECURE_COOKIES: process.env.SECURE_COOKIES, BETTER_AUTH_URL: process.env.BETTER_AUTH_URL };
const holder = globalThis as unknown as { __serialstockAuth?: unknown };

function configure(env: { SECURE_COOKIES?: string; BETTER_AUTH_URL?: string }) {
  for (const name of ['SECURE_COOKIES', 'BETTER_AUTH_URL'] as const) {
    if (env[name] === undefined) delete process.env[name];
    else process.env[name] = env[name];
  }
  // The auth instance reads its configuration once; start a new one for each configuration.
  delete holder.__serialstockAuth;
}

describe('session cookie attributes', async () => {
  const { db } = await useTestDatabase();
  const email = `cookie-${Date.now()}@example.com`;
  beforeAll(async () => {
    await createUser(db, { name: 'Cookie Tester', email, role: 'warehouse', password: 'cookie-password-1' });
  });
  afterEach(() => configure(saved));

  async function signInCookie() {
    const auth = await getAuth();
    const response = await auth.api.signInEmail({ body: { email, password: 'cookie-password-1' }, asResponse: true });
    expect(response.status).toBe(200);
    const setCookie = response.headers.getSetCookie().find((c) => /^(__Secure-)?better-auth\.session_token=/.test(c));
    expect(setCookie).toBeDefined();
    const [pair, ...attributes] = setCookie!.split(';').map((part) => part.trim());
    // The session must also be readable back with the cookie as sent: same name, valid signature.
    const session = await auth.api.getSession({ headers: new Headers({ cookie: pair }) });
    expect(session?.user.email).toBe(email);
    return { name: pair.split('=')[0], attributes: attributes.map((a) => a.toLowerCase()) };
  }

  it('is HttpOnly and SameSite=Lax, without Secure on plain http (the default)', async () => {
    configure({ BETTER_AUTH_URL: 'http://localhost:3000' });
    const cookie = await signInCookie();
    expect(cookie.name).toBe('better-auth.session_token');
    expect(cookie.attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=lax', 'path=/']));
    expect(cookie.attributes).not.toContain('secure');
  });

  it('is Secure with the __Secure- prefix when SECURE_COOKIES=true', async () => {
    configure({ SECURE_COOKIES: 'true', BETTER_AUTH_URL: 'http://localhost:3000' });
    const cookie = await signInCookie();
    expect(cookie.name).toBe('__Secure-better-auth.session_token');
    expect(cookie.attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax']));
  });

  it('is Secure when the public URL is https and SECURE_COOKIES is unset; SECURE_COOKIES=false overrides', async () => {
    configure({ BETTER_AUTH_URL: 'https://stock.example' });
    expect((await signInCookie()).attributes).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax']));
    configure({ SECURE_COOKIES: 'false', BETTER_AUTH_URL: 'https://stock.example' });
    expect((await signInCookie()).attributes).not.toContain('secure');
  });
});
