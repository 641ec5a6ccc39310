import type postgres from 'postgres';
import { canonicalKey } from '@/lib/text/canonical-key';

/*
 * Fills the canonical keys that migration 0008 added (serial numbers per item, item/partner/warehouse
 * codes), then makes them NOT NULL. The key is computed here in TypeScript, from the same function the
 * app uses, which SQL cannot do. Rows that would collide (two serials of one item that read the same) are
 * never merged silently: the step writes them to `canonical_key_collision`, changes nothing else and
 * stops the start with the query that lists them.
 */
type Target = { table: string; source: string; key: string; scope: string | null; noun: string };

const TARGETS: Target[] = [
  { table: 'item', source: 'code', key: 'code_key', scope: null, noun: 'item codes' },
  { table: 'partner', source: 'code', key: 'code_key', scope: null, noun: 'partner codes' },
  { table: 'warehouse', source: 'code', key: 'code_key', scope: null, noun: 'warehouse codes' },
  {
    table: 'serial_number',
    source: 'serial',
    key: 'serial_key',
    scope: 'item_id',
    noun: 'serial numbers (of one item)',
  },
];
const BATCH = 50_000;
export const COLLISION_QUERY = 'select * from canonical_key_collision order by table_name, scope_id, key';

export class CanonicalKeyCollision extends Error {}

/** True when the column still needs filling (it exists and is nullable): a finished step costs one query. */
async function pending(sql: postgres.Sql, t: Target): Promise<boolean> {
  const [row] = await sql`select is_nullable from information_schema.columns
    where table_schema = current_schema() and table_name = ${t.table} and column_name = ${t.key}`;
  return row?.is_nullable === 'YES';
}

async function stageKeys(tx: postgres.TransactionSql, t: Target): Promise<void> {
  await tx`create temp table staged_key (id bigint primary key, key text not null) on commit drop`;
  for (let after = 0n; ;) {
    const rows = await tx.unsafe(
      `select id, ${t.source} as text from ${t.table} where id > $1 order by id limit ${BATCH}`,
      [String(after)],
    );
    if (rows.length === 0) return;
    await tx`insert into staged_key (id, key) select * from unnest(${rows.map((r) => String(r.id))}::bigint[], ${rows.map((r) => canonicalKey(r.text))}::text[])`;
    after = BigInt(rows[rows.length - 1].id);
  }
}

async function collisions(tx: postgres.TransactionSql, t: Target) {
  const scope = t.scope ? `t.${t.scope}` : 'null::bigint';
  return tx.unsafe(`select ${scope} as scope_id, k.key, array_agg(t.${t.source} order by t.id) as texts
    from ${t.table} t join staged_key k on k.id = t.id group by 1, 2 having count(*) > 1 order by 1, 2`);
}

async function fill(sql: postgres.Sql, t: Target): Promise<number> {
  return sql.begin(async (tx) => {
    await stageKeys(tx, t);
    const found = await collisions(tx, t);
    if (found.length > 0) {
      await tx`create table if not exists canonical_key_collision (table_name text not null, scope_id bigint, key text not null, texts text[] not null)`;
      await tx`delete from canonical_key_collision where table_name = ${t.table}`;
      for (const c of found)
        await tx`insert into canonical_key_collision values (${t.table}, ${c.scope_id}, ${c.key}, ${c.texts})`;
      return found.length;
    }
    await tx.unsafe(`update ${t.table} t set ${t.key} = k.key from staged_key k where k.id = t.id`);
    await tx.unsafe(`alter table ${t.table} alter column ${t.key} set not null`);
    await tx`drop table if exists canonical_key_collision`;
    return 0;
  });
}

/**
 * Runs after the migrations, under their advisory lock. Throws CanonicalKeyCollision, changing nothing, on collisions.
 */
export async function fillCanonicalKeys(sql: postgres.Sql): Promise<void> {
  for (const t of TARGETS) {
    if (!(await pending(sql, t))) continue;
    const found = await fill(sql, t);
    if (found > 0) {
      const [example] = await sql`select texts from canonical_key_collision where table_name = ${t.table} limit 1`;
      throw new CanonicalKeyCollision(
        `The upgrade stopped: ${found} group${found === 1 ? '' : 's'} of ${t.noun} read the same ` +
          `(e.g. ${example.texts.map((s: string) => JSON.stringify(s)).join(' and ')}) and would become one. Nothing was merged. ` +
          `Rename or remove one of each group, then start again. List them all with: ${COLLISION_QUERY};`,
      );
    }
  }
}
