import type { RefusalProblem } from '@/lib/actions/result';
import type { DocumentKind } from '@/lib/inventory/kinds';
import { DocumentLink } from './document-link';

/** Problems listed open; more fold behind "Show N more" (a 10,000-serial line can break the same rule 10,000 times). */
const OPEN_PROBLEMS = 10;

/** The line above the list: the core's own message when there is one problem, the count when there are more. */
export function refusalHeadline(message: string, problems: RefusalProblem[] | undefined, what: string): string {
  return problems && problems.length > 1 ? `${what}: ${problems.length.toLocaleString('en')} problems.` : message;
}

/**
 * Every problem of a refusal under its headline (refusalHeadline), each with a link to the document to
 * change first where the core names one. A single problem is the headline itself: only its link is added.
 */
export function RefusalProblems({
  problems,
  readable,
}: {
  problems: RefusalProblem[] | undefined;
  readable: readonly DocumentKind[];
}) {
  if (!problems || problems.length === 0) return null;
  if (problems.length === 1)
    return (
      <p className="mt-1 empty:hidden">
        <ProblemLink problem={problems[0]} readable={readable} />
      </p>
    );
  const open = problems.slice(0, OPEN_PROBLEMS);
  const folded = problems.slice(OPEN_PROBLEMS);
  return (
    <>
      <ProblemItems problems={open} readable={readable} label="Problems" />
      {folded.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer">Show {folded.length.toLocaleString('en')} more</summary>
          <ProblemItems problems={folded} readable={readable} label="More problems" />
        </details>
      )}
    </>
  );
}

function ProblemItems({
  problems,
  readable,
  label,
}: {
  problems: RefusalProblem[];
  readable: readonly DocumentKind[];
  label: string;
}) {
  return (
    <ul aria-label={label} className="mt-1 list-disc space-y-1 pl-5">
      {problems.map((problem, index) => (
        <li key={index}>
          {problem.message} <ProblemLink problem={problem} readable={readable} />
        </li>
      ))}
    </ul>
  );
}

/** The message names the document already; the link is for those who may open it. */
function ProblemLink({ problem, readable }: { problem: RefusalProblem; readable: readonly DocumentKind[] }) {
  if (!problem.document || !readable.includes(problem.document.kind)) return null;
  return (
    <span>
      (open <DocumentLink doc={problem.document} readable={readable} />)
    </span>
  );
}
