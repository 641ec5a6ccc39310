/**
 * The barcodes a label can carry, declared once for the page's choice, the URL and the SVG writer.
 * Browser-safe: no bwip-js here.
 */
export const SYMBOLOGIES = {
  code128: { name: 'Code 128', kind: 'linear', quietZone: 10 },
  // The serial as GS1 Application Identifier (21); bwip-js checks GS1's character set and the 20-character limit.
  // Scanners report "21<serial>", which the serial entry form does not unwrap yet, and there is no (01) GTIN
  // beside it: the label rows (lib/inventory/queries/labels.ts) carry no EAN.
  'gs1-128': { name: 'GS1-128 (AI 21)', kind: 'linear', quietZone: 10 },
  qrcode: { name: 'QR code', kind: 'matrix', quietZone: 4 },
  datamatrix: { name: 'Data Matrix', kind: 'matrix', quietZone: 1 },
} as const satisfies Record<string, { name: string; kind: 'linear' | 'matrix'; quietZone: number }>;

export type Symbology = keyof typeof SYMBOLOGIES;

/** Code 128 is what the camera scanner and most handheld scanners read out of the box. */
export const DEFAULT_SYMBOLOGY: Symbology = 'code128';

export const SYMBOLOGY_OPTIONS = Object.entries(SYMBOLOGIES).map(([value, { name }]) => ({
  value: value as Symbology,
  name,
}));

/** The `?symbology=` search parameter; anything unknown is the default. */
export function parseSymbology(value: string | undefined): Symbology {
  return value !== undefined && Object.hasOwn(SYMBOLOGIES, value) ? (value as Symbology) : DEFAULT_SYMBOLOGY;
}
