import { DocumentDetailPage } from '@/app/(app)/_documents/detail-page';

export const metadata = { title: 'Transfer arrival' };

export default function Page({ params }: { params: Promise<{ id: string }> }) {
  return <DocumentDetailPage kind="transfer_arrival" params={params} />;
}
