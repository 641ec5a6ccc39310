import { describe, expect, it } from 'vitest';
import { canonicalKey } from '@/lib/text/canonical-key';
import { itemSchema, partnerSchema, warehouseSchema } from '@/lib/validation/catalog';
import { DEMO_ITEMS, DEMO_PARTNERS, DEMO_WAREHOUSES } from './seed-data';

const distinct = (values: (string | null)[]) =>
  new Set(values.filter((v) => v !== null)).size === values.filter((v) => v !== null).length;

/** The demo data is inserted directly; it must still pass the rules every door applies, or a fresh start fails. */
describe('demo seed data', () => {
  it('passes the shared schemas', () => {
    for (const item of DEMO_ITEMS) expect(itemSchema.safeParse(item).error?.issues ?? [], item.code).toEqual([]);
    for (const partner of DEMO_PARTNERS)
      expect(partnerSchema.safeParse(partner).error?.issues ?? [], partner.code).toEqual([]);
    for (const warehouse of DEMO_WAREHOUSES)
      expect(warehouseSchema.safeParse(warehouse).error?.issues ?? [], warehouse.code).toEqual([]);
  });

  it('has distinct codes (as they read) and distinct EANs', () => {
    expect(distinct(DEMO_ITEMS.map((i) => canonicalKey(i.code)))).toBe(true);
    expect(distinct(DEMO_PARTNERS.map((p) => canonicalKey(p.code)))).toBe(true);
    expect(distinct(DEMO_WAREHOUSES.map((w) => canonicalKey(w.code)))).toBe(true);
    expect(distinct(DEMO_ITEMS.map((i) => i.ean))).toBe(true);
  });
});
