import { DocumentDetailPage } from '@/app/(app)/_documents/detail-page';

export const metadata = { title: 'Customer return' };

export default function Page({ params }: { params: Promise<{ id: string }> }) {
  return <DocumentDetailPage kind="customer_return" params={params} />;
}
