import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { fileError } from './__fixtures__/expect-error';
import { buildXlsx, sheetXml } from './__fixtures__/build-xlsx';
import { parseXlsx } from './parse-xlsx';

describe('parseXlsx: values', () => {
  it('reads the first sheet with inline strings, every cell as text', async () => {
    const bytes = await buildXlsx([
      ['Code', 'Name', 'Qty', 'Active', 'Date'],
      ['000123', 'Příliš žluťoučký kůň', 5, true, { date: '2024-03-15' }],
      ['B', 'Banana', 12.5, false, { date: '1999-12-31' }],
    ]);
    const table = await parseXlsx(bytes);
    expect(table.headers).toEqual(['Code', 'Name', 'Qty', 'Active', 'Date']);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['000123', 'Příliš žluťoučký kůň', '5', 'true', '2024-03-15'] },
      { rowNumber: 3, cells: ['B', 'Banana', '12.5', 'false', '1999-12-31'] },
    ]);
  });

  it('reads shared strings', async () => {
    const bytes = await buildXlsx(
      [
        ['Code', 'Name'],
        ['A', 'Apple'],
        ['B', 'Apple'],
      ],
      { sharedStrings: true },
    );
    expect((await parseXlsx(bytes)).rows.map((row) => row.cells)).toEqual([
      ['A', 'Apple'],
      ['B', 'Apple'],
    ]);
  });

  it('writes numbers as plain decimals, the way Excel shows them', async () => {
    const bytes = await buildXlsx([
      ['n'],
      [{ numberText: '1.1000000000000001' }],
      [{ numberText: '1E-7' }],
      [{ numberText: '1.2345E+20' }],
      [{ numberText: '123456789012345678' }],
      [{ numberText: '-0.5' }],
    ]);
    expect((await parseXlsx(bytes)).rows.map((row) => row.cells[0])).toEqual([
      '1.1',
      '0.0000001',
      '123450000000000000000',
      '123456789012345678',
      '-0.5',
    ]);
  });

  it('writes a date with a time of day as yyyy-MM-ddTHH:mm:ss', async () => {
    const bytes = await buildXlsx([['When'], [{ date: '2024-03-15T13:45:10' }]]);
    expect((await parseXlsx(bytes)).rows[0].cells).toEqual(['2024-03-15T13:45:10']);
  });

  it('keeps spaces inside cells and numbers rows as the sheet does', async () => {
    const bytes = await buildXlsx([
      ['Code', 'Name'],
      [null, null],
      ['  A ', 'x'],
      ['B', null],
    ]);
    expect((await parseXlsx(bytes)).rows).toEqual([
      { rowNumber: 3, cells: ['  A ', 'x'] },
      { rowNumber: 4, cells: ['B', ''] },
    ]);
  });

  it('reads only the first sheet', async () => {
    const bytes = await buildXlsx([['First'], ['1']], { secondSheetRows: [['Second'], ['2']] });
    expect(await parseXlsx(bytes)).toEqual({ headers: ['First'], rows: [{ rowNumber: 2, cells: ['1'] }] });
  });
});

describe('parseXlsx: limits', () => {
  it('refuses too many data rows', async () => {
    const rows = [['Code'], ['1'], ['2'], ['3'], ['4']];
    await expect(parseXlsx(await buildXlsx(rows), { maxDataRows: 3 })).rejects.toEqual(
      fileError('LIMIT_EXCEEDED', 'The file has 4 data rows; at most 3 are allowed.'),
    );
    await expect(parseXlsx(await buildXlsx(rows), { maxDataRows: 4 })).resolves.toBeDefined();
  });

  it('refuses 201 columns', async () => {
    const header = Array.from({ length: 201 }, (_, i) => `c${i}`);
    await expect(parseXlsx(await buildXlsx([header]))).rejects.toEqual(
      fileError('HEADER_LIMIT_EXCEEDED', /column 201 \(cell GS1\); at most 200 columns are allowed/),
    );
  });

  it('refuses a lone value far down the sheet before laying out the grid', async () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c></row>' +
      '<row r="900000"><c r="A900000"><v>1</v></c></row></sheetData></worksheet>';
    await expect(parseXlsx(await buildXlsx([], { sheetXml: xml }))).rejects.toEqual(
      fileError(
        'LIMIT_EXCEEDED',
        'The first sheet has values down to row 900,000 (cell A900000); at most 25,000 data rows are allowed.',
      ),
    );
  });

  it("refuses references outside Excel's grid", async () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="999999999"/></sheetData></worksheet>';
    await expect(parseXlsx(await buildXlsx([], { sheetXml: xml }))).rejects.toEqual(
      fileError('INVALID_FILE_FORMAT', /outside Excel's grid/),
    );
  });

  // Spellings an XML parser reads as XFD2 while a naive scan does not (hostile findings, December 2026).
  it.each([
    ['a prefixed attribute', '<c x:r="XFD2"><v>1</v></c>', 'HEADER_LIMIT_EXCEEDED', /column 16,384 \(cell XFD2\)/],
    ['a quoted > before the address', '<c s=">" r="XFD2"><v>1</v></c>', 'HEADER_LIMIT_EXCEEDED', /cell XFD2/],
    ['a decoy address in a quoted value', `<c s=' r="A2"' r="XFD2"><v>1</v></c>`, 'HEADER_LIMIT_EXCEEDED', /XFD2/],
    ['a character reference', '<c r="&#88;FD2"><v>1</v></c>', 'INVALID_FILE_FORMAT', /character reference/],
    ['an unquoted attribute', '<c r=XFD2><v>1</v></c>', 'INVALID_FILE_FORMAT', /not well formed/],
  ])('refuses a far value written with %s, before laying out the grid', async (_, cell, code, message) => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
      'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      `<row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c></row><row r="2">${cell}</row></sheetData></worksheet>`;
    await expect(parseXlsx(await buildXlsx([], { sheetXml: xml }))).rejects.toEqual(fileError(code, message));
  });

  it('ignores formatted but empty cells far away', async () => {
    const xml = sheetXml([['Code'], ['A']]).replace(
      '</sheetData>',
      '<row r="1000000"><c r="XFD1000000" s="1"/></row></sheetData>',
    );
    expect((await parseXlsx(await buildXlsx([], { sheetXml: xml }))).rows).toEqual([{ rowNumber: 2, cells: ['A'] }]);
  });

  it('refuses an overlong cell', async () => {
    await expect(parseXlsx(await buildXlsx([['Note'], ['x'.repeat(11)]]), { maxCellChars: 10 })).rejects.toEqual(
      fileError('INVALID_DATA', "Row 2, column 1 ('Note') has 11 characters; at most 10 are allowed."),
    );
  });

  it('refuses an empty sheet', async () => {
    await expect(parseXlsx(await buildXlsx([]))).rejects.toEqual(fileError('INVALID_DATA', /empty/));
  });
});

