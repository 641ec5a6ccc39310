import type { Db } from '@/db/client';
import { createApiKey } from '@/lib/auth/api-keys';
import { getAuth } from '@/lib/auth/auth-instance';
import type { Role } from '@/lib/auth/roles';
import { createUser } from '@/lib/users/users';
import { ROLES_UNDER_TEST, type PrincipalName } from './matrix';

const PASSWORD = 'authz-matrix-password';

/**
 * Signs in through better-auth itself (the same call the sign-in action makes) and returns the Cookie
 * header a browser would send afterwards: the real cookie name and HMAC signature, no hand-made tokens.
 */
export async function sessionCookie(email: string, password = PASSWORD): Promise<string> {
  const auth = await getAuth();
  const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
  if (!response.ok) throw new Error(`sign-in of ${email} failed with ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

export type Credentials = { email: string; userId: number; cookie: string; apiKey: string };

/** One user per role (with a session) and one API key per role. */
export async function createPrincipals(db: Db): Promise<Record<Role, Credentials>> {
  const out = {} as Record<Role, Credentials>;
  for (const role of ROLES_UNDER_TEST) {
    const email = `authz-${role}-${Math.random().toString(36).slice(2)}@example.com`;
    const userId = await createUser(db, { name: `Authz ${role}`, email, role, password: PASSWORD });
    const { key } = await createApiKey(db, { name: `authz ${role}`, role, createdBy: userId });
    out[role] = { email, userId, cookie: await sessionCookie(email), apiKey: key };
  }
  return out;
}

/** The request headers a principal's call carries: a session cookie, an API key, or nothing. */
export function headersFor(principal: PrincipalName, credentials: Record<Role, Credentials>): Headers {
  if (principal === 'anonymous') return new Headers();
  const [kind, role] = principal.split(':') as ['session' | 'apiKey', Role];
  return new Headers(
    kind === 'session' ? { cookie: credentials[role].cookie } : { authorization: `Bearer ${credentials[role].apiKey}` },
  );
}
