/** "-5", "+12.50", "-0,75", "-1e3": numbers a spreadsheet reads as numbers, never as formulas. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;
const FORMULA_SIGN = /^[=+\-@]/;

/**
 * Where a spreadsheet may start a cell of its own in the middle of ours: after `;`, the list separator (and
 * so the CSV separator) of Czech, German, French… Excel and LibreOffice, which split our comma-separated
 * lines there; and after a line break, which ends the row when the cell's quotes are not at the start of
 * what that spreadsheet takes as a cell.
 */
const CELL_START_INSIDE = /([;\r\n])([^;\r\n]*)/g;

/**
 * Whether text at the start of a spreadsheet cell would run as a formula (CSV injection): = + - @ first
 * (after blanks) unless it is a plain number, or a tab or line break first, which some programs strip
 * before looking. `inside` our cell, the spreadsheet's cell runs on past ours to the next `;`, so a number
 * there is not known to end where it seems to, and a `"` could open a quoted cell of its own.
 */
function opensFormula(text: string, inside: boolean): boolean {
  if (/^[\t\r\n]/.test(text)) return true;
  const visible = text.trimStart();
  if (inside) return /^[=+\-@"]/.test(visible);
  return FORMULA_SIGN.test(visible) && !PLAIN_NUMBER.test(visible);
}

/**
 * Prefixes with an apostrophe, which spreadsheets take as "this is text", every place where a cell of a
 * comma or semicolon locale could begin with a formula: the cell's start, and each `;` or line break
 * inside it. Plain signed numbers are left alone: they are data (stock corrections, refunds) and a
 * spreadsheet computes nothing from them; except at the start of a line (`lineStart`), where a `;` locale
 * reads the whole line up to its first `;` as one cell, so `-1,…` there is no number. Every CSV the app
 * writes passes each cell through here.
 */
export function neutraliseFormula(cell: string, lineStart = false): string {
  const start = opensFormula(cell, false) || (lineStart && /^[+-]/.test(cell.trimStart())) ? `'${cell}` : cell;
  return start.replace(CELL_START_INSIDE, (all, mark: string, rest: string) =>
    opensFormula(rest, true) ? `${mark}'${rest}` : all,
  );
}
