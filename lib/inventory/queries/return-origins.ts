import { allPipelined } from '@/lib/sql-pipeline';
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { KINDS, type DocumentKind } from '@/lib/inventory/kinds';
import { arrayLiteral } from '@/lib/sql-array';
import { rows } from '@/lib/sql-rows';
import { canonicalKey } from '@/lib/text/canonical-key';
import { searchPartnerOptions } from './form-lookups';

/** A document a new return of some kind can name, found by the picker, and how it was found. */
export type ReturnOrigin = {
  /** The sale or purchase: an invoice, or a goods issue or receipt of its own (a generated one: its invoice). */
  id: string;
  number: string;
  kind: DocumentKind;
  date: string;
  partner: { code: string; name: string } | null;
  /** The goods document an invoice generated (null: none, or the document is itself one). */
  goods: { id: string; number: string; kind: DocumentKind } | null;
  /** Its number was typed, a serial it moved was scanned (that serial), or it is one of a partner's latest. */
  match: { by: 'number' } | { by: 'serial'; serial: string } | { by: 'partner' };
};

/** Per partner found by the text, its latest documents listed; a few partners at most. */
const PARTNERS = 5;
const PER_PARTNER = 10;

/**
 * The documents a new return of `kind` may name, for a text typed or scanned into the picker of its new page:
 * a document number (exact, through the unique index on number), a serial number (the document it left with to a
 * customer, or came with from a supplier: its latest goods issue or receipt, through the serial key's btree and the
 * (serial_id, id) index of the movements), or a partner's code or name (its latest documents, through the index on
 * partner_id). A goods document an invoice generated answers as its invoice, whose page the user knows. Each lookup
 * reads a handful of rows at 2,000,000 documents; test/inventory/queries/return-origins.int.test.ts EXPLAINs them.
 */
export async function findReturnOrigins(db: DbOrTx, kind: DocumentKind, text: string): Promise<ReturnOrigin[]> {
  const kinds = KINDS[kind].returnOf;
  const query = text.trim().slice(0, 100);
  if (!kinds || !query) return [];
  const goodsKind = KINDS[kind].direction === 'in' ? 'goods_issue' : 'goods_receipt';
  const [byNumber, bySerial, byPartner] = await allPipelined([
    numberMatches(db, kinds, query),
    serialMatches(db, goodsKind, query),
    partnerMatches(db, kind, kinds, query),
  ]);
  const found = new Map<string, Found>();
  for (const hit of [...byNumber, ...bySerial, ...byPartner]) if (!found.has(hit.id)) found.set(hit.id, hit);
  if (found.size === 0) return [];
  const described = await describe(db, [...found.keys()]);
  return [...found.values()].flatMap((hit) => {
    const doc = described.get(hit.id);
    return doc ? [{ ...doc, match: hit.match }] : [];
  });
}

type Found = { id: string; match: ReturnOrigin['match'] };

function numberMatches(db: DbOrTx, kinds: DocumentKind[], query: string): Promise<Found[]> {
  return rows<Found>(db, numberMatchSql(kinds, query));
}

/** The statements of the three lookups, exported for their EXPLAIN in the test. */
export function numberMatchSql(kinds: DocumentKind[], query: string): SQL {
  return sql`select coalesce(source_invoice_id, id)::text as id, json_build_object('by', 'number') as match from document
    where number = ${query.toUpperCase()} and kind = any(${arrayLiteral(kinds)}::document_kind[])`;
}

/** Per serial of any item that reads as the text, the goods document of `goodsKind` that last moved it. */
function serialMatches(db: DbOrTx, goodsKind: DocumentKind, query: string): Promise<Found[]> {
  return rows<Found>(db, serialMatchSql(goodsKind, query));
}

export function serialMatchSql(goodsKind: DocumentKind, query: string): SQL {
  return sql`
    select coalesce(g.source_invoice_id, g.id)::text as id, json_build_object('by', 'serial', 'serial', s.serial) as match
    from serial_number s
    cross join lateral (
      -- The kind by primary key per movement: a join could be planned from every goods issue by kind.
      select m.document_id from serial_movement m
      where m.serial_id = s.id and (select kind from document where id = m.document_id) = ${goodsKind}
      order by m.id desc limit 1) last
    join document g on g.id = last.document_id
    where s.serial_key = ${canonicalKey(query)}
    order by s.id limit 20`;
}

/** The latest documents of the partners whose code or name contains the text. */
async function partnerMatches(db: DbOrTx, kind: DocumentKind, kinds: DocumentKind[], query: string): Promise<Found[]> {
  const partners = await searchPartnerOptions(db, kind, query, PARTNERS);
  if (partners.length === 0) return [];
  return rows<Found>(
    db,
    partnerMatchSql(
      partners.map((p) => p.id),
      kinds,
    ),
  );
}

export function partnerMatchSql(partnerIds: string[], kinds: DocumentKind[]): SQL {
  return sql`
    select d.id::text as id, json_build_object('by', 'partner') as match
    from unnest(${arrayLiteral(partnerIds)}::bigint[]) as p(id)
    cross join lateral (
      select d.id, d.date from document d
      where d.partner_id = p.id and d.kind = any(${arrayLiteral(kinds)}::document_kind[]) and d.source_invoice_id is null
      order by d.date desc, d.id desc limit ${PER_PARTNER}) d
    order by d.date desc, d.id desc`;
}

async function describe(db: DbOrTx, ids: string[]): Promise<Map<string, Omit<ReturnOrigin, 'match'>>> {
  const found = await rows<Omit<ReturnOrigin, 'match'>>(
    db,
    sql`
    select d.id::text, d.number, d.kind, d.date::text,
      case when p.id is null then null else json_build_object('code', p.code, 'name', p.name) end as partner,
      case when g.id is null then null else json_build_object('id', g.id::text, 'number', g.number, 'kind', g.kind) end as goods
    from document d left join partner p on p.id = d.partner_id left join document g on g.id = d.stock_document_id
    where d.id = any(${arrayLiteral(ids)}::bigint[])`,
  );
  return new Map(found.map((doc) => [doc.id, doc]));
}
