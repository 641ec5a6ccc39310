import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { user } from '@/db/schema';
import { DomainError } from '@/lib/errors';

/**
 * Who saves a change, and — for a form — the version of the record the form was loaded from. The
 * records API and the importer send no version: they change only the fields they send, laid over the
 * record under its row lock, so there is nothing stale to refuse.
 */
export type Edit = { userId?: number | null; version?: number };

/** The columns every versioned row has (db/schema/columns.ts rowVersion). */
export type VersionStamp = { version: number; updatedAt: Date; updatedBy: number | null };

const versionSchema = z
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);

/** Marks the refusal so doors can offer to reload (the form) or merge again (the records API). */
const STALE_VERSION = 'STALE_VERSION';

/**
 * Refuses to save over a newer version of a row. The caller must hold the row's lock (SELECT … FOR
 * UPDATE) and write in the same transaction, so nothing can change between this check and the write.
 */
export async function assertCurrentVersion(tx: DbOrTx, row: VersionStamp, expected: unknown): Promise<void> {
  if (expected === undefined || expected === null) return;
  const parsed = versionSchema.safeParse(expected);
  if (!parsed.success)
    throw new DomainError('INVALID_DATA', 'The form does not say which version it was loaded from; reload it.');
  if (parsed.data === row.version) return;
  const [author] =
    row.updatedBy === null ? [] : await tx.select({ name: user.name }).from(user).where(eq(user.id, row.updatedBy));
  const changedBy = author?.name ?? null;
  throw new DomainError(
    'CONFLICT',
    staleMessage(changedBy, row.updatedAt),
    {},
    {
      reason: STALE_VERSION,
      changed_by: changedBy,
      changed_at: row.updatedAt.toISOString(),
      version: row.version,
    },
  );
}

/** The stamp of a save: the next version, and who made it. */
export function nextStamp(row: { version: number }, edit: Edit): { version: number; updatedBy: number | null } {
  return { version: row.version + 1, updatedBy: edit.userId ?? null };
}

export function isStaleVersion(error: unknown): error is DomainError {
  return error instanceof DomainError && error.details.reason === STALE_VERSION;
}

/**
 * "Changed by Anna Novak at 14:02 after you opened it; …" — the time in UTC like every time the app
 * shows (lib/format.ts), with the date when it was not today.
 */
export function staleMessage(changedBy: string | null, at: Date, now = new Date()): string {
  const iso = at.toISOString();
  const day = iso.slice(0, 10);
  const when = day === now.toISOString().slice(0, 10) ? `at ${iso.slice(11, 16)}` : `on ${day} at ${iso.slice(11, 16)}`;
  return `Changed by ${changedBy ?? 'another user'} ${when} after you opened it; reload to see the changes.`;
}
