'use client';
import { useEffect, useMemo } from 'react';
import { SerialEntry, type SerialEntryProps } from '@/components/serials/serial-entry';
import type { FormLine } from './form-values';
import { otherLinesOfLine } from './other-lines';

export type LineSerialEntryProps = Omit<SerialEntryProps, 'otherLinesOf' | 'idPrefix'> & {
  idPrefix: string;
  /** The document's lines and this line's index: a serial already on another line of the item is not added here. */
  lines: FormLine[];
  index: number;
};

/**
 * The serial form of a document line, loaded only when a line's serial form opens (line-serials.tsx): the
 * scanner, range and stock-picker code and the canonical-key table stay out of the form's first load. The
 * scan box takes the focus when the form appears, whether it was ready when the sheet opened or came later.
 */
export default function LineSerialEntry({ lines, index, ...entry }: LineSerialEntryProps) {
  const otherLinesOf = useMemo(() => otherLinesOfLine(lines, index), [lines, index]);
  const scanId = `${entry.idPrefix}-scan`;
  useEffect(() => {
    document.getElementById(scanId)?.focus();
  }, [scanId]);
  return <SerialEntry {...entry} otherLinesOf={otherLinesOf} />;
}
