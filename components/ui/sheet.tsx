'use client';
import { Dialog } from 'radix-ui';
import type { ReactNode } from 'react';
import { Button } from './button';

/**
 * A dialog that fills a phone's screen and floats over the page on a larger one: a header, a body that
 * scrolls, and a footer with Done. On Radix Dialog for the focus trap, Escape and the returned focus.
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
  trigger: ReactNode;
  title: string;
  description: string;
  defaultOpen?: boolean;
  /** The id of the control to focus on opening (the scan box), instead of the first one. */
  initialFocus?: string;
  /** Called when the user presses Done (what the body changed is saved live). */
  onDone?: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog.Root defaultOpen={defaultOpen}>
      <Dialog.Trigger asChild>{trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
        <Dialog.Content
          onOpenAutoFocus={(event) => focusById(event, initialFocus)}
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
