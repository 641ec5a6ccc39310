'use client';
import { Dialog } from 'radix-ui';
import type { ReactNode } from 'react';
import { Button } from './button';

export type SheetDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Puts the focus back on the Sheet's trigger (useLazyDialog's returnFocus). */
  onCloseAutoFocus: (event: Event) => void;
  title: string;
  description: string;
  initialFocus?: string;
  onDone?: () => void;
  children: ReactNode;
};

/** The dialog of a Sheet (sheet.tsx), loaded on its first opening. On Radix Dialog for the focus trap and Escape. */
export default function SheetDialog({
  open,
  onOpenChange,
  onCloseAutoFocus,
  title,
  description,
  initialFocus,
  onDone,
  children,
}: SheetDialogProps) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          onOpenAutoFocus={(event) => focusById(event, initialFocus)}
          onCloseAutoFocus={onCloseAutoFocus}
          className="fixed inset-0 z-40 flex flex-col bg-white shadow-xl sm:inset-auto sm:left-1/2 sm:top-1/2 sm:max-h-[92vh] sm:w-[min(96vw,48rem)] sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-lg"
        >
          <div className="border-b border-slate-200 px-4 py-3 sm:px-6">
            <Dialog.Title className="text-lg font-semibold">{title}</Dialog.Title>
            <Dialog.Description className="mt-1 text-sm text-slate-600">{description}</Dialog.Description>
          </div>
          {/* A column, so a form inside can grow to the bottom of a phone's screen and keep its main control there. */}
          <div className="flex min-h-0 flex-1 flex-col overflow-y-auto px-4 pt-4 sm:px-6 sm:pb-4">{children}</div>
          <div className="flex justify-end border-t border-slate-200 px-4 py-3 sm:px-6">
            <Dialog.Close asChild>
              <Button onClick={onDone}>Done</Button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function focusById(event: Event, id: string | undefined) {
  const target = id ? document.getElementById(id) : null;
  if (!target) return;
  event.preventDefault();
  target.focus();
}
