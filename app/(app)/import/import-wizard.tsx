'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/page-header';
import { detectModule } from '@/lib/import/request/detect-module';
import { findModule, MODULES } from '@/lib/modules';
import { createJob, uploadFile, type UploadedFile } from './client-api';
import { FileDrop } from './file-drop';
import { JobPanel } from './job-panel';
import { MappingForm } from './mapping-form';
import { initialMapping, jobBody, type MappingState } from './mapping-state';
import { ParentChildForm } from './parent-child-form';
import { initialLayout, layoutJobBody, type LayoutState } from './parent-child-state';
import { PreviewTable } from './preview-table';

/**
 * Upload → preview → mapping (or, for a ZIP of documents with their lines, which file is which) → Validate
 * (dry run) or Run → live progress, errors and the result file.
 */
export function ImportWizard() {
  const router = useRouter();
  const pathname = usePathname();
  const jobId = useSearchParams().get('job');
  const [file, setFile] = useState<UploadedFile | null>(null);
  const [mapping, setMapping] = useState<MappingState | null>(null);
  const [layout, setLayout] = useState<LayoutState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'upload' | 'job' | null>(null);
  const [detected, setDetected] = useState<string | null>(null);

  const upload = async (chosen: File) => {
    setError(null);
    setBusy('upload');
    const result = await uploadFile(chosen);
    setBusy(null);
    if (!result.ok) {
      setFile(null);
      setError(result.message);
      return;
    }
    setFile(result.data);
    if (result.data.files.length > 1) {
      const found = initialLayout(result.data.files, layout?.moduleName ?? rememberedModule());
      setLayout(found.state);
      setDetected(
        found.detected
          ? `${findModule(found.state.moduleName)!.label} with their lines detected; change it below if that is wrong.`
          : null,
      );
      return;
    }
    setLayout(null);
    const guess = detectModule(result.data.fileName, result.data.headers);
    const moduleName = guess?.module.apiName ?? mapping?.moduleName ?? rememberedModule() ?? MODULES[0].apiName;
    setDetected(
      guess ? `${guess.module.label} detected from the ${guess.from}; change it below if that is wrong.` : null,
    );
    setMapping(initialMapping(moduleName, result.data.headers, mapping ?? undefined));
  };

  const changeMapping = (next: MappingState) => {
    if (next.moduleName !== mapping?.moduleName) rememberModule(next.moduleName);
    setMapping(next);
  };

  const start = async (dryRun: boolean) => {
    const body =
      file && layout
        ? layoutJobBody(layout, file.fileId, dryRun)
        : file && mapping
          ? jobBody(mapping, file.fileId, dryRun)
          : null;
    if (!body) return;
    setError(null);
    setBusy('job');
    const result = await createJob(body);
    setBusy(null);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    router.replace(`${pathname}?job=${result.data.id}`, { scroll: false });
  };

  return (
    <div className="space-y-6">
      <Card title="1. File">
        <FileDrop onFile={upload} disabled={busy !== null} />
        {busy === 'upload' && (
          <p className="mt-3 text-sm text-slate-600" role="status">
            Reading the file…
          </p>
        )}
        {file &&
          file.files.map((shape) => (
            <div key={shape.fileName} className="mt-4">
              <PreviewTable file={shape} />
            </div>
          ))}
      </Card>
      {error && <Alert>{error}</Alert>}
      {file && (layout || mapping) && (
        <Card title="2. Mapping">
          {detected && (
            <p className="mb-4 text-sm text-slate-600" role="status">
              {detected}
            </p>
          )}
          {layout ? (
            <ParentChildForm
              state={layout}
              files={file.files}
              onChange={(next) => {
                if (next.moduleName !== layout.moduleName) rememberModule(next.moduleName);
                setLayout(next);
              }}
            />
          ) : (
            mapping && <MappingForm state={mapping} headers={file.headers} onChange={changeMapping} />
          )}
          <div className="mt-6 flex flex-wrap gap-3">
            <Button variant="secondary" disabled={busy !== null} onClick={() => start(true)}>
              Validate
            </Button>
            <Button disabled={busy !== null} onClick={() => start(false)}>
              Run
            </Button>
          </div>
        </Card>
      )}
      {jobId && <JobPanel key={jobId} id={jobId} />}
    </div>
  );
}

// The module last chosen by hand in this browser, for files whose name and headers say nothing clear.
const REMEMBERED = 'serialstock.import.module';

function rememberedModule(): string | null {
  try {
    const name = window.localStorage.getItem(REMEMBERED);
    return name && findModule(name) ? name : null;
  } catch {
    return null;
  }
}

function rememberModule(name: string): void {
  try {
    window.localStorage.setItem(REMEMBERED, name);
  } catch {
    // Storage may be off (private mode): the page works without remembering.
  }
}
