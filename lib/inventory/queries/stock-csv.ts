import Papa from 'papaparse';
import { neutraliseFormula } from '@/lib/spreadsheet/formula-guard';
import type { StockRow } from './stock';

const HEADER = ['Item code', 'Item name', 'Warehouse code', 'Warehouse name', 'Quantity', 'Unit'];

/**
 * The stock rows as a CSV file a spreadsheet opens safely: a byte order mark so Excel reads UTF-8,
 * exact decimal quantities as the database gives them, and every cell that a spreadsheet of a comma or
 * semicolon locale would run as a formula prefixed with an apostrophe (formula-guard.ts).
 */
export function stockCsv(rows: StockRow[]): string {
  const cells = rows.map((r) =>
    [r.itemCode, r.itemName, r.warehouseCode, r.warehouseName, r.quantity, r.unit].map((cell, i) =>
      neutraliseFormula(cell, i === 0),
    ),
  );
  return `\uFEFF${Papa.unparse([HEADER, ...cells], { newline: '\r\n' })}\r\n`;
}
