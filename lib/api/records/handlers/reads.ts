import type { DbOrTx } from '@/db/client';
import { jsonWithIds } from '@/lib/api/responses';
import { parseId } from '@/lib/ids';
import { hasRecordUrl, type RecordModule } from '../module';
import { criteriaSql, wordRanking, wordSql } from '../query/compile';
import { parseCriteria } from '../query/criteria';
import { fieldsOf, parseListQuery, type ListQuery } from '../query/params';
import { listRecords, readRecord } from '../query/read';
import { apiProblem } from '../problem';

/** GET /{module}: a page of records; no records answers 204 No Content, as Zoho does. */
export async function listHandler(db: DbOrTx, module: RecordModule, url: URL): Promise<Response> {
  return pageResponse(db, module, parseListQuery(module, url.searchParams));
}

/** GET /{module}/search: criteria and/or word, plus the list's paging and filters. */
export async function searchHandler(db: DbOrTx, module: RecordModule, url: URL): Promise<Response> {
  const params = url.searchParams;
  const criteria = params.get('criteria');
  const word = params.get('word');
  if (!criteria && !word) {
    throw apiProblem(
      400,
      'REQUIRED_PARAM_MISSING',
      'Give criteria, e.g. criteria=(Code:starts_with:PHN), or word for a quick search over the main text fields.',
      { param: 'criteria' },
    );
  }
  const query = parseListQuery(module, params);
  if (criteria) query.where.push(criteriaSql(module, parseCriteria(criteria)));
  if (word) {
    const condition = wordSql(module, word);
    query.where.push(condition);
    // Exact and starting matches first, unless the client chose an order.
    if (!params.get('sort_by')) query.ranking = wordRanking(module, word, condition) ?? undefined;
  }
  return pageResponse(db, module, query);
}

async function pageResponse(db: DbOrTx, module: RecordModule, query: ListQuery): Promise<Response> {
  const { records, more } = await listRecords(db, module, query);
  if (records.length === 0) return new Response(null, { status: 204 });
  return jsonWithIds({
    data: records,
    info: { page: query.page, per_page: query.perPage, count: records.length, more_records: more },
  });
}

/** GET /{module}/{id}: the record with its detail-only fields (a serial's history). */
export async function getHandler(db: DbOrTx, module: RecordModule, rawId: string, url: URL): Promise<Response> {
  if (!hasRecordUrl(module)) {
    throw apiProblem(
      405,
      'NOT_SUPPORTED',
      `${module.api} rows have no id; list them with GET /crm/v8/${module.api} and its filters.`,
    );
  }
  const id = parseId(rawId);
  if (id === null)
    throw apiProblem(400, 'INVALID_DATA', `"${rawId}" is not an id: ids are positive whole numbers.`, { param: 'id' });
  const record = await readRecord(db, module, id, fieldsOf(module, url.searchParams.get('fields'), true));
  if (!record) throw apiProblem(404, 'RESOURCE_NOT_FOUND', "The requested resource doesn't exist.", { id: rawId });
  return jsonWithIds({ data: [record] });
}
