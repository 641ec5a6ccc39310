import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rows } from '@/lib/sql-rows';
import { SETTINGS_KEY } from '@/lib/settings/company-schema';
import { KINDS, type DocumentKind } from './kinds';

/**
 * The series upsert: takes the next number of a per-kind, per-year series and locks the series row
 * until the transaction ends, so concurrent postings get consecutive numbers without gaps from
 * rolled-back attempts leaking into committed documents. Returns `last_number`.
 */
export function nextInSeries(kind: DocumentKind, year: number): SQL {
  return sql`insert into document_series (kind, year, last_number) values (${kind}, ${year}, 1)
    on conflict (kind, year) do update set last_number = document_series.last_number + 1 returning last_number`;
}

/**
 * A document number from its place in the series, in SQL: GR-2026-00001 — the prefix and the least number
 * of digits from the company settings (lib/settings/company.ts; KINDS' prefix and 5 when none are saved),
 * read in the same statement, and never cut.
 */
export function numberOf(kind: DocumentKind, year: number, n: SQL): SQL {
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

/** Allocates the next number of a series on its own (a document inserted with insertNumberedDocument gets it there). */
export async function allocateNumber(tx: DbOrTx, kind: DocumentKind, date: string): Promise<string> {
  const year = Number(date.slice(0, 4));
  const [row] = await rows<{ number: string }>(
    tx,
    sql`
    with n as (${nextInSeries(kind, year)}) select ${numberOf(kind, year, sql`n.last_number`)} as number from n`,
  );
  return row.number;
}
