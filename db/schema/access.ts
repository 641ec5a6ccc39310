import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idPk, userRef } from './columns';
import { roleEnum, user } from './auth';

/** API keys: only a SHA-256 hash is stored; the key itself is shown once. */
export const apiKey = pgTable(
  'api_key',
  {
    id: idPk(),
    name: text().notNull(),
    role: roleEnum().notNull(),
    keyHash: text().notNull(),
    keyPrefix: text().notNull(),
    // Signs callback bodies (HMAC-SHA256) of jobs created with this key.
    signingSecret: text().notNull(),
    createdBy: userRef()
      .notNull()
      .references(() => user.id),
    createdAt: createdAt(),
    lastUsedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex().on(t.keyHash)],
);

/**
 * Sign-in back-off per bucket: `account:<email>`, `device:<id>` (a browser that signed in to that account
 * before) and `address:<client address>`. An attempt is counted before the password is checked, under the
 * row's lock, so parallel guesses cannot slip past the limit (lib/auth/sign-in-throttle.ts).
 */
export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    bucket: text().primaryKey(),
    // The account an account or device bucket belongs to, so an admin's password reset can clear them.
    email: text(),
    failures: integer().notNull(),
    lastFailureAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.email)],
);

/** Fixed-window request counters (API rate limits) shared by every app instance. */
export const rateWindow = pgTable('rate_window', {
  bucket: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  count: integer().notNull(),
});
