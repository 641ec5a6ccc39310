/**
 * What a scanned serial turned out to be, against the books of the count's warehouse: expected (in stock there), or
 * unexpected for a named reason. Only `unknown` is adjusted by closing (received as new); the books place the others
 * elsewhere, and they stay listed until someone moves them with a transfer, an arrival or a return.
 */
export const FINDINGS = ['expected', 'unknown', 'other_warehouse', 'issued', 'in_transit'] as const;
export type Finding = (typeof FINDINGS)[number];

/** `where` is the warehouse code (other_warehouse) or the document number (issued, in_transit). */
export function describeFinding(finding: Finding, serial: string, where: string | null): string {
  switch (finding) {
    case 'expected':
      return `${serial}: found, in stock here.`;
    case 'unknown':
      return `${serial}: unknown serial; closing receives it as new.`;
    case 'other_warehouse':
      return `${serial}: the books have it in warehouse ${where}; not adjusted, transfer it here first.`;
    case 'issued':
      return `${serial}: issued by ${where}; not adjusted, receive it back first.`;
    case 'in_transit':
      return `${serial}: in transit with ${where}; not adjusted, receive the transfer first.`;
  }
}

/** The SQL that classifies a scan joined to its serial (alias s, left join) in the count's warehouse. */
export const FINDING_SQL = `case when s.id is null then 'unknown'
  when s.status = 'in_stock' and s.warehouse_id = st.warehouse_id then 'expected'
  when s.status = 'in_stock' then 'other_warehouse'
  when s.status = 'issued' then 'issued' else 'in_transit' end`;
