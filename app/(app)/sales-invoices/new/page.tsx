import { NewDocumentPage } from '@/app/(app)/_documents/form-page';
import type { SearchParams } from '@/lib/data-table/params';

export const metadata = { title: 'New sales invoice' };

export default function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <NewDocumentPage kind="sales_invoice" searchParams={searchParams} />;
}
