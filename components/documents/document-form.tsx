'use client';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { DraftBanner } from '@/components/forms/draft-banner';
import { draftKey } from '@/components/forms/draft-storage';
import { requestLeave, useLeaveGuard } from '@/components/forms/leave-guard';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormAlert } from '@/components/ui/form-alert';
import { fixedFacts, isPinned, partnerFixed, type Blocker } from '@/lib/inventory/correction-scope';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import type { LineItemOption } from '@/lib/inventory/queries/form-lookups';
import { AddItemBar } from './add-item-bar';
import { HeaderFields } from './header-fields';
import { DocumentLinesEditor } from './lines-editor';
import type { PartnerChoice } from './partner-combobox';
import { PinnedReason } from './pinned-reason';
import { RefusalProblems } from './refusal-problems';
import { ReturnableContext } from './returnable-context';
import type { ReturnableSerials } from './returnable-serials';
import { instantResolver } from './instant-checks';
import { carriesSerials, lineFor, type DocumentFormValues, type Option } from './form-values';
import { useDocumentDraft, type DocumentDraft } from './use-document-draft';
import { useSaveDocument } from './use-save-document';

/** The reasons beside the read-only parts of a pinned document, which those controls point to. */
const FIXED_HEADER = 'fixed-header-reason';
const FIXED_LINES = 'fixed-lines-reason';

const LEAVE_CONSEQUENCE =
  'The document is not saved. This browser keeps a draft of it, which the form offers to restore when you open it again.';

/**
 * Create and edit form for every kind of document. The browser checks only the line count
 * (instant-checks.ts); the shape is checked by the server with the shared schema and every stock and serial
 * rule is the core's, their messages landing on the fields (use-save-document.ts). An edit carries the `version`
 * it was loaded from: a save over a newer one is refused. Unsaved work is guarded: leaving asks first,
 * and a draft survives a reload in this browser (`draftOwner`: the user it belongs to).
 * `blockers`: the later documents that pin an edited document's stock effects (documentBlockers); while
 * there are any, what would move stock is read-only with the reason beside it, the rest stays editable.
 * `readable`: the kinds this user may open, for the links in reasons and refusals.
 * `returnable`: on a return, what can go back on the document it names; its lines' serial forms pick and check
 * against it.
 */
export function DocumentForm({
  kind,
  id,
  version,
  initial,
  partner,
  warehouses,
  draftOwner,
  openLine,
  blockers = [],
  readable,
  notice,
  draftName,
  returnable = null,
}: {
  kind: DocumentKind;
  id?: string;
  version?: number;
  initial: DocumentFormValues;
  partner: PartnerChoice | null;
  warehouses: Option[];
  draftOwner: string;
  openLine?: number;
  blockers?: Blocker[];
  readable: DocumentKind[];
  /** A word on what this form is for, above it ("Create goods receipt" of a saved invoice). */
  notice?: string;
  /** Which new document the draft is of, when a kind has several kinds of start (a return: of which document). */
  draftName?: string;
  returnable?: ReturnableSerials | null;
}) {
  const info = KINDS[kind];
  const router = useRouter();
  const form = useForm<DocumentFormValues>({ resolver: instantResolver, defaultValues: initial });
  const lines = useFieldArray({ control: form.control, name: 'lines' });
  const createStock = useWatch({ control: form.control, name: 'createStockDocument' });
  const { errors, isSubmitting, isDirty } = form.formState;
  const [partnerChoice, setPartnerChoice] = useState(partner);
  const guard = useLeaveGuard(isDirty, LEAVE_CONSEQUENCE);
  const restoreDraft = useCallback(
    ({ values, partner: chosen }: DocumentDraft) => {
      form.reset(values, { keepDefaultValues: true });
      setPartnerChoice(chosen);
    },
    [form],
  );
  const draft = useDocumentDraft({
    form,
    storageKey: draftKey(draftOwner, `${kind}:${id ?? draftName ?? 'new'}`),
    version: version ?? null,
    partner: partnerChoice,
    onRestore: restoreDraft,
  });
  const save = useSaveDocument({
    form,
    kind,
    id,
    version,
    onSaved: () => {
      draft.clear();
      guard.release();
    },
  });
  const { clearLineProblems } = save;
  const removeLine = useCallback(
    (index: number) => {
      lines.remove(index);
      clearLineProblems();
    },
    [lines, clearLineProblems],
  );
  const addItem = useCallback(
    (item: LineItemOption) => lines.append(lineFor(kind, item), { shouldFocus: false }),
    [lines, kind],
  );
  const linesError = errors.lines?.message ?? errors.lines?.root?.message;
  const pinned = isPinned(blockers);

  return (
    <form
      onSubmit={save.onSubmit}
      noValidate
      className="space-y-6"
      aria-label={id ? `Edit ${info.label.toLowerCase()}` : `New ${info.label.toLowerCase()}`}
    >
      {guard.dialog}
      {draft.offer && (
        <DraftBanner
          savedAt={draft.offer.savedAt}
          summary={draftSummary(draft.offer.data)}
          onRestore={draft.restore}
          onDiscard={draft.discard}
        />
      )}
      <FormAlert problem={save.problem}>
        <RefusalProblems problems={save.problem?.problems} readable={readable} />
      </FormAlert>
      {notice && <Alert tone="info">{notice}</Alert>}
      {pinned && (
        <PinnedReason
          id={FIXED_HEADER}
          kind={kind}
          subject={fixedFacts(kind, blockers)}
          blockers={blockers}
          readable={readable}
          className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        />
      )}
      <HeaderFields
        form={form}
        kind={kind}
        warehouses={warehouses}
        partner={partnerChoice}
        onPartner={setPartnerChoice}
        fixedNote={pinned ? FIXED_HEADER : null}
        partnerFixed={partnerFixed(blockers)}
      />
      {pinned ? (
        <PinnedReason
          id={FIXED_LINES}
          kind={kind}
          subject="The lines’ items, quantities and serial numbers"
          blockers={blockers}
          readable={readable}
          brief
        />
      ) : (
        <AddItemBar onAdd={addItem} />
      )}
      {linesError && (
        <p role="alert" className="text-sm text-red-700">
          {linesError}
        </p>
      )}
      <ReturnableContext value={returnable}>
        <DocumentLinesEditor
          form={form}
          kind={kind}
          fields={lines.fields}
          onRemove={removeLine}
          documentId={id ?? null}
          serialsHere={carriesSerials(kind, createStock)}
          problems={save.lineProblems}
          openLine={openLine}
          fixedNote={pinned ? FIXED_LINES : null}
        />
      </ReturnableContext>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : `Save ${info.label.toLowerCase()}`}
        </Button>
        <Button variant="secondary" onClick={() => requestLeave(() => router.back())}>
          Cancel
        </Button>
        {draft.notKept && (
          <p className="text-sm text-amber-800">
            This form is too large to keep as a draft in the browser; save it to keep it.
          </p>
        )}
      </div>
    </form>
  );
}

function draftSummary({ values }: DocumentDraft): string {
  const serials = values.lines.reduce((sum, line) => sum + (line.serials?.length ?? 0), 0);
  const lines = `${values.lines.length} line${values.lines.length === 1 ? '' : 's'}`;
  return `${lines}, ${serials.toLocaleString('en')} serial number${serials === 1 ? '' : 's'}`;
}
