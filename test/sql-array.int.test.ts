import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestDatabase } from '@/test/db';
import { arrayLiteral } from '@/lib/sql-array';

describe('arrayLiteral read by PostgreSQL', async () => {
  const { db } = await useTestDatabase();
  // Taken apart on the server (unnest), so what is checked is PostgreSQL's reading, not the driver's array parser.
  const elements = async (literal: string, type: string) =>
    (
      await db.execute<{ value: string | null }>(sql`
    select v::text as value from unnest(${literal}::${sql.raw(type)}[]) with ordinality as t(v, n) order by n`)
    ).map((row) => row.value);

  it('gives back every text exactly, nulls as nulls', async () => {
    const values = [
      'plain',
      '',
      'NULL',
      null,
      'a,b',
      '{x}',
      'say "hi"',
      'back\\slash',
      ' padded ',
      'tab\tnew\nline',
      'Příliš žluťoučký kůň',
      '😀',
    ];
    expect(await elements(arrayLiteral(values), 'text')).toEqual(values);
  });

  it('casts to numeric, boolean and bigint arrays', async () => {
    expect(await elements(arrayLiteral(['1.5', '-0.001', '99999999999999.99', null]), 'numeric')).toEqual([
      '1.5',
      '-0.001',
      '99999999999999.99',
      null,
    ]);
    expect(await elements(arrayLiteral([true, false]), 'boolean')).toEqual(['true', 'false']);
    expect(await elements(arrayLiteral(['9007199254740993']), 'bigint')).toEqual(['9007199254740993']);
  });
});
