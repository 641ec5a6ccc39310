import { recordsRoute } from '@/lib/api/records/endpoint';

/** Search a module with Zoho criteria, e.g. ?criteria=((Code:starts_with:PHN)and(Active:equals:true)), or ?word=. */
export const GET = recordsRoute('search');
