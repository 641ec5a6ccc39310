import 'server-only';
import { getDb } from '@/db/client';
import { withIdempotency } from '@/lib/api/idempotency';
import { rateLimitedResponse, rateOwner, takeRateLimit, withRateHeaders } from '@/lib/api/rate-limit';
import { apiRoute } from '@/lib/api/route';
import { jsonBodyRefusal } from '@/lib/api/cross-site';
import { checkVersion } from '@/lib/api/version';
import type { Principal } from '@/lib/auth/principal';
import { can } from '@/lib/auth/roles';
import { getHandler, listHandler, searchHandler } from './handlers/reads';
import {
  deleteHandler,
  deleteOneHandler,
  insertHandler,
  updateHandler,
  updateOneHandler,
  upsertHandler,
  type WriteRequest,
} from './handlers/writes';
import { refusalOf, supports, type RecordModule, type WriteOperation } from './module';
import { refuseUnknownParams } from './query/known-params';
import { findRecordModule } from './registry';
import { readBodyText } from './write/body';
import { ProtocolError } from '@/lib/errors';
import { apiProblem, problemResponse } from './problem';

export type RecordsParams = { version: string; module: string; id?: string };
type Ctx = { params: Promise<RecordsParams> };

type ReadOp = 'list' | 'search' | 'get';
type WriteOp = 'insert' | 'update' | 'updateOne' | 'upsert' | 'delete' | 'deleteOne';

const WRITES: Record<WriteOp, { kind: WriteOperation; handle: (r: WriteRequest) => Promise<Response> }> = {
  insert: { kind: 'insert', handle: insertHandler },
  update: { kind: 'update', handle: updateHandler },
  updateOne: { kind: 'update', handle: updateOneHandler },
  upsert: { kind: 'upsert', handle: upsertHandler },
  delete: { kind: 'delete', handle: deleteHandler },
  deleteOne: { kind: 'delete', handle: deleteOneHandler },
};

/**
 * A records API route handler: authenticate (apiRoute), count the request against the caller's rate
 * limit, resolve version and module, check the module's permission for this operation, then read or
 * (under the Idempotency-Key, if sent) write.
 */
export function recordsRoute(op: ReadOp | WriteOp) {
  return apiRoute<Ctx>(null, async (request, { params }, principal) => {
    const db = getDb();
    const owner = rateOwner(principal);
    const rate = await takeRateLimit(db, `records:${owner}`);
    if (!rate.allowed) return rateLimitedResponse(rate);
    let response: Response;
    try {
      response = await dispatch(op, request, await params, principal, owner);
    } catch (error) {
      if (!(error instanceof ProtocolError)) throw error;
      response = problemResponse(error);
    }
    return withRateHeaders(response, rate);
  });
}

async function dispatch(
  op: ReadOp | WriteOp,
  request: Request,
  params: RecordsParams,
  principal: Principal,
  owner: string,
): Promise<Response> {
  const versionError = checkVersion(params.version);
  if (versionError) return versionError;
  const target = findRecordModule(params.module);
  if (!target)
    throw apiProblem(400, 'INVALID_MODULE', 'The module name given seems to be invalid', { module: params.module });
  const db = getDb();
  const url = new URL(request.url);
  if (op === 'list' || op === 'search' || op === 'get') {
    authorize(target, principal, null);
    refuseUnknownParams(op, target, url.searchParams);
    if (op === 'list') return listHandler(db, target, url);
    return op === 'search' ? searchHandler(db, target, url) : getHandler(db, target, params.id ?? '', url);
  }
  const write = WRITES[op];
  authorize(target, principal, write.kind);
  refuseUnknownParams(op, target, url.searchParams);
  const hasBody = op !== 'delete' && op !== 'deleteOne';
  const notJson = hasBody ? jsonBodyRefusal(request, principal) : null;
  if (notJson) return notJson;
  const bodyText = hasBody ? await readBodyText(request) : '';
  return withIdempotency(db, request, owner, bodyText, () =>
    write.handle({ run: { db, principal, module: target }, url, bodyText, id: params.id }).catch((error) => {
      if (error instanceof ProtocolError) return problemResponse(error);
      throw error;
    }),
  );
}

/**
 * Unsupported operations answer 405 before permissions are looked at; then the role must hold the module's permission.
 */
function authorize(module: RecordModule, principal: Principal, write: WriteOperation | null): void {
  if (write && !supports(module, write))
    throw apiProblem(405, 'NOT_SUPPORTED', refusalOf(module, write), { module: module.api, operation: write });
  const permission = write ? module.write! : module.read;
  if (!can(principal.role, permission)) {
    throw apiProblem(
      403,
      'NO_PERMISSION',
      `The ${principal.role} role may not ${write ? 'write' : 'read'} ${module.api} (needs ${permission}).`,
      { permission },
    );
  }
}
