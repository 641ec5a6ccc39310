import { describe, expect, it } from 'vitest';
import { arrayLiteral } from './sql-array';

describe('arrayLiteral', () => {
  it('quotes every element and escapes quotes and backslashes', () => {
    expect(arrayLiteral(['a', 'b c', 'x,y', '{z}', 'say "hi"', 'C:\\dir'])).toBe(
      '{"a","b c","x,y","{z}","say \\"hi\\"","C:\\\\dir"}',
    );
  });

  it('keeps the text NULL and the empty string apart from a null', () => {
    expect(arrayLiteral(['NULL', '', null])).toBe('{"NULL","",NULL}');
  });

  it('writes booleans as their words and an empty list as {}', () => {
    expect(arrayLiteral([true, false])).toBe('{"true","false"}');
    expect(arrayLiteral([])).toBe('{}');
  });
});
