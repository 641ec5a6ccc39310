/** Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (CSV injection). */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r']);

/** "-5", "+12.50", "-0,75", "-1e3": numbers a spreadsheet reads as numbers, never as formulas. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Prefixes a formula-looking cell with an apostrophe, which spreadsheets take as "this is
 * text". Plain signed numbers are left alone: they are data (stock corrections, refunds)
 * and a spreadsheet computes nothing from them.
 */
export function neutraliseFormula(cell: string): string {
  if (cell === '' || !FORMULA_TRIGGERS.has(cell[0])) return cell;
  if (PLAIN_NUMBER.test(cell)) return cell;
  return `'${cell}`;
}
