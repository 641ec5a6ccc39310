import { DocumentListPage } from '@/app/(app)/_documents/list-page';
import type { SearchParams } from '@/lib/data-table/params';

export const metadata = { title: 'Returns to suppliers' };

export default function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <DocumentListPage kind="supplier_return" searchParams={searchParams} />;
}
