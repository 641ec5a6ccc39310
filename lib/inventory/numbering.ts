import { allPipelined } from '@/lib/sql-pipeline';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rows } from '@/lib/sql-rows';
import { SETTINGS_KEY } from '@/lib/settings/company-schema';
import { KINDS, type DocumentKind } from './kinds';

/**
 * Numbers are gapless and follow commit order, so the series row that hands out the next one stays locked until
 * the transaction ends: a posting inserts its document under a provisional number and takes its real one with
 * numberDocuments as its last statement. Postings of one kind and year then wait for each other's commit, not
 * for each other's whole stock work (taken first, the lock queued them: docs/quality.md, the load test).
 *
 * The provisional number is unique (the unique index on document.number admits it while the real one is not
 * known) and never committed: every path that inserts a document numbers it before its transaction ends.
 */
export const PROVISIONAL_NUMBER = sql`'~' || gen_random_uuid()`;

/** A document inserted under PROVISIONAL_NUMBER: its kind and date say which series numbers it. */
export type Unnumbered = { id: bigint; kind: DocumentKind; date: string };

/** The series upsert: takes the next number of a per-kind, per-year series. Returns `last_number`. */
function nextInSeries(kind: DocumentKind, year: number): SQL {
  return sql`insert into document_series (kind, year, last_number) values (${kind}, ${year}, 1)
    on conflict (kind, year) do update set last_number = document_series.last_number + 1 returning last_number`;
}

/**
 * Gives documents their numbers, in order (an invoice before the goods document it created, as series locks have
 * always been taken), one statement each, sent together. Call it last: the series rows stay locked until commit.
 * The row's version is left alone: numbering completes the insert, it is not an edit.
 */
export async function numberDocuments(tx: DbOrTx, docs: Unnumbered[]): Promise<{ id: bigint; number: string }[]> {
  return allPipelined(docs.map((doc) => numberDocument(tx, doc)));
}

async function numberDocument(tx: DbOrTx, doc: Unnumbered): Promise<{ id: bigint; number: string }> {
  const year = Number(doc.date.slice(0, 4));
  const [row] = await rows<{ number: string }>(
    tx,
    sql`
    with n as (${nextInSeries(doc.kind, year)})
    update document d set number = ${numberOf(doc.kind, year, sql`n.last_number`)} from n
    where d.id = ${doc.id} returning d.number`,
  );
  if (!row) throw new Error(`Document ${doc.id} to number was not found.`);
  return { id: doc.id, number: row.number };
}

/**
 * A document number from its place in the series, in SQL: GR-2026-00001 — the prefix and the least number
 * of digits from the company settings (lib/settings/company.ts; KINDS' prefix and 5 when none are saved),
 * read in the same statement, and never cut.
 */
function numberOf(kind: DocumentKind, year: number, n: SQL): SQL {
  return numberIn(sql`coalesce(${setting(`prefixes,${kind}`)}, ${KINDS[kind].prefix})`, year, n);
}

const setting = (path: string) =>
  sql`(select value::jsonb #>> ${`{${path}}`} from app_setting where key = ${SETTINGS_KEY})`;

function numberIn(prefix: SQL, year: number, n: SQL): SQL {
  return sql`${prefix} || ${`-${year}-`}::text
    || lpad(${n}::text, greatest(coalesce(${setting('digits')}::int, 5), length(${n}::text)), '0')`;
}

/** A stocktake's number, ST-2026-00001: its own per-year series, the digits of the documents' numbers. */
export async function allocateStocktakeNumber(tx: DbOrTx, date: string): Promise<string> {
  const year = Number(date.slice(0, 4));
  const [row] = await rows<{ number: string }>(
    tx,
    sql`
    with n as (insert into stocktake_series (year, last_number) values (${year}, 1)
      on conflict (year) do update set last_number = stocktake_series.last_number + 1 returning last_number)
    select ${numberIn(sql`'ST'`, year, sql`n.last_number`)} as number from n`,
  );
  return row.number;
}
