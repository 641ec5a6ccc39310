import type { DocumentInput } from '@/lib/validation/documents';

type Line = DocumentInput['lines'][number];
/** A document as the form's save action carries it: each line's serials as one newline-separated string. */
export type WireDocument = Omit<DocumentInput, 'lines'> & {
  lines: (Omit<Line, 'serials'> & { serials?: string | string[] })[];
};

/*
 * Why not the array itself: React decodes a server action's arguments with a budget per array that counts the
 * characters of the strings inside (1,000,000), so a line of 50,000 serials of 20 characters is refused before
 * our code runs ("Maximum array nesting exceeded"). One string per line has no such budget; the body size limit
 * (next.config.mjs, checked first by form-size.ts) still bounds it. Serials never contain a line break.
 */
export function toWire(values: DocumentInput): WireDocument {
  return { ...values, lines: values.lines.map((line) => ({ ...line, serials: (line.serials ?? []).join('\n') })) };
}

/** Back to the shape the core takes; anything that is not a string is left for the schema to judge. */
export function fromWire(wire: WireDocument): DocumentInput {
  const lines = Array.isArray(wire?.lines) ? wire.lines : [];
  return {
    ...wire,
    lines: lines.map(
      (line) =>
        (typeof line?.serials === 'string'
          ? { ...line, serials: line.serials === '' ? [] : line.serials.split('\n') }
          : line) as Line,
    ),
  } as DocumentInput;
}
