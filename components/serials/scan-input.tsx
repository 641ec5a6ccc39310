'use client';
import { useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { Input } from '@/components/ui/input';
import { splitSerialList } from '@/lib/serials/parse';

/**
 * The main entry box, built for USB barcode scanners (they type the code, then Enter). Enter hands the
 * text over and clears the box without moving focus, so the next scan lands here too. Pasting a list
 * (a spreadsheet column) hands over every value at once; pasting one value lets the user edit it first.
 */
export function ScanInput({ id, hintId, onSubmitText, onPasteList }: {
  id: string;
  hintId: string;
  /** Returns false to keep the text in the box (for example an over-large range to correct). */
  onSubmitText: (text: string) => boolean;
  onPasteList: (serials: string[]) => void;
}) {
  const [draft, setDraft] = useState('');

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    // Never let Enter submit the document form this entry sits in.
    event.preventDefault();
    if (draft.trim() === '') return;
    if (onSubmitText(draft)) setDraft('');
  }

  function handlePaste(event: ClipboardEvent<HTMLInputElement>) {
    const serials = splitSerialList(event.clipboardData.getData('text'));
    if (serials.length < 2) return;
    event.preventDefault();
    onPasteList(serials);
  }

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">Scan or type a serial number</label>
      <Input id={id} value={draft} onChange={(event) => setDraft(event.target.value)} onKeyDown={handleKeyDown}
        onPaste={handlePaste} aria-describedby={hintId} autoComplete="off" autoCapitalize="off" autoCorrect="off"
        spellCheck={false} enterKeyHint="done" className="font-mono" />
      <p id={hintId} className="text-xs text-slate-500">
        Press Enter after each one. Paste a list to add it whole; type a range as SN-0001-SN-0050, 1-5 or 10+3.
      </p>
    </div>
  );
}
