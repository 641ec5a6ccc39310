/*
 * Exact decimals as text ("12.5", "-0.25"), the way quantities and money travel between PostgreSQL's
 * numeric, the doors and the messages. Sums and comparisons run on bigints scaled by 10^scale (a quantity
 * has scale 3: "12.5" is 12500n); no float ever touches them. Schemas that read a decimal from a person or
 * a file live in lib/validation/decimal.ts; what they return is what these functions take.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d*))?$/;

/** "5.000" → "5", "12.50" → "12.5": PostgreSQL's numeric keeps its column's zeros, a message shows none. */
export function trimZeros(value: string): string {
  return value.includes('.') ? value.replace(/\.?0+$/, '') || '0' : value;
}

/**
 * "12.5" at scale 3 → 12500n. More decimals than the scale is an error, never a silent truncation: every
 * caller passes a value its column or schema already holds to that scale.
 */
export function toScaled(value: string, scale: number): bigint {
  const match = DECIMAL.exec(value);
  if (!match || (match[3] ?? '').length > scale) {
    throw new RangeError(`"${value}" is not a decimal with at most ${scale} decimal places.`);
  }
  const [, sign, whole, fraction = ''] = match;
  const magnitude = BigInt(whole + fraction.padEnd(scale, '0'));
  return sign ? -magnitude : magnitude;
}

/** 12500n at scale 3 → "12.5": the shortest text of the value (no trailing zeros, no "-0"). */
export function fromScaled(value: bigint, scale: number): string {
  const digits = (value < 0n ? -value : value).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return `${value < 0n ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** a + b, exactly, for values of at most `scale` decimals (summing in PostgreSQL would cost a round trip). */
export function addDecimals(a: string, b: string, scale: number): string {
  return fromScaled(toScaled(a, scale) + toScaled(b, scale), scale);
}
