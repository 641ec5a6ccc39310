import { recordsRoute } from '@/lib/api/records/endpoint';

/** Insert or update by duplicate_check_fields (e.g. ["Code"] or ["EAN"]). */
export const POST = recordsRoute('upsert');
