import { describe, expect, it } from 'vitest';
import { detectModule, detectParentChild } from './detect-module';

describe('detecting the module of an import file', () => {
  it('reads the file name first', () => {
    expect(detectModule('items.csv', [])?.module.apiName).toBe('Items');
    expect(detectModule('Goods_Receipts-2026-06.xlsx', ['x'])).toMatchObject({
      module: { apiName: 'Goods_Receipts' },
      from: 'file name',
    });
    expect(detectModule('sales invoice 12.csv', [])?.module.apiName).toBe('Sales_Invoices');
    expect(detectModule('warehouses.csv', [])?.module.apiName).toBe('Warehouses');
  });

  it('then the headers: the module whose mandatory fields all have a column and which matches most', () => {
    expect(detectModule('export.csv', ['Code', 'Name', 'Sale price', 'EAN'])).toMatchObject({
      module: { apiName: 'Items' },
      from: 'headers',
    });
    expect(detectModule('export.csv', ['Code', 'Name', 'Type', 'Email'])?.module.apiName).toBe('Partners');
  });

  it('says nothing when nothing is clear', () => {
    expect(detectModule('data.csv', ['a', 'b'])).toBeNull();
    // Receipts and issues share every column, and so do the two invoices: a tie is no guess.
    expect(detectModule('data.csv', ['Number', 'Date', 'Warehouse', 'Item', 'Quantity'])).toBeNull();
    expect(
      detectModule('data.csv', ['Number', 'Date', 'Partner', 'Warehouse', 'Item', 'Quantity', 'Create_Stock_Document']),
    ).toBeNull();
  });
});

describe('detecting the files of a parent/child ZIP', () => {
  it('tells the documents, lines and serials apart by their headers, and the module by the documents file', () => {
    expect(
      detectParentChild([
        { fileName: 'b.csv', headers: ['Parent_Id', 'Serial'] },
        { fileName: 'Goods_Issues.csv', headers: ['Number', 'Date', 'Warehouse'] },
        { fileName: 'c.csv', headers: ['Parent_Id', 'Line_Id', 'Item', 'Quantity'] },
      ]),
    ).toMatchObject({
      documents: 'Goods_Issues.csv',
      lines: 'c.csv',
      serials: 'b.csv',
      module: { apiName: 'Goods_Issues' },
    });
  });

  it('falls back on the file names, and leaves the module open when nothing names it', () => {
    expect(
      detectParentChild([
        { fileName: 'docs.csv', headers: ['a'] },
        { fileName: 'docs_lines.csv', headers: ['b'] },
      ]),
    ).toEqual({ documents: 'docs.csv', lines: 'docs_lines.csv', serials: null, module: null });
  });

  it('says nothing about files that do not read as documents with their lines', () => {
    expect(
      detectParentChild([
        { fileName: 'a.csv', headers: ['x'] },
        { fileName: 'b.csv', headers: ['y'] },
      ]),
    ).toBeNull();
    expect(detectParentChild([{ fileName: 'a.csv', headers: ['x'] }])).toBeNull();
  });
});
