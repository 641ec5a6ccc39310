import { NewDocumentPage } from '@/app/(app)/_documents/form-page';
import type { SearchParams } from '@/lib/data-table/params';

export const metadata = { title: 'New goods receipt' };

export default function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <NewDocumentPage kind="goods_receipt" searchParams={searchParams} />;
}
