import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cleanText, findTextProblem, textProblem } from './text';

describe('the text rule', () => {
  it('takes ordinary text in any script, emoji and line breaks', () => {
    for (const text of ['ACME-1', 'Žluťoučký kůň', '日本語', '😀 box', 'two\nlines\r\nand\ta tab', ''])
      expect(textProblem(text, 'Name'), text).toBeNull();
  });

  it('refuses NUL and the other control characters, naming the field and the position', () => {
    expect(textProblem('ab\u0000c', 'q')).toBe('q contains a control character (U+0000) at position 3; remove it.');
    for (const char of ['\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u007F', '\u0085', '\u009F']) {
      expect(textProblem(`x${char}`, 'Name'), JSON.stringify(char)).toMatch(/^Name contains a control character/);
    }
  });

  it('refuses unpaired surrogates but takes paired ones', () => {
    expect(textProblem('a\uD800', 'word')).toMatch(/^word contains a broken character .*U\+D800/);
    expect(textProblem('\uDC00a', 'word')).toMatch(/U\+DC00/);
    expect(textProblem('\uD83D\uDE00', 'word')).toBeNull();
  });

  it('works as a zod check', () => {
    const schema = z.string().check(cleanText('Note'));
    expect(schema.safeParse('fine').success).toBe(true);
    expect(schema.safeParse('bad\u0000').error?.issues[0].message).toMatch(/^Note contains a control character/);
  });

  it('finds the first bad string inside a JSON value, keys included, and stops at absurd depth', () => {
    const label = (path: (string | number)[]) => path.join('.') || 'the body';
    expect(findTextProblem({ a: ['ok', { b: 'x\u0000' }] }, label)).toEqual({
      path: ['a', 1, 'b'],
      message: expect.stringMatching(/^a\.1\.b contains/),
    });
    expect(findTextProblem({ 'k\u0001': 1 }, label)?.message).toMatch(/^A field name in the body contains/);
    expect(findTextProblem({ n: 1, t: true, z: null, s: 'fine' }, label)).toBeNull();
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(findTextProblem(deep, label)?.message).toMatch(/nested too deeply/);
  });
});
