/*
 * Each secondary index of the big tables and the app's query it is there for, in the shape the app sends it
 * (lib/inventory, lib/catalog, lib/search), for `npm run perf:indexes`. Values are quoted literals from the data.
 */
export type Samples = {
  serialId: string;
  serialKey: string;
  /** 1,000 keys of serials of `itemId`: a line of a posting. */
  itemKeys: string[];
  itemId: string;
  warehouseId: string;
  documentId: string;
  documentNumber: string;
  invoiceId: string;
  lineId: string;
  partnerId: string;
  itemCodeKey: string;
  itemName: string;
  ean: string;
  /** The date with the most goods receipts: a list page starting there must not sort the whole day. */
  busiestReceiptDate: string;
};

export type IndexCase = {
  index: string;
  serves: string;
  query: (s: Samples) => string;
  /** The index gives the query's whole order, so a page stops after its rows: the plan must not sort at all. */
  inOrder?: true;
};

const text = (value: string) => `'${value.replaceAll("'", "''")}'`;

export const INDEX_CASES: IndexCase[] = [
  {
    index: 'serial_number_item_id_serial_key_index',
    serves: "one serial per item; a line's serials by item and key",
    // What the live serial check and the refusal diagnosis ask (any status); the unique index is also what
    // `on conflict (item_id, serial_key)` of a receipt needs.
    query: (s) =>
      `with input as (select unnest(array[${s.itemKeys.map(text).join(',')}]::text[]) as key)
       select s.id, s.status from serial_number s, input where s.item_id = ${s.itemId} and s.serial_key = input.key`,
  },
  {
    index: 'serial_number_key_trgm',
    serves: 'any serial search: a part of the key (last 4)',
    query: (s) => `select id from serial_number where serial_key like ${text(`%${s.serialKey.slice(-4)}%`)}`,
  },
  {
    index: 'serial_number_key_prefix',
    serves: 'every serial ever known in serial order; 1–2 character searches',
    query: (s) =>
      `select id from serial_number where serial_key like ${text(`${s.serialKey.slice(0, 2)}%`)}
       order by serial_key using ~<~, id limit 25`,
  },
  {
    index: 'serial_number_in_stock_key',
    serves: 'agenda (in stock) in serial order, and each rank of its search',
    // The first page of the agenda as it opens; a ranked search's rank adds its key condition to the same walk.
    query: () =>
      `select id from serial_number s where s.status = 'in_stock' order by serial_key using ~<~, id limit 25`,
  },
  {
    index: 'serial_number_in_stock',
    serves: 'Pick from stock, agenda by item + warehouse: a page in key order',
    query: (s) =>
      `select id, serial from serial_number where item_id = ${s.itemId} and warehouse_id = ${s.warehouseId}
       and status = 'in_stock' order by serial_key, id limit 25`,
  },
  {
    index: 'serial_number_status_warehouse_id_received_at_index',
    serves: 'agenda by received date (one walk per status and warehouse)',
    query: (s) =>
      `select id from serial_number where status = 'in_stock' and warehouse_id = ${s.warehouseId}
       order by received_at desc limit 25`,
  },
  {
    index: 'serial_movement_serial_id_id_index',
    serves: "a serial's history (trace, warranty lookup)",
    query: (s) => `select id, document_id from serial_movement where serial_id = ${s.serialId} order by id`,
  },
  {
    index: 'serial_movement_document_id_index',
    serves: "a document's serials (edit, delete, returns)",
    query: (s) => `select serial_id from serial_movement where document_id = ${s.documentId}`,
  },
  {
    index: 'serial_movement_line_id_serial_id_index',
    serves: "a line's serials (detail page, reversal)",
    query: (s) => `select serial_id from serial_movement where line_id = ${s.lineId}`,
  },
  {
    index: 'document_kind_date_id_index',
    serves: 'every document list, newest first; dashboard chart',
    inOrder: true,
    query: (s) => `select id from document where kind = 'goods_receipt' and date <= ${text(s.busiestReceiptDate)}
       order by date desc, id desc limit 25`,
  },
  {
    index: 'document_number_index',
    serves: 'a document by its number (header search, API)',
    query: (s) => `select id from document where number = ${text(s.documentNumber)}`,
  },
  {
    index: 'document_partner_id_index',
    serves: "list filtered by partner; a partner's deletion check",
    query: (s) => `select id from document where partner_id = ${s.partnerId} order by date desc limit 25`,
  },
  {
    index: 'document_source_invoice_id_index',
    serves: "an invoice's goods document; serial filter on invoices",
    query: (s) => `select id from document where source_invoice_id = ${s.invoiceId}`,
  },
  {
    index: 'document_return_of_id_index',
    serves: 'the returns pinning a document (every document page)',
    query: (s) => `select id from document where return_of_id is not null and return_of_id = ${s.documentId}`,
  },
  {
    index: 'document_external_number',
    serves: "the supplier's number is unique per partner",
    query: (s) =>
      `select id from document where kind = 'purchase_invoice' and coalesce(partner_id, 0) = ${s.partnerId}
       and external_number_key = 'x-1'`,
  },
  {
    index: 'document_line_document_id_index',
    serves: "a document's lines and totals (lists, detail)",
    query: (s) => `select id, quantity from document_line where document_id = ${s.documentId}`,
  },
  {
    index: 'document_line_item_id_index',
    serves: "lists filtered by item; an item's deletion check",
    query: (s) => `select document_id from document_line where item_id = ${s.itemId} limit 25`,
  },
  {
    index: 'stock_level_item_id_warehouse_id_pk',
    serves: "posting's stock lock; an item's stock; /stock by name",
    query: (s) => `select quantity from stock_level where item_id = ${s.itemId} for update`,
  },
  {
    index: 'item_code_key_index',
    serves: 'an item by its code as it reads (import, API, filters)',
    query: (s) => `select id from item where code_key = ${text(s.itemCodeKey)}`,
  },
  {
    index: 'item_name_trgm',
    serves: 'items and /stock searched by name words',
    query: (s) => `select id from item where name ilike ${text(`%${s.itemName}%`)}`,
  },
  {
    index: 'item_code_trgm',
    serves: 'items searched by a part of the code',
    query: (s) => `select id from item where code ilike ${text(`%${s.itemCodeKey.slice(-5)}%`)}`,
  },
  {
    index: 'item_ean_index',
    serves: 'a scanned EAN finds its item',
    query: (s) => `select id from item where ean = ${text(s.ean)}`,
  },
  {
    index: 'audit_log_entity_entity_id_index',
    serves: "a document's history of changes",
    query: (s) => `select id, action, at from audit_log where entity = 'document' and entity_id = ${s.documentId}`,
  },
];
