import { describe, expect, it } from 'vitest';
import { detectModule } from './detect-module';

describe('detecting the module of an import file', () => {
  it('reads the file name first', () => {
    expect(detectModule('items.csv', [])?.module.apiName).toBe('Items');
    expect(detectModule('Goods_Receipts-2026-06.xlsx', ['x'])).toMatchObject({ module: { apiName: 'Goods_Receipts' }, from: 'file name' });
    expect(detectModule('sales invoice 12.csv', [])?.module.apiName).toBe('Sales_Invoices');
    expect(detectModule('warehouses.csv', [])?.module.apiName).toBe('Warehouses');
  });

  it('then the headers: the module whose mandatory fields all have a column and which matches most', () => {
    expect(detectModule('export.csv', ['Code', 'Name', 'Sale price', 'EAN'])).toMatchObject({ module: { apiName: 'Items' }, from: 'headers' });
    expect(detectModule('export.csv', ['Code', 'Name', 'Type', 'Email'])?.module.apiName).toBe('Partners');
  });

  it('says nothing when nothing is clear', () => {
    expect(detectModule('data.csv', ['a', 'b'])).toBeNull();
    // Receipts and issues share every column, and so do the two invoices: a tie is no guess.
    expect(detectModule('data.csv', ['Number', 'Date', 'Warehouse', 'Item', 'Quantity'])).toBeNull();
    expect(detectModule('data.csv', ['Number', 'Date', 'Partner', 'Warehouse', 'Item', 'Quantity', 'Create_Stock_Document'])).toBeNull();
  });
});
