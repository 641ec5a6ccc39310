'use client';
import { useRef, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { parseRangeShorthand, splitSerialList, type RangeShorthand } from '@/lib/serials/parse';

/** A pasted line that reads as a range, offered (never applied) while the box still holds exactly that text. */
type RangeOffer = { text: string; range: RangeShorthand };

/**
 * The main entry box, built for USB barcode scanners (they type the code, then Enter). Enter hands the
 * text over as ONE serial and clears the box without moving focus, so the next scan lands here too.
 * Pasting several lines hands over each line as a serial; pasting one line puts it in the box to check
 * first, and a line that reads as a range (SN-0001-SN-0050) offers the range instead of doing it.
 * `children` sit beside the box (the camera button), so both are in reach of the thumb on a phone.
 */
export function ScanInput({ id, hintId, onSubmitText, onPasteList, onAddRange, children }: {
  id: string;
  hintId: string;
  onSubmitText: (text: string) => void;
  onPasteList: (serials: string[]) => void;
  /** Returns false to keep the text in the box (a range too large to generate, say). */
  onAddRange: (range: RangeShorthand) => boolean;
  children?: ReactNode;
}) {
  const [draft, setDraft] = useState('');
  // Set by the paste event, read by the change it causes: a ref, because both can run before React re-renders.
  const pasted = useRef(false);
  const [offer, setOffer] = useState<RangeOffer | null>(null);
  const shownOffer = offer && offer.text === draft ? offer : null;

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    // Never let Enter submit the document form this entry sits in.
    event.preventDefault();
    if (draft.trim() === '') return;
    onSubmitText(draft);
    setDraft('');
    setOffer(null);
  }

  function handlePaste(event: ClipboardEvent<HTMLInputElement>) {
    const serials = splitSerialList(event.clipboardData.getData('text'));
    if (serials.length < 2) {
      pasted.current = true; // the change that follows is this paste: look at it for a range
      return;
    }
    event.preventDefault();
    onPasteList(serials);
  }

  function handleChange(text: string) {
    setDraft(text);
    if (pasted.current) {
      const range = parseRangeShorthand(text);
      setOffer(range && range.count > 1 ? { text, range } : null);
      pasted.current = false;
    }
  }

  function addRange(range: RangeShorthand) {
    if (!onAddRange(range)) return;
    setDraft('');
    setOffer(null);
  }

  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">Scan or type a serial number</label>
      <div className="flex gap-2">
        <Input id={id} value={draft} onChange={(event) => handleChange(event.target.value)} onKeyDown={handleKeyDown}
          onPaste={handlePaste} aria-describedby={hintId} autoComplete="off" autoCapitalize="off" autoCorrect="off"
          spellCheck={false} enterKeyHint="done" className="min-w-0 flex-1 font-mono" />
        {children}
      </div>
      <p id={hintId} className="text-xs text-slate-500">
        Press Enter after each one: what is scanned or typed is added as one serial number, exactly as it reads.
        Paste a list to add each line. Ranges come from Generate range.
      </p>
      {shownOffer && <RangeOfferBar offer={shownOffer} onAccept={addRange} onDecline={() => setOffer(null)} />}
    </div>
  );
}

function RangeOfferBar({ offer, onAccept, onDecline }: {
  offer: RangeOffer; onAccept: (range: RangeShorthand) => void; onDecline: () => void;
}) {
  const { range } = offer;
  const count = range.count.toLocaleString('en');
  return (
    <div role="group" aria-label="Pasted range" className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
      <p className="min-w-0 flex-1">
        Add as a range of {count}? <span className="font-mono">{range.first} … {range.last}</span>. Enter adds it as one serial number.
      </p>
      <Button variant="secondary" className="min-h-8 py-1" onClick={() => onAccept(range)}>Add range of {count}</Button>
      <Button variant="ghost" className="min-h-8 py-1" onClick={onDecline}>Not a range</Button>
    </div>
  );
}
