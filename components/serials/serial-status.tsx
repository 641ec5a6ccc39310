import { Badge } from '@/components/ui/alert';
import type { SERIAL_STATUSES } from '@/db/schema/inventory';

export type SerialStatus = (typeof SERIAL_STATUSES)[number];

const BADGES: Record<SerialStatus, { tone: 'green' | 'neutral' | 'amber'; label: string }> = {
  in_stock: { tone: 'green', label: 'In stock' },
  issued: { tone: 'neutral', label: 'Issued' },
  in_transit: { tone: 'amber', label: 'In transit' },
};

/** A serial's status as the agenda and its page show it. */
export function SerialStatusBadge({ status }: { status: SerialStatus }) {
  const { tone, label } = BADGES[status];
  return <Badge tone={tone}>{label}</Badge>;
}

/** What the serial's warehouse is to it now: where it is, or where it left from. */
export function warehouseRole(status: SerialStatus): string {
  return { in_stock: 'Warehouse', issued: 'Issued from', in_transit: 'Sent in transit from' }[status];
}
