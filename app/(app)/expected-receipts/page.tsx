import { DocumentListPage } from '@/app/(app)/_documents/list-page';
import type { SearchParams } from '@/lib/data-table/params';

export const metadata = { title: 'Expected receipts' };

export default function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <DocumentListPage kind="expected_receipt" searchParams={searchParams} />;
}
