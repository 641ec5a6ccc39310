import { recordsRoute } from '@/lib/api/records/endpoint';

/** Zoho-style records API on a module: list, insert, update (records carry ids), delete ?ids=. */
export const GET = recordsRoute('list');
export const POST = recordsRoute('insert');
export const PUT = recordsRoute('update');
export const DELETE = recordsRoute('delete');
