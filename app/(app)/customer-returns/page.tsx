import { DocumentListPage } from '@/app/(app)/_documents/list-page';
import type { SearchParams } from '@/lib/data-table/params';

export const metadata = { title: 'Customer returns' };

export default function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <DocumentListPage kind="customer_return" searchParams={searchParams} />;
}
