import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { DomainError } from '@/lib/errors';
import { getAuth } from './auth-instance';
import type { Principal } from './principal';
import { can, isRole, type Permission } from './roles';

/** The signed-in user of this request, or null. Deactivated users count as signed out. */
export const getCurrentUser = cache(async (): Promise<Principal | null> => {
  // Reading headers first marks every page behind sign-in as dynamic: no prerendering at build time.
  const requestHeaders = await headers();
  const auth = await getAuth();
  const result = await auth.api.getSession({ headers: requestHeaders });
  if (!result) return null;
  const user = result.user as typeof result.user & { role?: unknown; active?: unknown };
  if (user.active === false || !isRole(user.role)) return null;
  return { kind: 'user', userId: Number(user.id), userName: user.name, email: user.email, role: user.role };
});

/** For pages: sends strangers to sign in and shows the 403 page to users without the permission. */
export async function requirePagePermission(permission: Permission | null, from?: string): Promise<Principal> {
  const user = await getCurrentUser();
  if (!user) {
    const back = from ?? (await headers()).get('x-pathname') ?? '/';
    redirect(`/sign-in?next=${encodeURIComponent(back)}`);
  }
  if (permission && !can(user.role, permission)) forbidden();
  return user;
}

/** For server actions: a clear error instead of a silent no-op. */
export async function requireActionPermission(permission: Permission): Promise<Principal> {
  const user = await getCurrentUser();
  if (!user) throw new DomainError('UNAUTHENTICATED', 'Your session has ended. Please sign in again.');
  if (!can(user.role, permission)) {
    throw new DomainError('FORBIDDEN', 'You do not have permission to do this.');
  }
  return user;
}
