'use client';
import { cloneElement, lazy, Suspense, useEffect, type ReactElement, type ReactNode } from 'react';
import { useLazyDialog } from './lazy-dialog';

const loadSheetDialog = () => import('./sheet-dialog');
const SheetDialog = lazy(loadSheetDialog);

/**
 * A dialog that fills a phone's screen and floats over the page on a larger one: a header, a body that
 * scrolls, and a footer with Done. The dialog's code (Radix Dialog, the body) arrives on the first opening
 * (useLazyDialog), so pages with a sheet per line do not carry it in their first load; `trigger` is a button
 * element, given the opening click.
 */
export function Sheet({
  trigger,
  title,
  description,
  defaultOpen,
  initialFocus,
  onDone,
  children,
}: {
  trigger: ReactElement<Record<string, unknown>>;
  title: string;
  description: string;
  defaultOpen?: boolean;
  /** The id of the control to focus on opening (the scan box), instead of the first one. */
  initialFocus?: string;
  /** Called when the user presses Done (what the body changed is saved live). */
  onDone?: () => void;
  children: ReactNode;
}) {
  const { open, setOpen, used, triggerProps, returnFocus } = useLazyDialog(defaultOpen);
  // Fetched once the page is up, so the first opening does not wait for it (a failure: the opening retries).
  useEffect(() => {
    loadSheetDialog().catch(() => {});
  }, []);
  return (
    <>
      {cloneElement(trigger, triggerProps)}
      {used && (
        <Suspense fallback={null}>
          <SheetDialog
            open={open}
            onOpenChange={setOpen}
            onCloseAutoFocus={returnFocus}
            title={title}
            description={description}
            initialFocus={initialFocus}
            onDone={onDone}
          >
            {children}
          </SheetDialog>
        </Suspense>
      )}
    </>
  );
}
