'use client';
import { useRouter } from 'next/navigation';
import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';

// The question's dialog (Radix AlertDialog) is loaded once a form has unsaved changes, not with every page.
const LeaveDialog = lazy(() => import('./leave-dialog'));

type Guard = { ask: (leave: () => void, consequence?: string) => void };
type Pending = { leave: () => void; consequence?: string };

/*
 * The forms with unsaved changes on the page. The App Router has no event to cancel a navigation, so
 * the guard stands at the doors instead: a click on any same-site link (menu, breadcrumbs, a row) is
 * caught before Next.js sees it, buttons that leave call requestLeave, and closing or reloading the tab
 * gets the browser's own question (beforeunload). The browser's Back button cannot be stopped this way;
 * a document form keeps a draft in the browser for that case (use-document-draft.ts).
 */
const active = new Set<Guard>();

/**
 * Runs `leave` at once when no form has unsaved changes; otherwise the form asks first (saying `consequence`, if
 * given).
 */
export function requestLeave(leave: () => void, consequence?: string): void {
  const [guard] = active;
  if (guard) guard.ask(leave, consequence);
  else leave();
}

/** The in-app address of a plain left click on a same-site link that goes to another page, else null. */
function guardedHref(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return null;
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute('download')) return null;
  if (anchor.target && anchor.target !== '_self') return null;
  const url = new URL(anchor.href, window.location.href);
  // Another site is a full page load: beforeunload asks for it.
  if (url.origin !== window.location.origin) return null;
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * While `dirty`, leaving the page asks first ("Leave without saving?"). Returns the dialog to render and
 * `release`, which a form calls right before it navigates away after a successful save.
 */
export function useLeaveGuard(dirty: boolean, consequence: string): { dialog: ReactNode; release: () => void } {
  const router = useRouter();
  const [pending, setPending] = useState<Pending | null>(null);
  const [released, setReleased] = useState(false);
  const guarding = dirty && !released;

  useEffect(() => {
    if (!guarding) return;
    const guard: Guard = { ask: (leave, said) => setPending({ leave, consequence: said }) };
    const onClick = (event: MouseEvent) => {
      const href = guardedHref(event);
      if (href === null) return;
      event.preventDefault();
      event.stopPropagation(); // before Next.js' Link handler, which listens further down
      guard.ask(() => router.push(href));
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = ''; // older browsers ask only when this is set
    };
    active.add(guard);
    window.addEventListener('click', onClick, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      active.delete(guard);
      window.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [guarding, router]);

  const release = useCallback(() => setReleased(true), []);
  const leave = () => {
    const go = pending?.leave;
    setPending(null);
    setReleased(true);
    go?.();
  };
  const dialog = (guarding || pending !== null) && (
    <Suspense fallback={null}>
      <LeaveDialog
        open={pending !== null}
        consequence={pending?.consequence ?? consequence}
        onStay={() => setPending(null)}
        onLeave={leave}
      />
    </Suspense>
  );
  return { dialog, release };
}
