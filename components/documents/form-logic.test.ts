import { describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { InventoryRuleError } from '@/lib/inventory/problems';
import { describeChange } from './audit-log';
import { carriesSerials, expectedSerialCount, lineFor, toDocumentInput, type DocumentFormValues } from './form-values';
import { withLineProblems } from './line-problems';

const item = {
  id: '7',
  code: 'PHN-X1',
  name: 'Phone',
  unit: 'pcs',
  trackSerials: true,
  purchasePrice: '9800',
  salePrice: '12990',
  vatRate: '21',
};

describe('document form logic', () => {
  it('starts a line with quantity 1 and the price of the direction', () => {
    expect(lineFor('goods_receipt', item)).toMatchObject({
      quantity: '1',
      unitPrice: '9800',
      vatRate: '21',
      serials: [],
    });
    expect(lineFor('sales_invoice', item)).toMatchObject({ unitPrice: '12990' });
    expect(lineFor('transfer', item)).toMatchObject({ unitPrice: '0', vatRate: '0' });
  });

  it('sends serials only where stock moves, and the invoice switch only for invoices', () => {
    const values: DocumentFormValues = {
      kind: 'purchase_invoice',
      date: '2026-11-22',
      partnerId: '',
      warehouseId: '1',
      destinationWarehouseId: '2',
      inTransit: true,
      note: '',
      externalNumber: ' DL-7 ',
      createStockDocument: false,
      lines: [{ ...lineFor('purchase_invoice', item), quantity: '2', serials: ['A', 'B'] }],
    };
    expect(carriesSerials('purchase_invoice', false)).toBe(false);
    expect(toDocumentInput(values)).toMatchObject({
      partnerId: null,
      externalNumber: ' DL-7 ',
      createStockDocument: false,
      lines: [{ itemId: '7', quantity: '2', serials: [] }],
    });
    expect(toDocumentInput({ ...values, createStockDocument: true }).lines[0].serials).toEqual(['A', 'B']);
    expect(toDocumentInput({ ...values, kind: 'goods_receipt' })).toMatchObject({
      createStockDocument: undefined,
      lines: [{ serials: ['A', 'B'] }],
    });
    // Only a transfer sends its destination (a form switched between kinds may still hold one).
    expect(toDocumentInput(values).destinationWarehouseId).toBeNull();
    expect(toDocumentInput(values).inTransit).toBe(false);
    expect(toDocumentInput({ ...values, kind: 'transfer' })).toMatchObject({
      destinationWarehouseId: '2',
      inTransit: true,
      lines: [{ serials: ['A', 'B'] }],
    });
  });

  it('expects a serial count only for a whole quantity', () => {
    expect(expectedSerialCount(' 5 ')).toBe(5);
    expect(expectedSerialCount('1.5')).toBeNull();
    expect(expectedSerialCount('')).toBeNull();
  });

  it('turns the core rule problems into one field error per line', () => {
    const error = withLineProblems(
      new InventoryRuleError([
        { code: 'COUNT_MISMATCH', line: 0, message: 'Item PHN-X1 needs 5 serial numbers, 3 entered.' },
        { code: 'DUPLICATE_IN_DOCUMENT', line: 2, serial: 'X', message: 'Serial X is entered twice.' },
        ...Array.from({ length: 25 }, (_, i) => ({
          code: 'NOT_IN_STOCK' as const,
          line: 2,
          serial: `S${i}`,
          message: `S${i} no.`,
        })),
      ]),
    ) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.message).toBe('Item PHN-X1 needs 5 serial numbers, 3 entered. (and 26 more problems)');
    expect(error.fieldErrors['lines.0.problems']).toBe('Item PHN-X1 needs 5 serial numbers, 3 entered.');
    const line2 = error.fieldErrors['lines.2.problems'].split('\n');
    expect(line2).toHaveLength(21);
    expect(line2[20]).toBe('… and 6 more.');
    const other = new Error('boom');
    expect(withLineProblems(other)).toBe(other);
  });

  it('describes audit entries in words', () => {
    const after = {
      lines: [
        { item: 'PHN-X1', quantity: '5', serials: 5 },
        { item: 'CBL', quantity: '2.500', serials: 0 },
      ],
    };
    expect(describeChange({ action: 'create', changes: JSON.stringify({ after }) })).toBe(
      'Lines: PHN-X1 × 5 (5 serial numbers); CBL × 2.5.',
    );
    expect(
      describeChange({
        action: 'update',
        changes: JSON.stringify({ before: [{ item: 'CBL', quantity: '1.000', serials: 0 }], after }),
      }),
    ).toBe('Lines before: CBL × 1. After: PHN-X1 × 5 (5 serial numbers); CBL × 2.5.');
    expect(describeChange({ action: 'delete', changes: 'not json' })).toBe('');
  });
});
