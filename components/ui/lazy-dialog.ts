'use client';
import { useCallback, useRef, useState, type RefObject } from 'react';

/**
 * The open state and trigger of a dialog whose code (Radix Dialog and the dialog's body) is loaded only on its
 * first opening, keeping it out of the page's first load: the trigger is a plain button, and `used` turns true
 * on the first opening and stays so (the dialog stays mounted, closed, afterwards). Radix focuses its own
 * Trigger on close; without one, `returnFocus` (the dialog's onCloseAutoFocus) puts the focus back on ours.
 */
export function useLazyDialog(defaultOpen = false) {
  const [open, setOpen] = useState(defaultOpen);
  const [used, setUsed] = useState(defaultOpen);
  const triggerRef: RefObject<HTMLButtonElement | null> = useRef(null);
  const returnFocus = useCallback((event: Event) => {
    event.preventDefault();
    triggerRef.current?.focus();
  }, []);
  const triggerProps = {
    ref: triggerRef,
    'aria-haspopup': 'dialog' as const,
    'aria-expanded': open,
    onClick: () => {
      setUsed(true);
      setOpen(true);
    },
  };
  return { open, setOpen, used, triggerProps, returnFocus };
}
