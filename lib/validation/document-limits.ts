/*
 * The document schema's limits and the messages the form also shows before a save. Kept free of zod, so the
 * browser's form can check them instantly without downloading the schema (lib/validation/documents.ts uses
 * the same constants; the server check stays the one that counts).
 */
export const MAX_LINES = 500;
export const MAX_SERIALS_PER_LINE = 100_000;
export const NO_LINES_MESSAGE = 'Add at least one line.';
export const TOO_MANY_LINES_MESSAGE = `A document can have at most ${MAX_LINES} lines.`;
