import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import * as schema from '@/db/schema';
import type { Auth } from './auth-instance';

export type SessionUser = { id: number; name: string; email: string; role: string; active: boolean };
/** A session read by the fast path, with the moment it stops being fresh (expiry or its sliding refresh). */
export type FreshSession = SessionUser & { freshUntil: number };

/**
 * The session of a request in one query, for the common case only: a validly signed better-auth cookie
 * whose session is neither expired nor due for its sliding refresh. Every other case answers
 * 'ask-better-auth', so expiry clean-up and refresh stay better-auth's (its getSession costs two queries
 * and about 2 ms of CPU per request, a noticeable share of a page under load; docs/quality.md).
 * The cookie is read exactly as better-call reads it: first cookie of that name, `<token>.<base64 HMAC-SHA256>`.
 */
export async function readFreshSession(
  auth: Auth,
  cookieHeader: string | null,
): Promise<FreshSession | null | 'ask-better-auth'> {
  const context = await auth.$context;
  const value = await sessionCookieValue(auth, cookieHeader);
  if (!value) return null;
  const token = verifiedToken(value, context.secret);
  if (!token) return null;
  const [row] = await sessionByToken().execute({ token });
  if (!row) return null;
  const { expiresIn, updateAge } = context.sessionConfig;
  const now = Date.now();
  const expiresAt = row.expiresAt.getTime();
  const freshUntil = Math.min(expiresAt, expiresAt - expiresIn * 1000 + updateAge * 1000);
  if (freshUntil <= now) return 'ask-better-auth';
  return { id: row.id, name: row.name, email: row.email, role: row.role, active: row.active, freshUntil };
}

/** The session cookie's value as sent (`<token>.<signature>`, not yet verified), or null without one. */
export async function sessionCookieValue(auth: Auth, cookieHeader: string | null): Promise<string | null> {
  if (!cookieHeader) return null;
  const context = await auth.$context;
  return cookieValue(cookieHeader, context.authCookies.sessionToken.name);
}

// Prepared once per process (and per database, so a test that swaps DATABASE_URL gets a fresh one).
let prepared: { db: ReturnType<typeof getDb>; query: ReturnType<typeof buildQuery> } | null = null;
function sessionByToken() {
  const db = getDb();
  if (prepared?.db !== db) prepared = { db, query: buildQuery(db) };
  return prepared.query;
}
function buildQuery(db: ReturnType<typeof getDb>) {
  const { session, user } = schema;
  return db
    .select({
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      active: user.active,
      expiresAt: session.expiresAt,
    })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .where(eq(session.token, sql.placeholder('token')))
    .limit(1)
    .prepare('session_by_token');
}

/** The first cookie of that name, unquoted and URI-decoded (better-call's parseCookies). */
export function cookieValue(header: string, name: string): string | null {
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    let value = part.slice(at + 1).trim();
    if (value.startsWith('"')) value = value.slice(1, -1);
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

/** The token of `<token>.<signature>` when the signature is its HMAC-SHA256 under the secret, else null. */
export function verifiedToken(value: string, secret: string): string | null {
  const dot = value.lastIndexOf('.');
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = value.slice(dot + 1);
  if (signature.length !== 44 || !signature.endsWith('=')) return null;
  const given = Buffer.from(signature, 'base64');
  const expected = createHmac('sha256', secret).update(token).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}
