import type { DbOrTx } from '@/db/client';
import type { Edit } from '@/lib/versions';
import type { Field } from '../fields';
import type { WriteOps } from '../module';
import { toLibInput } from './input';

/**
 * Writes of a catalog module (items, partners, warehouses): rename the fields and call the lib's
 * create/update, which parse with the same schema as the web form. `I` is the lib's input type; the
 * values are only renamed here, the lib validates them. An update passes only the fields sent: the
 * lib lays them over the record under its row lock, so two clients changing different fields of one
 * record at once both keep their change (Zoho's "only the fields sent change"), and sends no version.
 */
export function catalogWrites<I>(
  fields: Field[],
  ops: {
    create: (db: DbOrTx, input: I, edit: Edit) => Promise<bigint>;
    update: (db: DbOrTx, id: bigint, changes: Partial<I>, edit: Edit) => Promise<unknown>;
    remove: (db: DbOrTx, id: bigint) => Promise<void>;
    duplicateCheckFields: readonly string[];
  },
): WriteOps {
  return {
    insert: (record, ctx) =>
      ops.create(ctx.db, toLibInput(fields, record, ctx.path) as I, { userId: ctx.principal.userId }),
    update: async (id, record, ctx) => {
      await ops.update(ctx.db, id, toLibInput(fields, record, ctx.path) as Partial<I>, {
        userId: ctx.principal.userId,
      });
    },
    remove: (id, ctx) => ops.remove(ctx.db, id),
    duplicateCheckFields: ops.duplicateCheckFields,
  };
}
