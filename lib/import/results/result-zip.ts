import JSZip from 'jszip';

/** Keeps the name of the CSV inside the archive a plain file name, whatever the caller passes. */
function safeEntryName(csvName: string): string {
  const baseName = csvName.replace(/\\/g, '/').split('/').pop() ?? '';
  const cleaned = baseName.replace(/[\0-\x1f]/g, '').trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return 'result.csv';
  return cleaned;
}

/** The downloadable result: a ZIP holding the one result CSV, as Zoho delivers it. */
export async function buildResultZip(csvText: string, csvName: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(safeEntryName(csvName), csvText);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
