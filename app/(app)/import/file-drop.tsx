'use client';
import { useRef, useState, type DragEvent } from 'react';
import { cn } from '@/components/ui/cn';

/** Drag and drop, with an ordinary labelled file input for keyboards, screen readers and tests. */
export function FileDrop({ onFile, disabled }: { onFile: (file: File) => void; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      className={cn(
        'rounded-lg border-2 border-dashed p-6 text-center text-sm',
        over ? 'border-blue-500 bg-blue-50' : 'border-slate-300 bg-slate-50',
      )}
    >
      <p className="text-slate-700">
        Drop a CSV, an Excel .xlsx, or a ZIP holding one of them here (up to 25 MB and 25,000 rows); or a ZIP of
        documents with their lines and serial numbers.
      </p>
      <div className="mt-3">
        <label htmlFor="import-file" className="mr-2 font-medium text-slate-800">
          Choose a file
        </label>
        <input
          id="import-file"
          ref={input}
          type="file"
          disabled={disabled}
          accept=".csv,.xlsx,.zip,text/csv"
          className="text-sm"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onFile(file);
            // Choosing the same file again must upload it again.
            event.target.value = '';
          }}
        />
      </div>
    </div>
  );
}
