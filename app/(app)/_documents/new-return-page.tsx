import { getDb } from '@/db/client';
import { DocumentForm } from '@/components/documents/document-form';
import { ParamProblems } from '@/components/data-table/param-problems';
import { PageHeader } from '@/components/ui/page-header';
import { requirePagePermission, withQuery } from '@/lib/auth/session';
import { warehouseOptions } from '@/lib/catalog/lookup-queries';
import { checkedText, type ParamProblem, type SearchParams } from '@/lib/data-table/params';
import { formatPartner } from '@/lib/format';
import { parseId } from '@/lib/ids';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import { getReturnStart } from '@/lib/inventory/queries/returnable';
import { getCompanySettings } from '@/lib/settings/company';
import { returnableSerials, todayUtc } from './form-page';
import { readableKinds } from './readable-kinds';
import { ReturnOriginPicker } from './return-origin-picker';

/*
 * Apart from form-page.tsx, which every kind's new and edit pages load: the picker's client code (its search box and
 * the camera) belongs to the three return kinds' new pages only, not to every document form's first load.
 */

/**
 * A new return starts from the document its goods go back on (`?returnOf=<id>`, the "Return…" buttons on that
 * document's page, or the picker this page shows without it): its partner and warehouse, and a line per item with
 * what can still go back — the serials still out with it (or, to a supplier, still in stock from it). The user removes
 * what does not come back.
 */
export async function NewReturnPage({
  kind,
  searchParams,
}: {
  kind: DocumentKind;
  searchParams: Promise<SearchParams>;
}) {
  const info = KINDS[kind];
  const raw = await searchParams;
  const { userId, role } = await requirePagePermission(info.writePermission, withQuery(`${info.path}/new`, raw));
  const db = getDb();
  const param = Array.isArray(raw.returnOf) ? raw.returnOf[0] : raw.returnOf;
  const originId = parseId(param ?? '');
  const [warehouses, start, settings] = await Promise.all([
    warehouseOptions(db),
    originId ? getReturnStart(db, kind, originId) : null,
    getCompanySettings(db),
  ]);
  if (!start) {
    // Hostile text (a NUL, other control characters) is refused by name, as on the lists, never sent to a query.
    const problems: ParamProblem[] = [];
    const query = checkedText(raw, 'q', problems).slice(0, 100);
    return (
      <>
        <PageHeader title={`New ${info.label.toLowerCase()}`} />
        <ParamProblems problems={problems} />
        <ReturnOriginPicker
          kind={kind}
          query={query}
          readable={readableKinds(role)}
          unknownOrigin={param !== undefined}
        />
      </>
    );
  }
  const { origin } = start;
  const empty = start.lines.length === 0;
  return (
    <>
      <PageHeader title={`New ${info.label.toLowerCase()}`} description={`Of ${origin.number}`} />
      <DocumentForm
        kind={kind}
        partner={start.partner && { id: start.partner.id, label: formatPartner(start.partner) }}
        warehouses={warehouses}
        draftOwner={String(userId)}
        draftName={`new:${origin.id}`}
        readable={readableKinds(role)}
        returnable={returnableSerials(kind, start)}
        notice={
          empty
            ? `Nothing that moved with ${origin.number} can go back any more.`
            : `Returns goods of ${origin.number}: the lines hold what can still go back. Remove what does not.`
        }
        initial={{
          kind,
          date: todayUtc(),
          partnerId: start.partner?.id ?? '',
          warehouseId: start.warehouseId,
          destinationWarehouseId: '',
          inTransit: false,
          returnOfId: origin.id,
          note: '',
          externalNumber: '',
          createStockDocument: info.generates !== null && settings.createStockDocument,
          lines: start.lines.map(({ quantity, serials, ...item }) => ({ ...item, quantity, serials })),
        }}
      />
    </>
  );
}
