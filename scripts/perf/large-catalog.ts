import { sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { asciiCodeKeySql } from '@/lib/text/ascii-code-key-sql';

/** Sizes of the large data set; the environment can shrink them for a quick trial run of the seed. */
export type LargeSizes = {
  items: number;
  partners: number;
  serials: number;
  receipts: number;
  days: number;
  start: string;
};

export const WAREHOUSES = [
  { code: 'MAIN', name: 'Main warehouse' },
  { code: 'STORE', name: 'Store front' },
  { code: 'EAST', name: 'East distribution centre' },
];

// Categories whose goods carry a serial number, then bulk goods counted by quantity.
const TRACKED = [
  ['LAP', 'Laptop'],
  ['PHN', 'Smartphone'],
  ['TAB', 'Tablet'],
  ['MON', 'Monitor'],
  ['RTR', 'Wi-Fi router'],
  ['SWI', 'Network switch'],
  ['CAM', 'IP camera'],
  ['PRN', 'Laser printer'],
  ['HDP', 'Headphones'],
  ['WAT', 'Smartwatch'],
  ['DOC', 'Docking station'],
  ['PRJ', 'Projector'],
  ['NAS', 'NAS storage'],
  ['UPS', 'UPS'],
  ['SRV', 'Rack server'],
];
const PLAIN = [
  ['CBL', 'HDMI cable'],
  ['USB', 'USB-C cable'],
  ['NET', 'Patch cable Cat6'],
  ['MOU', 'Wireless mouse'],
  ['KBD', 'Keyboard'],
  ['PAP', 'Copy paper A4'],
  ['TON', 'Toner'],
  ['BAG', 'Laptop bag'],
  ['SSD', 'SSD'],
  ['RAM', 'RAM module'],
  ['ADP', 'Power adapter'],
  ['LBL', 'Label roll'],
  ['SCR', 'Screen protector'],
  ['BAT', 'AA batteries'],
  ['FAN', 'Case fan'],
];
const BRANDS = [
  'Acme',
  'Nordic',
  'Orion',
  'Vertex',
  'Lumen',
  'Kestrel',
  'Atlas',
  'Zephyr',
  'Quanta',
  'Helix',
  'Corvus',
  'Pioneer',
];
const SPECS = ['Pro', 'Air', 'Max', 'Lite', 'Plus', 'Mini', 'Ultra', 'Eco', 'S', 'X'];
const COMPANY = [
  'Acme',
  'Nordic',
  'Beta',
  'Gamma',
  'Delta',
  'Orion',
  'Vertex',
  'Lumen',
  'Kestrel',
  'Atlas',
  'Zephyr',
  'Quanta',
  'Helix',
  'Corvus',
  'Pioneer',
  'Summit',
  'Harbor',
  'Falcon',
  'Cedar',
  'Granite',
];
const TRADE = [
  'Components',
  'Devices',
  'Retail',
  'Service',
  'Trading',
  'Systems',
  'Electronics',
  'Distribution',
  'Solutions',
  'Office',
];
const FORM = ['s.r.o.', 'a.s.', 'GmbH', 'AB', 'Ltd', 'SA', 'Kft.', 'Sp. z o.o.'];
const CITY = [
  'Praha',
  'Brno',
  'Ostrava',
  'Berlin',
  'Wien',
  'Stockholm',
  'Warszawa',
  'Bratislava',
  'Budapest',
  'München',
];

const textArray = (values: string[]) =>
  sql`${sql.raw(`array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]`)}`;

