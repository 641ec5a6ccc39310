import { trimZeros } from './decimal';

/**
 * Formats an exact decimal string for display without going through a float: groups thousands and
 * keeps the given number of decimals (trailing zeros beyond that are dropped, never rounded away).
 */
export function formatDecimal(value: string | null | undefined, minFraction = 0): string {
  if (value === null || value === undefined || value === '') return '—';
  const negative = value.startsWith('-');
  const [whole, frac = ''] = value.replace('-', '').split('.');
  const trimmed = frac.replace(/0+$/, '').padEnd(minFraction, '0');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${trimmed ? `.${trimmed}` : ''}`;
}

/**
 * A decimal string as a form field shows it for editing: no trailing zeros of the column's scale ("2.0000"
 * → "2", "2.5000" → "2.5") and no thousands separators, so saving it unchanged saves the same number.
 */
export function plainDecimal(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /^-?\d+\.\d*$/.test(value) ? trimZeros(value) : value;
}

export const formatMoney = (value: string | null | undefined) => formatDecimal(value, 2);
export const formatQuantity = (value: string | null | undefined) => formatDecimal(value, 0);

export function formatDateTime(value: Date | string | null): string {
  if (!value) return '—';
  const d = typeof value === 'string' ? new Date(value) : value;
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** How a partner is shown wherever one is chosen: "SUP-ACME · Acme Components s.r.o.". */
export function formatPartner(partner: { code: string; name: string }): string {
  return `${partner.code} · ${partner.name}`;
}

/** A warranty period as the pages show it: "24 months", "1 month", "None" (0), "—" (not set). */
export function formatWarrantyMonths(months: number | null | undefined): string {
  if (months === null || months === undefined) return '—';
  if (months === 0) return 'None';
  return `${months} month${months === 1 ? '' : 's'}`;
}

// One formatter for every count: Number#toLocaleString builds a new Intl.NumberFormat on each call, ~0.35 ms on a
// phone-speed CPU (perf:web's 4× slowdown), and one scan into the serial form formats about ten counts.
const COUNT_FORMAT = new Intl.NumberFormat('en');

/** A whole number with thousands separators ("10,000"), as Number#toLocaleString('en') writes it. */
export function formatCount(value: number): string {
  return COUNT_FORMAT.format(value);
}
