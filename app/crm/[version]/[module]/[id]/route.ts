import { recordsRoute } from '@/lib/api/records/endpoint';

/** One record of a module by its id. */
export const GET = recordsRoute('get');
export const PUT = recordsRoute('updateOne');
export const DELETE = recordsRoute('deleteOne');
