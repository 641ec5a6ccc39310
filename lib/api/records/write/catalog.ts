import type { DbOrTx } from '@/db/client';
import type { Field } from '../fields';
import type { WriteOps } from '../module';
import { toLibInput } from './input';

/**
 * Writes of a catalog module (items, partners, warehouses): rename the fields and call the lib's
 * create/update, which parse with the same schema as the web form. `I` is the lib's input type; the
 * values are only renamed here, the lib validates them.
 */
export function catalogWrites<I>(fields: Field[], ops: {
  create: (db: DbOrTx, input: I) => Promise<bigint>;
  update: (db: DbOrTx, id: bigint, input: I) => Promise<unknown>;
  remove: (db: DbOrTx, id: bigint) => Promise<void>;
  duplicateCheckFields: readonly string[];
}): WriteOps {
  return {
    insert: (record, ctx) => ops.create(ctx.db, toLibInput(fields, record, ctx.path) as I),
    update: async (id, record, ctx) => {
      await ops.update(ctx.db, id, toLibInput(fields, record, ctx.path) as I);
    },
    remove: (id, ctx) => ops.remove(ctx.db, id),
    duplicateCheckFields: ops.duplicateCheckFields,
  };
}
