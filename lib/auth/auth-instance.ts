import 'server-only';
import { randomBytes } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { nextCookies } from 'better-auth/next-js';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import * as schema from '@/db/schema';
import { authBaseUrl } from '@/lib/http/public-url';

function createAuth(secret: string) {
  const db = getDb();
  return betterAuth({
    secret,
    baseURL: authBaseUrl(),
    trustedOrigins: (request) => (request ? [new URL(request.url).origin] : []),
    database: drizzleAdapter(db, { provider: 'pg', schema }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    user: {
      additionalFields: {
        role: { type: 'string', input: false },
        active: { type: 'boolean', input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // Sign-in throttling is ours (per account and per IP, stored in PostgreSQL): see sign-in-throttle.ts.
    rateLimit: { enabled: false },
    advanced: { database: { generateId: 'serial' }, useSecureCookies: secureCookies() },
    databaseHooks: {
      session: {
        create: {
          // A deactivated user keeps their row (history names them) but can no longer start a session.
          before: async (session) => {
            const [row] = await db
              .select({ active: schema.user.active })
              .from(schema.user)
              .where(eq(schema.user.id, Number(session.userId)));
            return row?.active ? undefined : false;
          },
        },
      },
    },
    plugins: [nextCookies()],
  });
}

/**
 * Session cookies are always HttpOnly and SameSite=Lax (better-auth's defaults); Secure (and the __Secure-
 * name prefix) behind HTTPS: SECURE_COOKIES=true|false decides, and when it is unset an https BETTER_AUTH_URL
 * turns it on. X-Forwarded-Proto is deliberately not trusted for this: any client can send it to a server
 * that is not behind a proxy, and the cookie's name would change from one request to the next.
 */
export function secureCookies(): boolean {
  const flag = process.env.SECURE_COOKIES;
  if (flag === 'true' || flag === 'false') return flag === 'true';
  return (process.env.BETTER_AUTH_URL ?? '').startsWith('https://');
}

export type Auth = ReturnType<typeof createAuth>;
const holder = globalThis as unknown as { __serialstockAuth?: Promise<Auth> };

export function getAuth(): Promise<Auth> {
  holder.__serialstockAuth ??= loadSecret().then(createAuth);
  return holder.__serialstockAuth;
}

/** BETTER_AUTH_SECRET, or one generated once and kept in the database so every instance shares it. */
async function loadSecret(): Promise<string> {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const db = getDb();
  await db
    .insert(schema.appSetting)
    .values({ key: 'auth_secret', value: randomBytes(32).toString('hex') })
    .onConflictDoNothing();
  const [row] = await db.select().from(schema.appSetting).where(eq(schema.appSetting.key, 'auth_secret'));
  return row.value;
}
