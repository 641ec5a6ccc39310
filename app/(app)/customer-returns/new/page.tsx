import { NewReturnPage } from '@/app/(app)/_documents/new-return-page';
import type { SearchParams } from '@/lib/data-table/params';

export const metadata = { title: 'New customer return' };

export default function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <NewReturnPage kind="customer_return" searchParams={searchParams} />;
}
