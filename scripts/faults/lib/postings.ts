// Concurrent clerks posting through the records API while the app is being killed: receipts and purchase
// invoices bring serials in, issues and sales invoices take them out again. Each clerk uses serials of
// its own, so a refusal can only come from a real rule; a request that got no answer (the app died
// under it) has an unknown outcome, and its serials are never used again.
import type { Api } from './clients';

export const FAULT_DATE = '2026-11-20';
export const WAREHOUSE = 'FLT-W';
export const TRACKED = 'FLT-SN';
export const BULK = 'FLT-BULK';

export interface PostingStats {
  acknowledged: number;
  refused: number;
  noAnswer: number;
  throttled: number;
  serverErrors: number;
  inFlight: number;
  acknowledgedIds: string[];
  refusals: string[];
}

/** Items, warehouse and partners the scenario posts against, created through the records API itself. */
export async function createFaultCatalog(api: Api): Promise<void> {
  const calls = [
    api.postRecords('Items', [
      { Code: TRACKED, Name: 'Fault test scanner', Track_Serial_Numbers: true },
      { Code: BULK, Name: 'Fault test cable', Unit: 'm' },
    ]),
    api.postRecords('Warehouses', [{ Code: WAREHOUSE, Name: 'Fault test warehouse' }]),
    api.postRecords('Partners', [
      { Code: 'FLT-SUP', Name: 'Fault supplier', Type: 'supplier' },
      { Code: 'FLT-CUS', Name: 'Fault customer', Type: 'customer' },
    ]),
  ];
  for (const answer of await Promise.all(calls)) {
    if (answer.status !== 201)
      throw new Error(`catalog setup refused: ${answer.status} ${JSON.stringify(answer.json)}`);
  }
}

type Clerk = { id: number; serial: number; inStock: string[] };

function nextAction(
  clerk: Clerk,
  turn: number,
): { module: string; record: Record<string, unknown>; serialsIn: string[]; serialsOut: string[] } {
  const header = { Date: FAULT_DATE, Warehouse: { Code: WAREHOUSE } };
  const kind = turn % 10;
  if (clerk.inStock.length >= 2 && kind >= 5) {
    const serial = clerk.inStock.shift()!;
    const target = kind >= 8 ? 'Sales_Invoices' : 'Goods_Issues';
    return {
      module: target,
      serialsIn: [],
      serialsOut: [serial],
      record: {
        ...header,
        Partner: { Code: 'FLT-CUS' },
        Lines: [
          { Item: { Code: TRACKED }, Quantity: 1, Serial_Numbers: [serial], Unit_Price: '10' },
          { Item: { Code: BULK }, Quantity: '1.5', Unit_Price: '2' },
        ],
      },
    };
  }
  const serials = [0, 1].map(() => `API-${clerk.id}-${String(++clerk.serial).padStart(6, '0')}`);
  const target = kind === 4 ? 'Purchase_Invoices' : 'Goods_Receipts';
  return {
    module: target,
    serialsIn: serials,
    serialsOut: [],
    record: {
      ...header,
      Partner: { Code: 'FLT-SUP' },
      Lines: [
        { Item: { Code: TRACKED }, Quantity: 2, Serial_Numbers: serials, Unit_Price: '8' },
        { Item: { Code: BULK }, Quantity: 3, Unit_Price: '1' },
      ],
    },
  };
}

/**
 * One posting loop per API (a clerk with a key of their own: the records API limits each key to
 * RECORDS_RATE_LIMIT requests a minute) until `stop()`; while the app is down they retry every 200 ms.
 */
export function startPostings(apis: Api[]) {
  const stats: PostingStats = {
    acknowledged: 0,
    refused: 0,
    noAnswer: 0,
    throttled: 0,
    serverErrors: 0,
    inFlight: 0,
    acknowledgedIds: [],
    refusals: [],
  };
  let stopping = false;
  const loop = async (api: Api, clerk: Clerk) => {
    for (let turn = 0; !stopping; turn++) {
      const action = nextAction(clerk, turn);
      stats.inFlight++;
      const answer = await api.postRecords(action.module, [action.record]);
      stats.inFlight--;
      const result = (
        answer.json?.data as { code?: string; details?: { id?: string }; message?: string }[] | undefined
      )?.[0];
      if (answer.status === 201 && result?.details?.id) {
        stats.acknowledged++;
        stats.acknowledgedIds.push(result.details.id);
        clerk.inStock.push(...action.serialsIn);
      } else if (answer.status === 0) {
        stats.noAnswer++;
        await new Promise((resolve) => setTimeout(resolve, 200));
      } else if (answer.status === 429) {
        // The per-key rate limit (the scenarios raise it): wait as told, the request was not applied.
        stats.throttled++;
        await new Promise((resolve) =>
          setTimeout(
            resolve,
            1000 * Number((answer.json?.details as { retry_after?: number } | undefined)?.retry_after ?? 1),
          ),
        );
      } else if (answer.status >= 500) {
        stats.serverErrors++;
        if (stats.refusals.length < 5)
          stats.refusals.push(`${answer.status} ${JSON.stringify(answer.json).slice(0, 200)}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      } else {
        stats.refused++;
        if (stats.refusals.length < 5)
          stats.refusals.push(
            `${answer.status} ${result?.code ?? ''} ${result?.message ?? JSON.stringify(answer.json).slice(0, 200)}`,
          );
      }
    }
  };
  const loops = apis.map((api, id) => loop(api, { id, serial: 0, inStock: [] }));
  return {
    stats,
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
    },
  };
}
