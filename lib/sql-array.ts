/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) for one text parameter cast to an array type, as in
 * `unnest(${literal}::numeric[])`. Batch statements send each column of a thousand rows this way: the
 * server reads it with the array type's own input function, which is far cheaper than taking the rows
 * apart from a JSON document (jsonb_to_recordset cost about twice as much per row). Every element is
 * quoted, so commas, braces, spaces and the word NULL stay text; only a JavaScript null is SQL NULL.
 */
export function arrayLiteral(values: readonly (string | boolean | null)[]): string {
  const elements = values.map((value) => {
    if (value === null) return 'NULL';
    return `"${String(value).replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
  });
  return `{${elements.join(',')}}`;
}
