import type { DbOrTx } from '@/db/client';
import type { Entry } from '../history';
import type { World } from '../world';
import { acknowledgementChecks } from './acknowledged';
import { answerCheck } from './answers';
import type { CheckResult } from './check';
import { itemChecks, type ItemValues } from './items';
import { stockChecks } from './stock';

export type { CheckResult, Violation } from './check';
export { readItemValues, type ItemValues } from './items';

/**
 * Every check after a round, (a) to (d); the ones that held have no violations. `db` is where the
 * state is read: the world's database, or a transaction (the tests corrupt rows in one and roll it back).
 */
export async function runChecks(
  db: DbOrTx,
  world: World,
  entries: Entry[],
  itemsBefore: ItemValues,
  clients: number,
): Promise<CheckResult[]> {
  return [
    ...(await stockChecks(db)),
    ...(await acknowledgementChecks(db, world, entries)),
    await itemChecks(db, world, itemsBefore, entries, clients),
    answerCheck(entries),
  ];
}
