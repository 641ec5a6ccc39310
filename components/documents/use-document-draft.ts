'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { readDraft, removeDraft, writeDraft, type StoredDraft } from '@/components/forms/draft-storage';
import type { DocumentFormValues } from './form-values';
import type { PartnerChoice } from './partner-combobox';

export type DocumentDraft = { values: DocumentFormValues; partner: PartnerChoice | null };

const SAVE_DELAY_MS = 500;

/**
 * Keeps the unsaved form (lines and serials included) in this browser while it differs from what was
 * loaded, and offers it back when the same form opens again ("Restore draft / Discard"). A pending offer
 * is never overwritten: until the user decides, nothing is saved over it. An edit's draft belongs to the
 * version it started from; once someone else saved the document, it is dropped rather than laid over
 * their change.
 */
export function useDocumentDraft({
  form,
  storageKey,
  version,
  partner,
  onRestore,
}: {
  form: UseFormReturn<DocumentFormValues>;
  storageKey: string;
  version: number | null;
  partner: PartnerChoice | null;
  onRestore: (draft: DocumentDraft) => void;
}) {
  const [offer, setOffer] = useState<StoredDraft<DocumentDraft> | null>(null);
  const [notKept, setNotKept] = useState(false);
  const offerPending = useRef(false);
  const stopped = useRef(false);
  const latestPartner = useRef(partner);
  const [initialJson] = useState(() => JSON.stringify(form.getValues()));
  useEffect(() => {
    latestPartner.current = partner;
  }, [partner]);

  useEffect(() => {
    const found = readDraft<DocumentDraft>(storageKey);
    if (!found) return;
    if (found.version !== version) return removeDraft(storageKey);
    offerPending.current = true;
    // Read after hydration (the server has no local storage), so the offer appears once the page is interactive.
    setOffer(found); // eslint-disable-line react-hooks/set-state-in-effect
  }, [storageKey, version]);

  const saveNow = useCallback(() => {
    if (stopped.current || offerPending.current) return;
    const values = form.getValues();
    if (JSON.stringify(values) === initialJson) {
      removeDraft(storageKey);
      return setNotKept(false);
    }
    const data: DocumentDraft = { values, partner: latestPartner.current };
    setNotKept(!writeDraft(storageKey, { savedAt: new Date().toISOString(), version, data }));
  }, [form, initialJson, storageKey, version]);

  useAfterChanges(form, saveNow);

  const decide = (restore: boolean) => {
    offerPending.current = false;
    if (restore && offer) onRestore(offer.data);
    else removeDraft(storageKey);
    setOffer(null);
    if (restore) saveNow();
  };

  /** After a successful save: the draft is done with, and nothing may write it again. */
  const clear = useCallback(() => {
    stopped.current = true;
    removeDraft(storageKey);
  }, [storageKey]);

  return { offer, notKept, restore: () => decide(true), discard: () => decide(false), clear };
}

/**
 * Runs `run` once the form has not changed for SAVE_DELAY_MS (a scan every second writes once per pause, not
 * per scan), and at once when the page goes (a link, Leave, a reload) with a write still pending.
 */
function useAfterChanges(form: UseFormReturn<DocumentFormValues>, run: () => void) {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      if (timer === undefined) return;
      clearTimeout(timer);
      timer = undefined;
      run();
    };
    const subscription = form.watch(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        run();
      }, SAVE_DELAY_MS);
    });
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      subscription.unsubscribe();
      flush();
    };
  }, [form, run]);
}
