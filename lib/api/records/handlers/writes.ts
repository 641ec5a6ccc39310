import { jsonWithIds } from '@/lib/api/responses';
import { parseId } from '@/lib/ids';
import type { RecordModule } from '../module';
import { MAX_RECORDS, parseWriteBody } from '../write/body';
import { retryHeaders, statusOf, type Entry } from '../write/results';
import { deleteOne, eachEntry, eachRecord, idOfRecord, insertOne, updateOne, upsertOne, type Run } from '../write/run';
import { ProtocolError } from '@/lib/errors';
import { apiProblem } from '../problem';

export type WriteRequest = { run: Run; url: URL; bodyText: string; id?: string };

const respond = (entries: Entry[], allOk: number) =>
  jsonWithIds({ data: entries }, { status: statusOf(entries, allOk), headers: retryHeaders(entries) });

/** POST /{module} */
export async function insertHandler(r: WriteRequest): Promise<Response> {
  const { records } = parseWriteBody(r.bodyText);
  return respond(await eachRecord(r.run, records, (record, ctx) => insertOne(r.run, record, ctx)), 201);
}

/** PUT /{module}: every record names its id. */
export async function updateHandler(r: WriteRequest): Promise<Response> {
  const { records } = parseWriteBody(r.bodyText);
  return respond(
    await eachRecord(r.run, records, (record, ctx) => updateOne(r.run, idOfRecord(record, ctx), record, ctx)),
    200,
  );
}

/** PUT /{module}/{id}: one record; the URL names it. */
export async function updateOneHandler(r: WriteRequest): Promise<Response> {
  const { records } = parseWriteBody(r.bodyText);
  if (records.length !== 1) {
    throw apiProblem(
      400,
      'INVALID_DATA',
      `PUT /crm/v8/${r.run.module.api}/{id} takes exactly one record in data; use PUT /crm/v8/${r.run.module.api} for several.`,
      { api_name: 'data' },
    );
  }
  const id = urlId(r.id!);
  return respond(
    await eachRecord(r.run, records, (record, ctx) => {
      if (record.id !== undefined && record.id !== null && String(record.id) !== String(id)) {
        throw new ProtocolError(
          'INVALID_DATA',
          `The record's id ${String(record.id)} differs from the id ${id} in the URL.`,
          { api_name: 'id', json_path: `${ctx.path}.id` },
        );
      }
      return updateOne(r.run, id, record, ctx);
    }),
    200,
  );
}

/** POST /{module}/upsert with duplicate_check_fields (default: the module's first unique field). */
export async function upsertHandler(r: WriteRequest): Promise<Response> {
  const { records, body } = parseWriteBody(r.bodyText);
  const checkFields = duplicateCheckFields(r.run.module, body.duplicate_check_fields);
  return respond(await eachRecord(r.run, records, (record, ctx) => upsertOne(r.run, checkFields, record, ctx)), 200);
}

/** DELETE /{module}?ids=1,2 — each id on its own. */
export async function deleteHandler(r: WriteRequest): Promise<Response> {
  const raw = r.url.searchParams.get('ids');
  if (!raw) throw apiProblem(400, 'REQUIRED_PARAM_MISSING', 'Give the ids to delete: ?ids=1,2,3.', { param: 'ids' });
  const ids = raw.split(',');
  if (ids.length > MAX_RECORDS) {
    throw apiProblem(
      400,
      'LIMIT_EXCEEDED',
      `ids holds ${ids.length} ids; at most ${MAX_RECORDS} can be deleted per request.`,
      { param: 'ids', limit: MAX_RECORDS },
    );
  }
  return respond(await deleteEach(r, ids), 200);
}

/** DELETE /{module}/{id} */
export async function deleteOneHandler(r: WriteRequest): Promise<Response> {
  return respond(await deleteEach(r, [String(urlId(r.id!))]), 200);
}

async function deleteEach(r: WriteRequest, ids: string[]): Promise<Entry[]> {
  return eachEntry(
    ids,
    (index) => `$.ids[${index}]`,
    r.run.module,
    (id, path) => deleteOne(r.run, id, { db: r.run.db, principal: r.run.principal, module: r.run.module, path }),
  );
}

function urlId(raw: string): bigint {
  const id = parseId(raw);
  if (id === null)
    throw apiProblem(400, 'INVALID_DATA', `"${raw}" is not an id: ids are positive whole numbers.`, { param: 'id' });
  return id;
}

function duplicateCheckFields(module: RecordModule, value: unknown): string[] {
  const allowed = module.writes?.duplicateCheckFields ?? [];
  if (value === undefined || value === null) return allowed.slice(0, 1);
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) {
    throw apiProblem(
      400,
      'INVALID_DATA',
      `duplicate_check_fields must be a list of field names such as ["${allowed[0]}"].`,
      { api_name: 'duplicate_check_fields' },
    );
  }
  const unknown = value.filter((v) => !allowed.includes(v));
  if (unknown.length > 0) {
    throw apiProblem(
      400,
      'INVALID_DATA',
      `${unknown.join(', ')} cannot be a duplicate check field of ${module.api}; use ${allowed.join(' or ')} (its unique fields).`,
      { api_name: 'duplicate_check_fields' },
    );
  }
  return value;
}
