import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { DomainError } from '@/lib/errors';
import type { SearchParams } from '@/lib/data-table/params';
import type { Principal } from './principal';
import { can, type Permission } from './roles';
import { sessionPrincipal } from './session-principal';

/** The signed-in user of this request, or null. Deactivated users count as signed out. */
export const getCurrentUser = cache(async (): Promise<Principal | null> =>
  // Reading headers first marks every page behind sign-in as dynamic: no prerendering at build time.
  sessionPrincipal(await headers()),
);

/**
 * For pages: sends strangers to sign in (and back to `from` afterwards) and shows the 403 page to users
 * without the permission. Every page calls this first with its own address; see app/(app)/layout.tsx.
 */
export async function requirePagePermission(permission: Permission | null, from: string): Promise<Principal> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(from)}`);
  if (permission && !can(user.role, permission)) forbidden();
  return user;
}

/** A page's address with its query, for `from` above: a stranger comes back to the same filtered list. */
export function withQuery(path: string, searchParams: SearchParams): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(searchParams)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(name, one);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
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
