import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { generateSerialRange } from '@/lib/serials/parse';
import { SerialEntry, type SerialEntryProps } from './serial-entry';
import { SerialEntryDialog, SerialEntryTrigger } from './serial-entry-dialog';

// Server rendering only (no DOM library is installed): checks structure and labels; behaviour is left to Playwright.
function render(overrides: Partial<SerialEntryProps> = {}): string {
  return renderToStaticMarkup(
    <SerialEntry
      direction="receive"
      itemLabel="ACME-1 · Acme widget"
      expectedCount={5}
      value={['SN-1', 'SN-2', 'SN-3']}
      onChange={() => {}}
      idPrefix="t"
      {...overrides}
    />,
  );
}

describe('SerialEntry markup', () => {
  it('labels the scan input', () => {
    const html = render();
    expect(html).toContain(
      '<label for="t-scan" class="block text-sm font-medium text-slate-700">Scan or type a serial number</label>',
    );
    expect(html).toMatch(/<input[^>]*id="t-scan"/);
  });

  it('shows the count against the quantity in a named live region', () => {
    const html = render();
    expect(html).toContain(
      '<span id="t-count-label" class="text-sm font-medium text-slate-700">Serial numbers entered</span>',
    );
    expect(html).toMatch(
      /role="status" aria-live="polite" aria-labelledby="t-count-label"[^>]*data-state="under"[^>]*>3 \/ 5</,
    );
    expect(render({ value: ['A', 'B', 'C', 'D', 'E'] })).toContain('data-state="complete"');
    expect(render({ value: ['A', 'B', 'C', 'D', 'E', 'F'] })).toContain('data-state="over"');
    expect(render({ expectedCount: null })).toMatch(/>3 entered</);
  });

  it('renders one page of rows for 10,000 serials, the newest page first', () => {
    const value = generateSerialRange({ prefix: 'SN-', start: 1, count: 10_000, padTo: 5 });
    const html = render({ value, expectedCount: 10_000 });
    expect(html.match(/aria-label="Remove /g)).toHaveLength(200);
    expect(html).toContain('aria-label="Remove SN-10000"');
    expect(html).not.toContain('aria-label="Remove SN-00001"');
    expect(html).toContain('9,801–10,000 of 10,000');
  });

  it('flags serials entered twice', () => {
    const html = render({ value: ['SN-7', 'SN-8', 'SN-7'] });
    expect(html).toMatch(/role="alert"[^>]*>1 serial number has a problem/);
    expect(html).toContain('SN-7 is entered twice (no. 1 and no. 3 in the list); remove one.');
  });

  it('names the other lines of the document that hold a serial of this line', () => {
    const html = render({ value: ['SN-1', 'SN-2'], otherLinesOf: (key) => (key === 'sn-2' ? [1, 3] : []) });
    expect(html).toContain(
      'SN-2 is also entered on lines 1 and 3: a serial goes on one line only; remove it here or there.',
    );
  });

  it('keeps the camera button beside the scan box and says a scan is one serial', () => {
    const html = render();
    expect(html).toMatch(
      /<div class="flex gap-2"><input[^>]*id="t-scan"[^>]*\/><button[^>]*>Scan with camera<\/button>/,
    );
    expect(html).toContain('what is scanned or typed is added as one serial number, exactly as it reads.');
  });

  it('offers picking from stock only when issuing', () => {
    const loadInStock = async () => ({ serials: [], total: 0 });
    expect(render({ loadInStock })).not.toContain('Pick from stock');
    expect(render({ direction: 'issue', loadInStock })).toContain('Pick from stock');
  });

  it("offers a return's line what can go back on its document, in either direction", () => {
    const loadInStock = async () => ({ serials: [], total: 0 });
    expect(render({ loadInStock, pickFrom: 'SI-2026-00001' })).toContain('Pick from SI-2026-00001');
    const supplier = render({ direction: 'issue', loadInStock, pickFrom: 'GR-2026-00002' });
    expect(supplier).toContain('Pick from GR-2026-00002');
    expect(supplier).not.toContain('Pick from stock');
  });
});

describe('SerialEntryDialog markup', () => {
  it('names its trigger as asked', () => {
    const html = renderToStaticMarkup(
      <SerialEntryDialog
        trigger={<SerialEntryTrigger label="Serial numbers for line 1" count={1} expectedCount={2} />}
        direction="receive"
        itemLabel="ACME-1"
      >
        <p>the serial form</p>
      </SerialEntryDialog>,
    );
    expect(html).toMatch(/<button[^>]*class="[^"]*whitespace-nowrap[^"]*"[^>]*aria-label="Serial numbers for line 1"/);
    expect(html).toContain('1 / 2');
  });
});
