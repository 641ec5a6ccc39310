/**
 * What one save of the document form may send. A form save is a server action, and Next.js refuses an
 * action body above `experimental.serverActions.bodySizeLimit` in next.config.mjs (4 MB: 100,000 serials
 * of up to ~35 characters, the most a line takes). The form checks first, so a document that is too big
 * gets a sentence instead of a failed request; the margin covers the action's own encoding.
 */
export const FORM_ACTION_BODY_LIMIT_BYTES = 4 * 1024 * 1024;
export const FORM_SAVE_MAX_BYTES = FORM_ACTION_BODY_LIMIT_BYTES - 64 * 1024;

/** Bytes the values take as JSON (UTF-8), about what the action sends. */
export function payloadBytes(values: unknown): number {
  const json = JSON.stringify(values, (_key, value) => (typeof value === 'bigint' ? value.toString() : value));
  return new TextEncoder().encode(json).length;
}

/** The refusal for a document too large for one form save (`sent`: what goes over the wire), or null when it fits. */
export function tooLargeForForm(sent: unknown, values: { lines: { serials?: string[] }[] }): string | null {
  const bytes = payloadBytes(sent);
  if (bytes <= FORM_SAVE_MAX_BYTES) return null;
  const serials = values.lines.reduce((sum, line) => sum + (line.serials?.length ?? 0), 0);
  const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
  return (
    `This document is too large to save from the form: its ${serials.toLocaleString('en')} serial numbers make ` +
    `${mb(bytes)} MB, and one save takes at most ${mb(FORM_SAVE_MAX_BYTES)} MB. Import it on the Import page ` +
    '(serial numbers separated by ";" in a row), or split it into several documents.'
  );
}
