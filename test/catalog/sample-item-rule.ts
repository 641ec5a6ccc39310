import { eq } from 'drizzle-orm';
import { warehouse } from '@/db/schema';
import { ITEM_RULES, type ItemRule } from '@/lib/catalog/item-rules';
import { DomainError } from '@/lib/errors';

/**
 * A rule that reads the database, declared for tests only (no batch statement can know it): an item may
 * not be named after a warehouse. Only a new name needs the look-up, so a row keeping its name stays batched.
 */
export const notAWarehouseName: ItemRule = {
  name: 'an item is not named after a warehouse',
  appliesTo: ({ stored, data }) => stored === null || stored.name !== data.name,
  async check(tx, { data }) {
    const [taken] = await tx.select({ code: warehouse.code }).from(warehouse).where(eq(warehouse.name, data.name));
    if (!taken) return;
    const message = `${data.name} is the name of warehouse ${taken.code}.`;
    throw new DomainError('INVALID_DATA', message, { name: message });
  },
};

/** Adds a rule to the one declaration of item rules; the returned function takes it out again. */
export function addingItemRule(rule: ItemRule): () => void {
  ITEM_RULES.push(rule);
  return () => {
    if (ITEM_RULES.includes(rule)) ITEM_RULES.splice(ITEM_RULES.indexOf(rule), 1);
  };
}
