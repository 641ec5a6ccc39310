import { NewDocumentPage } from '@/app/(app)/_documents/form-page';
import type { SearchParams } from '@/lib/data-table/params';

export const metadata = { title: 'New return to supplier' };

export default function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <NewDocumentPage kind="supplier_return" searchParams={searchParams} />;
}
