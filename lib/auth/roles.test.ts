import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS } from './roles';

describe('permission table', () => {
  it('gives admins every permission', () => {
    for (const p of PERMISSIONS) expect(can('admin', p)).toBe(true);
  });
  it('lets warehouse staff move stock but not touch invoices, import or users', () => {
    expect(can('warehouse', 'stockDocs.write')).toBe(true);
    expect(can('warehouse', 'serials.write')).toBe(true);
    expect(can('warehouse', 'items.read')).toBe(true);
    expect(can('warehouse', 'items.write')).toBe(false);
    expect(can('warehouse', 'invoices.read')).toBe(false);
    expect(can('warehouse', 'import.run')).toBe(false);
    expect(can('warehouse', 'users.manage')).toBe(false);
  });
  it('lets accountants handle invoices and partners but not post stock documents directly', () => {
    expect(can('accountant', 'invoices.write')).toBe(true);
    expect(can('accountant', 'partners.write')).toBe(true);
    expect(can('accountant', 'stock.read')).toBe(true);
    expect(can('accountant', 'stockDocs.write')).toBe(false);
    expect(can('accountant', 'apiKeys.manage')).toBe(false);
  });
});
