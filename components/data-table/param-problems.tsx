import { Alert } from '@/components/ui/alert';
import type { ParamProblem } from '@/lib/data-table/params';

/** Says which parts of a hand-edited or hostile link the list ignored, and why (lib/data-table/params.ts). */
export function ParamProblems({ problems }: { problems: ParamProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="mb-4">
      <Alert tone="info">
        <p>Part of the address was ignored:</p>
        <ul className="list-disc pl-5">
          {problems.map((p) => (
            <li key={p.param}>{p.message}</li>
          ))}
        </ul>
      </Alert>
    </div>
  );
}
