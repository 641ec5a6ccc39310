import { EditDocumentPage } from '@/app/(app)/_documents/form-page';
import type { SearchParams } from '@/lib/data-table/params';

export const metadata = { title: 'Edit sales invoice' };

export default function Page({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  return <EditDocumentPage kind="sales_invoice" params={params} searchParams={searchParams} />;
}