describe('parseXlsx: hostile or broken workbooks', () => {
  it('refuses a part with a DOCTYPE (XXE)', async () => {
    const xml = sheetXml([['Code'], ['A']]).replace(
      '<worksheet',
      '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet',
    );
    await expect(parseXlsx(await buildXlsx([], { sheetXml: xml }))).rejects.toEqual(
      fileError(
        'INVALID_DATA',
        "The .xlsx part 'xl/worksheets/sheet1.xml' contains a <!DOCTYPE> declaration; such files are refused because they can hide entity-expansion attacks.",
      ),
    );
  });

  it('refuses an ENTITY declaration in any part, even one that is not a sheet', async () => {
    const bytes = await buildXlsx([['a']], {
      parts: { 'docProps/app.xml': '<?xml version="1.0"?><!ENTITY lol "lol"><Properties/>' },
    });
    await expect(parseXlsx(bytes)).rejects.toEqual(
      fileError('INVALID_DATA', /'docProps\/app\.xml' contains a <!ENTITY>/),
    );
  });

  it('refuses a DOCTYPE hidden in UTF-16', async () => {
    const utf16 = Buffer.from(
      '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><a/>',
      'utf16le',
    );
    const zip = await JSZip.loadAsync(await buildXlsx([['a']]));
    zip.file('xl/custom.xml', utf16);
    await expect(parseXlsx(await zip.generateAsync({ type: 'nodebuffer' }))).rejects.toEqual(
      fileError('INVALID_DATA', /DOCTYPE/),
    );
  });

  it('refuses a workbook without its workbook part', async () => {
    const zip = await JSZip.loadAsync(await buildXlsx([['a']]));
    zip.remove('xl/workbook.xml');
    await expect(parseXlsx(await zip.generateAsync({ type: 'nodebuffer' }))).rejects.toEqual(
      fileError('INVALID_FILE_FORMAT', 'The .xlsx file could not be read: it has no xl/workbook.xml.'),
    );
  });

  it('refuses a workbook whose first sheet is missing', async () => {
    const zip = await JSZip.loadAsync(await buildXlsx([['a']]));
    zip.remove('xl/worksheets/sheet1.xml');
    await expect(parseXlsx(await zip.generateAsync({ type: 'nodebuffer' }))).rejects.toEqual(
      fileError('INVALID_FILE_FORMAT', /first worksheet is missing/),
    );
  });

  it('turns read-excel-file errors into INVALID_FILE_FORMAT', async () => {
    const xml =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>';
    await expect(parseXlsx(await buildXlsx([], { sheetXml: xml }))).rejects.toEqual(
      fileError('INVALID_FILE_FORMAT', /^The \.xlsx file could not be read: /),
    );
  });

  it('applies the ZIP limits to the workbook', async () => {
    await expect(parseXlsx(await buildXlsx([['a']]), { maxZipEntries: 3 })).rejects.toEqual(
      fileError('LIMIT_EXCEEDED', /entries/),
    );
    await expect(parseXlsx(await buildXlsx([['a']]), { maxInflatedBytes: 500 })).rejects.toEqual(
      fileError('FILE_TOO_LARGE'),
    );
  });
});
