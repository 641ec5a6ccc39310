import { DocumentDetailPage } from '@/app/(app)/_documents/detail-page';

export const metadata = { title: 'Return to supplier' };

export default function Page({ params }: { params: Promise<{ id: string }> }) {
  return <DocumentDetailPage kind="supplier_return" params={params} />;
}
