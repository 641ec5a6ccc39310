import type { FileShape } from './client-api';

/** The first rows of the upload, so people can check they picked the right file and columns. */
export function PreviewTable({ file }: { file: FileShape }) {
  const details = [
    file.kind.toUpperCase(),
    file.encoding,
    file.delimiter ? `delimiter ${file.delimiter === '\t' ? 'tab' : `"${file.delimiter}"`}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <div>
      <p className="mb-2 text-sm text-slate-600">
        <span className="font-medium text-slate-800">{file.fileName}</span>: {file.rowCount.toLocaleString('en')} rows,{' '}
        {file.headers.length} columns ({details}).
      </p>
      <div className="overflow-x-auto rounded-md border border-slate-200">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">First rows of {file.fileName}</caption>
          <thead className="bg-slate-50 text-xs text-slate-600">
            <tr>
              {file.headers.map((header, index) => (
                <th key={index} scope="col" className="px-3 py-2 font-semibold">
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {file.preview.map((row, r) => (
              <tr key={r} className="border-t border-slate-100">
                {file.headers.map((_, c) => (
                  <td key={c} className="whitespace-nowrap px-3 py-1.5">
                    {row[c]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
