import type { DbOrTx } from '@/db/client';
import { auditLog } from '@/db/schema';

/** Keeps who did what to a document (or a stocktake); `changes` holds the before/after snapshot as JSON. */
export async function audit(
  tx: DbOrTx,
  entry: {
    entity?: 'document' | 'stocktake';
    entityId: bigint;
    action: 'create' | 'update' | 'delete';
    userId: number;
    changes: unknown;
  },
) {
  const changes = JSON.stringify(entry.changes, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  await tx.insert(auditLog).values({
    entity: entry.entity ?? 'document',
    entityId: entry.entityId,
    action: entry.action,
    userId: entry.userId,
    changes,
  });
}
