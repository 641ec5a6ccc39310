import { sql, type SQL } from 'drizzle-orm';

/*
 * canonicalKey in SQL, for seed and benchmark scripts that generate millions of codes and serials inside
 * the database. Exact ONLY for texts of ASCII letters, digits and '-' (canonical-key.ts: upper case, the
 * skeleton turns I into l, lower case, and 0/1 come back as digits, so i/I/l/L become 1 and o/O become 0);
 * canonical-key-sql.test.ts checks it against canonicalKey. Never use it on user input.
 */
export function asciiCodeKeySql(text: SQL): SQL {
  return sql`translate(lower(${text}), 'ilo', '110')`;
}
