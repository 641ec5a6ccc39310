'use client';
import { Dialog } from 'radix-ui';
import { Button } from './button';

export type ConfirmDialogBodyProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Puts the focus back on the ConfirmDialog's trigger (useLazyDialog's returnFocus). */
  onCloseAutoFocus: (event: Event) => void;
  title: string;
  description: string;
  confirmLabel: string;
  onConfirm: () => void;
};

/** The dialog of a ConfirmDialog (confirm-dialog.tsx), loaded on its first opening. On Radix Dialog. */
export default function ConfirmDialogBody({
  open,
  onOpenChange,
  onCloseAutoFocus,
  title,
  description,
  confirmLabel,
  onConfirm,
}: ConfirmDialogBodyProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-slate-900/40" />
        <Dialog.Content
          onCloseAutoFocus={onCloseAutoFocus}
          className="fixed left-1/2 top-1/2 w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl"
        >
          <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
          <Dialog.Description className="mt-2 text-sm text-slate-600">{description}</Dialog.Description>
          <div className="mt-6 flex justify-end gap-2">
            <Dialog.Close asChild>
              <Button variant="secondary">Cancel</Button>
            </Dialog.Close>
            <Dialog.Close asChild>
              <Button variant="danger" onClick={onConfirm}>
                {confirmLabel}
              </Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
