/**
 * Code 128 encoder for serial-number labels. Code set B carries printable ASCII; runs of 4 or more
 * digits switch to code set C (two digits per symbol), which keeps numeric serials short enough to
 * scan from a small label. Output is module widths, bar first, so any renderer (SVG, PDF) can draw it.
 */

// Widths (bar, space, bar, space, bar, space) of symbol values 0–105, from ISO/IEC 15417.
const PATTERNS = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232',
];
const STOP_PATTERN = '2331112';
const CODE_C = 99;
const CODE_B = 100;
const START_B = 104;
const START_C = 105;
const CHECKSUM_MODULUS = 103;
/** Blank space required on each side so the scanner can find where the symbol starts. */
export const QUIET_ZONE_MODULES = 10;

function assertEncodable(text: string): void {
  if (text.length === 0) throw new Error('There is nothing to encode: the barcode text is empty.');
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 32 || code > 126) {
      throw new Error(`Code 128 labels take printable ASCII only; character ${JSON.stringify(text[i])} at position ${i + 1} of "${text}" cannot be encoded.`);
    }
  }
}

function digitRunLength(text: string, from: number): number {
  let end = from;
  while (end < text.length && text[end] >= '0' && text[end] <= '9') end++;
  return end - from;
}

function startsInCodeSetC(text: string): boolean {
  const run = digitRunLength(text, 0);
  return run >= 4 || (run === text.length && run % 2 === 0);
}

/** The data symbol values after the start symbol, switching between code sets B and C. */
function dataValues(text: string, startInC: boolean): number[] {
  const values: number[] = [];
  let inC = startInC;
  let i = 0;
  while (i < text.length) {
    const run = digitRunLength(text, i);
    if (inC) {
      if (run >= 2) {
        values.push(Number(text.slice(i, i + 2)));
        i += 2;
      } else {
        values.push(CODE_B);
        inC = false;
      }
      continue;
    }
    if (run >= 4) {
      // An odd run keeps its first digit in code set B so the rest pairs up exactly.
      if (run % 2 === 1) values.push(text.charCodeAt(i++) - 32);
      values.push(CODE_C);
      inC = true;
      continue;
    }
    values.push(text.charCodeAt(i++) - 32);
  }
  return values;
}

/** Start symbol, data symbols and checksum symbol (the stop pattern has no value). */
export function code128Symbols(text: string): number[] {
  assertEncodable(text);
  const startInC = startsInCodeSetC(text);
  const symbols = [startInC ? START_C : START_B, ...dataValues(text, startInC)];
  let sum = symbols[0];
  for (let position = 1; position < symbols.length; position++) sum += symbols[position] * position;
  symbols.push(sum % CHECKSUM_MODULUS);
  return symbols;
}

/** Module widths, alternating bar and space and starting with a bar, from start code to stop pattern. */
export function encodeCode128(text: string): number[] {
  const patterns = code128Symbols(text).map((value) => PATTERNS[value]);
  patterns.push(STOP_PATTERN);
  return patterns.join('').split('').map(Number);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function assertPositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new Error(`The barcode ${name} must be a positive number.`);
}

/** A standalone SVG: black bars on white with quiet zones, sized in user units (pixels by default). */
export function code128Svg(text: string, opts: { height?: number; moduleWidth?: number } = {}): string {
  const { height = 60, moduleWidth = 2 } = opts;
  assertPositive('height', height);
  assertPositive('module width', moduleWidth);
  const widths = encodeCode128(text);
  const bars: string[] = [];
  let cursor = QUIET_ZONE_MODULES;
  widths.forEach((width, index) => {
    // Even positions are bars, odd positions are spaces (left white).
    if (index % 2 === 0) bars.push(`M${cursor * moduleWidth} 0h${width * moduleWidth}v${height}h${-width * moduleWidth}z`);
    cursor += width;
  });
  const totalWidth = (cursor + QUIET_ZONE_MODULES) * moduleWidth;
  const label = escapeXml(text);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${totalWidth}" height="${height}" viewBox="0 0 ${totalWidth} ${height}"`
    + ` role="img" aria-label="Barcode ${label}" shape-rendering="crispEdges">`
    + `<title>${label}</title><rect width="${totalWidth}" height="${height}" fill="#fff"/>`
    + `<path fill="#000" d="${bars.join('')}"/></svg>`;
}
