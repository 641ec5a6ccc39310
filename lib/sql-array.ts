/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) for one text parameter cast to an array type, as in
 * `unnest(${literal}::numeric[])`. Batch statements send each column of a thousand rows this way: the
 * server reads it with the array type's own input function, which is far cheaper than taking the rows
 * apart from a JSON document (jsonb_to_recordset cost about twice as much per row). Every element is
 * quoted, so commas, braces, spaces and the word NULL stay text; only a JavaScript null is SQL NULL.
 */
export function arrayLiteral(values: readonly (string | boolean | null)[]): string {
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) literal += ',';
    if (value === null) literal += 'NULL';
    else literal += `"${escapeElement(String(value))}"`;
  }
  return `${literal}}`;
}

const NEEDS_ESCAPE = /[\\"]/;

// Most cells hold neither a quote nor a backslash; testing first spares a replace (and its
// allocations) for each of them — a batch builds some ten thousand elements.
function escapeElement(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(/[\\"]/g, (ch) => `\\${ch}`) : text;
}
