import { Link } from '@/components/ui/link';
import { Alert } from '@/components/ui/alert';
import { buttonClass } from '@/components/ui/button';
import { ReturnOriginSearchLazy } from '@/components/documents/return-origin-search-lazy';
import { getDb } from '@/db/client';
import { formatPartner } from '@/lib/format';
import { KINDS, returnOfLabels, type DocumentKind } from '@/lib/inventory/kinds';
import { findReturnOrigins, type ReturnOrigin } from '@/lib/inventory/queries/return-origins';

/**
 * A new return opened without its document (`?returnOf=`): find the sale or purchase its goods go back on by number,
 * serial or partner (lib/inventory/queries/return-origins.ts), then continue to the return's form of that document.
 * A document the user may not open is offered as its goods document when they may open that (warehouse staff know
 * the goods issue, not the invoice), and left out otherwise. The page itself checked the kind's write permission.
 */
export async function ReturnOriginPicker({
  kind,
  query,
  readable,
  unknownOrigin,
}: {
  kind: DocumentKind;
  query: string;
  readable: readonly DocumentKind[];
  /** `?returnOf=` named no document this kind returns goods of. */
  unknownOrigin: boolean;
}) {
  const info = KINDS[kind];
  const partnerLabel = info.partnerRole === 'supplier' ? 'supplier' : 'customer';
  const found = query ? offered(await findReturnOrigins(getDb(), kind, query), readable) : [];
  return (
    <div className="max-w-2xl space-y-4">
      {unknownOrigin && (
        <Alert tone="info">The link names no document a {info.label.toLowerCase()} can return goods of.</Alert>
      )}
      <p className="text-sm text-slate-700">
        A {info.label.toLowerCase()} names the document its goods go back on: {returnOfLabels(kind)}. Find it here, or
        open it and choose {info.movesStock ? 'Return…' : `${info.label}…`} on its page.
      </p>
      <ReturnOriginSearchLazy action={`${info.path}/new`} partnerLabel={partnerLabel} query={query} />
      {query && <Results kind={kind} query={query} found={found} />}
    </div>
  );
}

type Offered = { target: { id: string; number: string; kind: DocumentKind }; origin: ReturnOrigin };

function offered(found: ReturnOrigin[], readable: readonly DocumentKind[]): Offered[] {
  return found.flatMap((origin) => {
    if (readable.includes(origin.kind)) return [{ target: origin, origin }];
    return origin.goods && readable.includes(origin.goods.kind) ? [{ target: origin.goods, origin }] : [];
  });
}

function Results({ kind, query, found }: { kind: DocumentKind; query: string; found: Offered[] }) {
  const info = KINDS[kind];
  if (found.length === 0)
    return (
      <p role="status" className="text-sm text-slate-700">
        Nothing found for “{query}”: no {returnOfLabels(kind).slice(2)} has this number, moved this serial number or
        belongs to a matching {info.partnerRole}.
      </p>
    );
  return (
    <section aria-labelledby="return-origins-heading" className="space-y-2">
      <h2 id="return-origins-heading" className="text-base font-semibold text-slate-900">
        Found {found.length === 1 ? 'one document' : `${found.length} documents`}
      </h2>
      <ul
        aria-label="Documents found"
        className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white"
      >
        {found.map(({ target, origin }) => (
          <li key={target.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
            <div className="min-w-0 text-sm">
              <p className="font-medium text-slate-900">
                {target.number} <span className="font-normal text-slate-600">· {KINDS[target.kind].label}</span>
              </p>
              <p className="text-slate-600">
                {origin.date}
                {origin.partner && <> · {formatPartner(origin.partner)}</>} · {why(origin)}
              </p>
            </div>
            <Link href={`${info.path}/new?returnOf=${target.id}`} className={buttonClass('secondary', 'min-h-10')}>
              {info.label} of {target.number}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function why(origin: ReturnOrigin): string {
  if (origin.match.by === 'serial') return `moved serial ${origin.match.serial}`;
  return origin.match.by === 'number' ? 'its number' : 'a latest document of this partner';
}
