import { Link } from '@/components/ui/link';
import { getDb } from '@/db/client';
import { Alert } from '@/components/ui/alert';
import { Card, PageHeader } from '@/components/ui/page-header';
import { SerialTraceFacts, todayUtc } from '@/components/serials/serial-trace-facts';
import { requirePagePermission } from '@/lib/auth/session';
import type { Role } from '@/lib/auth/roles';
import { lookupSerials, type SerialLookup } from '@/lib/inventory/queries/serial-trace';
import { SERIAL_COUNT_CAP } from '@/lib/inventory/queries/serials';
import { textProblem } from '@/lib/validation/text';
import { LookupBox } from './lookup-box';

export const metadata = { title: 'Look up a serial' };

/** Longer than any serial a label carries; a longer text is cut, as the header's Find cuts it. */
const MAX_TEXT = 200;

/**
 * "Look up a serial": scan or type one and see where it is, whom it was sold to, the documents it came in and
 * went out with and its warranty on both sides (lib/inventory/queries/serial-trace.ts).
 */
export default async function SerialLookupPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const params = await searchParams;
  const raw = typeof params.q === 'string' ? params.q : '';
  const here = `/serial-numbers/lookup${raw ? `?q=${encodeURIComponent(raw)}` : ''}`;
  const user = await requirePagePermission('serials.read', here);
  const text = raw.trim().slice(0, MAX_TEXT);
  // The text rule of every door: a NUL or a control character is named, not sent to the database.
  const problem = text ? textProblem(text, 'The serial number') : null;
  const found = text && !problem ? await lookupSerials(getDb(), text) : null;
  return (
    <>
      <PageHeader
        title="Look up a serial"
        description="Where a serial number is, whom it was sold to, on which documents, and its warranty."
      />
      <div className="max-w-3xl space-y-4">
        <LookupBox />
        {problem && <Alert>{problem}</Alert>}
        {found && <LookupResults text={text} found={found} role={user.role} />}
      </div>
    </>
  );
}

function LookupResults({ text, found, role }: { text: string; found: SerialLookup; role: Role }) {
  const today = todayUtc();
  const agenda = `/serial-numbers?all=1&q=${encodeURIComponent(text)}`;
  if (found.match === 'none') {
    return (
      <div role="status">
        <Alert tone="info">
          No serial number reads as “{text}”: it was never received (check the item, or the label).
        </Alert>
      </div>
    );
  }
  const more = found.total > found.traces.length;
  const count = found.capped ? `More than ${SERIAL_COUNT_CAP.toLocaleString('en')}` : found.total.toLocaleString('en');
  const summary =
    found.match === 'exact'
      ? found.traces.length === 1
        ? `“${text}” is serial ${found.traces[0].serial} of ${found.traces[0].item.code}.`
        : `${found.traces.length} serial numbers read as “${text}”, one per item:`
      : `No serial number reads exactly as “${text}”. ${count} contain it${more ? `; the first ${found.traces.length}` : ''}:`;
  return (
    <>
      <p role="status" className="text-sm text-slate-700">
        {summary}
      </p>
      <ul className="space-y-4" aria-label="Serial numbers found">
        {found.traces.map((trace) => (
          <li key={trace.id}>
            <Card title={`${trace.serial} · ${trace.item.code}`}>
              <p className="mb-3 text-sm text-slate-600">
                {trace.item.name} · <Link href={`/serial-numbers/${trace.id}`}>Full history</Link>
              </p>
              <SerialTraceFacts trace={trace} role={role} today={today} />
            </Card>
          </li>
        ))}
      </ul>
      {more && (
        <p className="text-sm">
          <Link href={agenda}>All serial numbers containing “{text}” in the agenda</Link>
        </p>
      )}
    </>
  );
}