/** Warehouses 1–3, partners, and items (30 % serial-tracked) with realistic names, prices and valid EAN-13 codes. */
export async function seedCatalog(tx: Db | Tx, sizes: LargeSizes): Promise<void> {
  const warehouses = await tx.execute(sql`insert into warehouse (code, code_key, name)
    select code, ${asciiCodeKeySql(sql.raw('code'))}, name from jsonb_to_recordset(${JSON.stringify(WAREHOUSES)}::jsonb) as w(code text, name text) returning id`);
  // The document plan addresses warehouses as 1 + r % 3: it needs exactly these ids.
  if (warehouses.map((w) => Number(w.id)).join() !== '1,2,3')
    throw new Error('seed:large needs an empty database (warehouse ids 1–3)');

  // 40 % suppliers, 50 % customers, 10 % both.
  await tx.execute(sql`insert into partner (code, code_key, name, type, vat_id, email, phone, address)
    select 'P' || lpad(g::text, 5, '0'), 'p' || lpad(g::text, 5, '0'),
      (${textArray(COMPANY)})[1 + g % 20] || ' ' || (${textArray(TRADE)})[1 + (g / 20) % 10] || ' ' || (${textArray(FORM)})[1 + (g / 200) % 8]
        || case when g > 1600 then ' ' || g else '' end,
      (case when g % 10 < 4 then 'supplier' when g % 10 < 9 then 'customer' else 'both' end)::partner_type,
      case when g % 7 = 0 then null else 'CZ' || lpad((10000000 + g * 7919 % 89999999)::text, 8, '0') end,
      'orders' || g || '@partner' || (g % 97) || '.example',
      '+420' || lpad((600000000 + g * 104729 % 99999999)::text, 9, '0'),
      'Street ' || (1 + g % 120) || ', ' || (${textArray(CITY)})[1 + g % 10]
    from generate_series(1, ${sizes.partners}) g`);

  // Item n is tracked when n % 10 < 3; its category cycles through the tracked or plain list.
  await tx.execute(sql`insert into item (code, code_key, name, unit, purchase_price, sale_price, vat_rate, ean, track_serials, min_stock)
    select c.code || '-' || lpad(n::text, greatest(5, length(n::text)), '0'), ${asciiCodeKeySql(sql.raw(`c.code || '-' || lpad(n::text, greatest(5, length(n::text)), '0')`))},
      (${textArray(BRANDS)})[1 + (n / 7) % 12] || ' ' || c.name || ' ' || (${textArray(SPECS)})[1 + n % 10] || ' ' || (100 + n % 900),
      case when c.code in ('NET') then 'm' when c.code in ('PAP', 'BAT') then 'pack' else 'pcs' end,
      price, round(price * 1.35, 2), case when n % 17 = 0 then 12 else 21 end,
      case when n % 10 = 9 then null else ean12 || ((10 - (select sum(substr(ean12, k, 1)::int * (1 + 2 * (1 - k % 2))) from generate_series(1, 12) k) % 10) % 10) end,
      tracked, case when tracked then 1 + n % 5 when n % 4 = 0 then 10 else null end
    from (
      select n, n % 10 < 3 as tracked, '859' || lpad(n::text, 9, '0') as ean12,
        (case when n % 10 < 3 then 1500 + (n * 7919) % 40000 else 20 + (n * 7919) % 1500 end + (n * 31) % 100 / 100.0)::numeric(19, 2) as price
      from generate_series(1, ${sizes.items}) n
    ) x
    cross join lateral (select (case when x.tracked then ${textArray(TRACKED.map((t) => t.join('|')))} else ${textArray(PLAIN.map((t) => t.join('|')))} end)[1 + (n / 10) % 15] as pair) p
    cross join lateral (select split_part(p.pair, '|', 1) as code, split_part(p.pair, '|', 2) as name) c`);

  // Dense 0-based numbering of tracked and plain items, suppliers and customers, for the document plan's picks.
  await tx.execute(sql`create temp table tracked_item on commit drop as
    select (row_number() over (order by id) - 1)::int as k, id, sale_price, purchase_price, vat_rate from item where track_serials`);
  await tx.execute(sql`create temp table plain_item on commit drop as
    select (row_number() over (order by id) - 1)::int as k, id, sale_price, purchase_price, vat_rate from item where not track_serials`);
  await tx.execute(sql`create temp table supplier on commit drop as
    select (row_number() over (order by id) - 1)::int as k, id from partner where type in ('supplier', 'both')`);
  await tx.execute(sql`create temp table customer on commit drop as
    select (row_number() over (order by id) - 1)::int as k, id from partner where type in ('customer', 'both')`);
  for (const t of ['tracked_item', 'plain_item', 'supplier', 'customer']) {
    await tx.execute(sql.raw(`create unique index on ${t} (k)`));
    await tx.execute(sql.raw(`analyze ${t}`));
  }
}
