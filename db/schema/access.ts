import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idPk, userRef } from './columns';
import { roleEnum, user } from './auth';

/** API keys: only a SHA-256 hash is stored; the key itself is shown once. */
export const apiKey = pgTable('api_key', {
  id: idPk(),
  name: text().notNull(),
  role: roleEnum().notNull(),
  keyHash: text().notNull(),
  keyPrefix: text().notNull(),
  // Signs callback bodies (HMAC-SHA256) of jobs created with this key.
  signingSecret: text().notNull(),
  createdBy: userRef().notNull().references(() => user.id),
  createdAt: createdAt(),
  lastUsedAt: timestamp({ withTimezone: true }),
  revokedAt: timestamp({ withTimezone: true }),
}, (t) => [uniqueIndex().on(t.keyHash)]);

/** Failed sign-ins, counted per account and per IP in a sliding window. */
export const signInFailure = pgTable('sign_in_failure', {
  id: idPk(),
  email: text().notNull(),
  ip: text().notNull(),
  at: createdAt(),
}, (t) => [index().on(t.email, t.at), index().on(t.ip, t.at)]);

/** Fixed-window request counters (API rate limits) shared by every app instance. */
export const rateWindow = pgTable('rate_window', {
  bucket: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  count: integer().notNull(),
});
