import { describe, expect, it } from 'vitest';
import { eanSchema } from './ean';

const parse = (v: string | null | undefined) => eanSchema.safeParse(v);

describe('EAN', () => {
  it('takes valid GTINs in their canonical digits', () => {
    expect(parse('4006381333931').data).toBe('4006381333931');
    expect(parse(' 4006381 333931 ').data).toBe('4006381333931');
    expect(parse('４００６３８１３３３９３１').data).toBe('4006381333931');
    expect(parse('\ufeff96385074\u200b').data).toBe('96385074');
    expect(parse('').data).toBeNull();
    expect(parse(null).data).toBeNull();
  });

  it('names a wrong check digit and the right one', () => {
    expect(parse('4006381333932').error?.issues[0].message).toBe(
      'EAN 4006381333932 has a wrong check digit: the last digit should be 1.',
    );
  });

  it('refuses a wrong length or letters', () => {
    for (const bad of ['12345', '40063813339311', 'ABCDEFGHIJKLM', '4006381333931\n1']) {
      expect(parse(bad).success, bad).toBe(false);
    }
  });
});
