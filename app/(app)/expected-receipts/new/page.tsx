import { NewDocumentPage } from '@/app/(app)/_documents/form-page';
import type { SearchParams } from '@/lib/data-table/params';

export const metadata = { title: 'New expected receipt' };

export default function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <NewDocumentPage kind="expected_receipt" searchParams={searchParams} />;
}
