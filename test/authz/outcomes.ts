import { can } from '@/lib/auth/roles';
import {
  RECORDS_MODULES,
  type PrincipalName,
  type RecordsOperation,
  type Requirement,
  type RouteEntry,
} from './matrix';

/**
 * What the permission table says a call must get: let through, refused for want of a sign-in, refused
 * for the role, or (records API only) refused because the module does not offer the operation at all.
 */
export type Outcome = 'allowed' | 'unauthenticated' | 'forbidden' | 'unsupported';

export function roleOf(principal: PrincipalName) {
  return principal === 'anonymous' ? null : (principal.split(':')[1] as 'admin' | 'accountant' | 'warehouse');
}

/** `accepts`: which credentials the door reads at all (pages and actions: the session cookie only). */
export function expectedOutcome(
  needs: Requirement,
  principal: PrincipalName,
  accepts: RouteEntry['auth'] = 'session',
): Outcome {
  if (needs === 'public') return 'allowed';
  const role = roleOf(principal);
  if (!role) return 'unauthenticated';
  if (principal.startsWith('apiKey:') && accepts !== 'session-or-key') return 'unauthenticated';
  return needs === null || can(role, needs) ? 'allowed' : 'forbidden';
}

/**
 * The records API: unknown credentials first (401), then a write the module lacks (405), then the permission
 * (403); reading one row of a module without ids answers 405 only after the read permission passed.
 */
export function expectedRecordsOutcome(module: string, op: RecordsOperation, principal: PrincipalName): Outcome {
  const entry = RECORDS_MODULES[module];
  if (!roleOf(principal)) return 'unauthenticated';
  if (op === 'read') return expectedOutcome(entry.read, principal, 'session-or-key');
  if (op === 'get') {
    const outcome = expectedOutcome(entry.read, principal, 'session-or-key');
    return outcome === 'allowed' && !entry.byId ? 'unsupported' : outcome;
  }
  if (!entry.writes.includes(op) || !entry.write) return 'unsupported';
  return expectedOutcome(entry.write, principal, 'session-or-key');
}
