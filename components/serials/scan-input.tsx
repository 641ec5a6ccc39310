'use client';
import { useRef, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { parseRangeShorthand, splitSerialList, type RangeShorthand } from '@/lib/serials/parse';
import { formatCount } from '@/lib/format';

/** A pasted line that reads as a range, offered (never applied) while the box still holds exactly that text. */
type RangeOffer = { text: string; range: RangeShorthand };

type ScanHandlers = {
  onSubmitText: (text: string) => void;
  onPasteList: (serials: string[]) => void;
  /**
   * Returns false to keep the text in the box (a range too large to generate, say). Absent, a pasted range is
   * not offered: the box takes one serial (a lookup).
   */
  onAddRange?: (range: RangeShorthand) => boolean;
};

/** The box's text and what Enter, a paste and the range offer do with it. */
function useScanBox({ onSubmitText, onPasteList, onAddRange }: ScanHandlers) {
  const [draft, setDraft] = useState('');
  // Set by the paste event, read by the change it causes: a ref, because both can run before React re-renders.
  const pasted = useRef(false);
  const [offer, setOffer] = useState<RangeOffer | null>(null);
  const clear = () => {
    setDraft('');
    setOffer(null);
  };
  return {
    draft,
    offer: offer && offer.text === draft ? offer : null,
    declineOffer: () => setOffer(null),
    onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
      if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
      event.preventDefault(); // never let Enter submit the document form this entry sits in
      if (draft.trim() === '') return;
      onSubmitText(draft);
      clear();
    },
    onPaste(event: ClipboardEvent<HTMLInputElement>) {
      const serials = splitSerialList(event.clipboardData.getData('text'));
      if (serials.length < 2) {
        pasted.current = true; // the change that follows is this paste: look at it for a range
        return;
      }
      event.preventDefault();
      onPasteList(serials);
    },
    onChange(text: string) {
      setDraft(text);
      if (!pasted.current) return;
      pasted.current = false;
      const range = onAddRange ? parseRangeShorthand(text) : null;
      setOffer(range && range.count > 1 ? { text, range } : null);
    },
    addRange(range: RangeShorthand) {
      if (onAddRange?.(range)) clear();
    },
  };
}

/**
 * The main entry box, built for USB barcode scanners (they type the code, then Enter). Enter hands the
 * text over as ONE serial and clears the box without moving focus, so the next scan lands here too.
 * Pasting several lines hands over each line as a serial; pasting one line puts it in the box to check
 * first, and a line that reads as a range (SN-0001-SN-0050) offers the range instead of doing it.
 * `children` sit beside the box (the camera button), so both are in reach of the thumb on a phone.
 */
export function ScanInput({
  id,
  hintId,
  children,
  label = 'Scan or type a serial number',
  hint = 'Press Enter after each one: what is scanned or typed is added as one serial number, exactly as it reads. Paste a list to add each line. Ranges come from Generate range.',
  ...handlers
}: ScanHandlers & { id: string; hintId: string; children?: ReactNode; label?: string; hint?: string }) {
  const box = useScanBox(handlers);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="flex gap-2">
        <Input
          id={id}
          value={box.draft}
          onChange={(event) => box.onChange(event.target.value)}
          onKeyDown={box.onKeyDown}
          onPaste={box.onPaste}
          aria-describedby={hintId}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="done"
          className="min-w-0 flex-1 font-mono"
        />
        {children}
      </div>
      <p id={hintId} className="text-xs text-slate-500">
        {hint}
      </p>
      {box.offer && <RangeOfferBar offer={box.offer} onAccept={box.addRange} onDecline={box.declineOffer} />}
    </div>
  );
}

function RangeOfferBar({
  offer,
  onAccept,
  onDecline,
}: {
  offer: RangeOffer;
  onAccept: (range: RangeShorthand) => void;
  onDecline: () => void;
}) {
  const { range } = offer;
  const count = formatCount(range.count);
  return (
    <div
      role="group"
      aria-label="Pasted range"
      className="flex flex-wrap items-center gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm"
    >
      <p className="min-w-0 flex-1">
        Add as a range of {count}?{' '}
        <span className="font-mono">
          {range.first} … {range.last}
        </span>
        . Enter adds it as one serial number.
      </p>
      <Button variant="secondary" className="min-h-8 py-1" onClick={() => onAccept(range)}>
        Add range of {count}
      </Button>
      <Button variant="ghost" className="min-h-8 py-1" onClick={onDecline}>
        Not a range
      </Button>
    </div>
  );
}
