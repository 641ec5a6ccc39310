import { NewDocumentPage } from '@/app/(app)/_documents/form-page';
import type { SearchParams } from '@/lib/data-table/params';

export const metadata = { title: 'New transfer' };

export default function Page({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return <NewDocumentPage kind="transfer" searchParams={searchParams} />;
}
