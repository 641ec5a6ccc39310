/** Formatting helpers for error messages: people read "25,001", not "25001". */

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** Sizes in MB (as Zoho writes its 25 MB limit), with one decimal only when it is not whole. */
export function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1 && Number.isInteger(megabytes)) return `${megabytes} MB`;
  if (megabytes >= 0.1) return `${megabytes.toFixed(1)} MB`;
  return `${formatCount(bytes)} bytes`;
}

/** "1 column" / "2 columns". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}
