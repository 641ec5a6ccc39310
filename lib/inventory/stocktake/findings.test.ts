import { describe, expect, it } from 'vitest';
import { describeFinding, FINDINGS } from './findings';

describe('describeFinding', () => {
  it('names the serial and, for the ones the books place elsewhere, where and what to do', () => {
    expect(describeFinding('other_warehouse', 'SN-1', 'SHOP')).toBe(
      'SN-1: the books have it in warehouse SHOP; not adjusted, transfer it here first.',
    );
    expect(describeFinding('issued', 'SN-1', 'GI-2026-00003')).toContain('issued by GI-2026-00003');
    expect(describeFinding('in_transit', 'SN-1', 'TR-2026-00001')).toContain('in transit with TR-2026-00001');
    for (const finding of FINDINGS) expect(describeFinding(finding, 'SN-9', 'X')).toMatch(/^SN-9: /);
  });
});
