'use client';
import { useRouter } from 'next/navigation';
import type { ReactNode } from 'react';
import { Alert } from './alert';
import { Button } from './button';

/** Why a save was refused; `reload` when the form was loaded before someone else saved the record. */
export type FormProblem = { message: string; reload?: boolean };

/**
 * A save's refusal above its form. A stale form gets a Reload button: it fetches the page again, and the
 * edit pages key their form by the record's version, so the form starts over from the current data.
 */
export function FormAlert({
  problem,
  children,
}: {
  problem: FormProblem | null;
  /** More about the refusal, under its message. */ children?: ReactNode;
}) {
  const router = useRouter();
  if (!problem) return null;
  return (
    <Alert>
      <p>{problem.message}</p>
      {children}
      {problem.reload && (
        <Button variant="secondary" className="mt-2" onClick={() => router.refresh()}>
          Reload
        </Button>
      )}
    </Alert>
  );
}
