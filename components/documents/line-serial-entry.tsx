'use client';
import { useEffect, useMemo } from 'react';
import { SerialEntry, type SerialEntryProps } from '@/components/serials/serial-entry';
import type { Control } from 'react-hook-form';
import type { DocumentFormValues, FormLine } from './form-values';
import { useLineSerials } from './line-serials';
import { otherLinesOfLine } from './other-lines';

export type LineSerialEntryProps = Omit<SerialEntryProps, 'otherLinesOf' | 'idPrefix' | 'value'> & {
  idPrefix: string;
  /** The form's control: the form watches the line's serials itself (useLineSerials). */
  control: Control<DocumentFormValues>;
  /** The document's lines and this line's index: a serial already on another line of the item is not added here. */
  lines: FormLine[];
  index: number;
};

/**
 * The serial form of a document line, loaded only when a line's serial form opens (line-serials.tsx): the
 * scanner, range and stock-picker code and the canonical-key table stay out of the form's first load. The
 * scan box takes the focus when the form appears, whether it was ready when the sheet opened or came later.
 */
export default function LineSerialEntry({ lines, index, control, ...entry }: LineSerialEntryProps) {
  const value = useLineSerials(control, index);
  const otherLinesOf = useMemo(() => otherLinesOfLine(lines, index), [lines, index]);
  const scanId = `${entry.idPrefix}-scan`;
  useEffect(() => {
    document.getElementById(scanId)?.focus();
  }, [scanId]);
  return <SerialEntry {...entry} value={value} otherLinesOf={otherLinesOf} />;
}
