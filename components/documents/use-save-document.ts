'use client';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import type { FieldErrors, UseFormReturn } from 'react-hook-form';
import type { FormProblem } from '@/components/ui/form-alert';
import type { ActionResult, RefusalProblem } from '@/lib/actions/result';
import { reach } from '@/lib/actions/reach';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import { saveDocumentAction } from '@/app/(app)/_documents/actions';
import { tooLargeForForm } from './form-size';
import { refusalHeadline } from './refusal-problems';
import { toDocumentInput, type DocumentFormValues } from './form-values';
import { toWire } from './serials-wire';

const PROBLEMS_KEY = /^lines\.(\d+)\.problems$/;

/** A refusal above the form: its message (or the count), and every problem with the document to change first. */
export type SaveProblem = FormProblem & { problems?: RefusalProblem[] };

/**
 * The save of a document form: the core's answer lands at the top, on the fields and on the lines it
 * names; a saved document opens its page (after `onSaved`, which lets go of the draft and the guard).
 */
export function useSaveDocument({
  form,
  kind,
  id,
  version,
  onSaved,
}: {
  form: UseFormReturn<DocumentFormValues>;
  kind: DocumentKind;
  id?: string;
  version?: number;
  onSaved: () => void;
}) {
  const info = KINDS[kind];
  const router = useRouter();
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const [lineProblems, setLineProblems] = useState<Record<number, string[]>>({});

  const showFailure = (result: Extract<ActionResult<unknown>, { ok: false }>) => {
    setProblem({
      message: refusalHeadline(result.error, result.problems, `${info.label} not saved`),
      reload: result.reload,
      problems: result.problems,
    });
    const problems: Record<number, string[]> = {};
    for (const [field, message] of Object.entries(result.fieldErrors)) {
      const match = PROBLEMS_KEY.exec(field);
      if (match) problems[Number(match[1])] = message.split('\n');
      else form.setError(field as never, { type: 'server', message });
    }
    setLineProblems(problems);
  };

  const onSubmit = form.handleSubmit(
    async () => {
      setProblem(null);
      setLineProblems({});
      const values = toDocumentInput(form.getValues());
      const wire = toWire(values);
      const tooLarge = tooLargeForForm(wire, values);
      if (tooLarge) return setProblem({ message: tooLarge });
      // No answer (connection lost, server restarting): the save may or may not have happened.
      const result = await reach(
        () => saveDocumentAction(kind, { id, version, values: wire }),
        'The server did not answer, so it is not ' +
          `known whether the document was saved. Check the ${info.label.toLowerCase()} list before saving again.`,
      );
      if (!result.ok) return showFailure(result);
      onSaved();
      router.push(`${info.path}/${result.data.id}`);
      router.refresh();
    },
    (invalid: FieldErrors<DocumentFormValues>) =>
      setProblem({ message: firstMessage(invalid) ?? 'Check the highlighted fields.' }),
  );

  // Problems are tied to line positions, which shift when a line goes: they are cleared until the next save.
  const clearLineProblems = useCallback(() => setLineProblems({}), []);
  return { onSubmit, problem, lineProblems, clearLineProblems };
}

/** The first message of the browser-side check, to repeat above the form where it is seen first. */
function firstMessage(errors: FieldErrors<DocumentFormValues>): string | null {
  const queue: unknown[] = [errors];
  while (queue.length > 0) {
    const next = queue.shift();
    if (!next || typeof next !== 'object') continue;
    const message = (next as { message?: unknown }).message;
    if (typeof message === 'string' && message) return message;
    queue.push(
      ...Object.entries(next)
        .filter(([key]) => key !== 'ref')
        .map(([, value]) => value),
    );
  }
  return null;
}
