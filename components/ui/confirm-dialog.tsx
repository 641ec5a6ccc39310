'use client';
import { cloneElement, lazy, Suspense, useEffect, type ReactElement } from 'react';
import { useLazyDialog } from './lazy-dialog';

const loadBody = () => import('./confirm-dialog-body');
const ConfirmDialogBody = lazy(loadBody);

/**
 * A confirmation step for destructive actions, on Radix Dialog for focus trapping and Escape. The dialog's code
 * arrives on the first opening (useLazyDialog, as Sheet does), so the lists and forms with a Delete, Revoke or
 * Deactivate button do not carry Radix Dialog (~13 KB gzip) in their first load; `trigger` is a button element,
 * given the opening click.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  onConfirm,
}: {
  trigger: ReactElement<Record<string, unknown>>;
  title: string;
  description: string;
  confirmLabel: string;
  onConfirm: () => void;
}) {
  const { open, setOpen, used, triggerProps, returnFocus } = useLazyDialog();
  // Fetched once the page is up, so the first opening does not wait for it (a failure: the opening retries).
  useEffect(() => {
    loadBody().catch(() => {});
  }, []);
  return (
    <>
      {cloneElement(trigger, triggerProps)}
      {used && (
        <Suspense fallback={null}>
          <ConfirmDialogBody
            open={open}
            onOpenChange={setOpen}
            onCloseAutoFocus={returnFocus}
            title={title}
            description={description}
            confirmLabel={confirmLabel}
            onConfirm={onConfirm}
          />
        </Suspense>
      )}
    </>
  );
}
