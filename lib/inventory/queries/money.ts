import { sql, type SQL } from 'drizzle-orm';

/**
 * Invoice arithmetic, done in PostgreSQL's numeric so no float ever touches money. Each line is
 * rounded to cents (half away from zero, as numeric's round does) the way a printed invoice shows it:
 * net = quantity × unit price, VAT = net × rate / 100, gross = net + VAT; document totals are the sums.
 */
export const lineNetSql = (l: SQL) => sql`round(${l}.quantity * ${l}.unit_price, 2)`;
export const lineVatSql = (l: SQL) => sql`round(round(${l}.quantity * ${l}.unit_price, 2) * ${l}.vat_rate / 100, 2)`;

/**
 * Net, VAT and gross of one document as exact decimal text, each a scalar subquery over its lines. The sums
 * stay unbounded numeric (the lines are already rounded to cents): a cast to a bounded type would turn a
 * document too large for it into an error on every page that lists it.
 */
export function documentTotalsSql(documentId: SQL): { net: SQL; vat: SQL; gross: SQL } {
  const l = sql.raw('tl');
  const sum = (expr: SQL) =>
    sql`(select round(coalesce(sum(${expr}), 0), 2)::text from document_line tl where tl.document_id = ${documentId})`;
  return {
    net: sum(lineNetSql(l)),
    vat: sum(lineVatSql(l)),
    gross: sum(sql`${lineNetSql(l)} + ${lineVatSql(l)}`),
  };
}
