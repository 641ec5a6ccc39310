import { Link } from '@/components/ui/link';
import { getDb } from '@/db/client';
import { buttonClass } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/roles';
import { requirePagePermission, withQuery } from '@/lib/auth/session';
import { listPartners, parsePartnerListParams } from '@/lib/catalog/partner-queries';
import type { SearchParams } from '@/lib/data-table/params';
import { PartnersTable } from './partners-table';
import { ParamProblems } from '@/components/data-table/param-problems';

export const metadata = { title: 'Partners' };

export default async function PartnersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const raw = await searchParams;
  const user = await requirePagePermission('partners.read', withQuery('/partners', raw));
  const params = parsePartnerListParams(raw);
  const { rows, total } = await listPartners(getDb(), params);
  const canEdit = can(user.role, 'partners.write');
  return (
    <>
      <PageHeader
        title="Partners"
        description="Suppliers and customers."
        actions={
          canEdit && (
            <Link href="/partners/new" className={buttonClass()}>
              New partner
            </Link>
          )
        }
      />
      <ParamProblems problems={params.problems} />
      <PartnersTable
        rows={rows}
        total={total}
        page={params.page}
        perPage={params.perPage}
        sort={params.sort}
        canEdit={canEdit}
      />
    </>
  );
}
