import { detectParentChild } from '@/lib/import/request/detect-module';
import { findModule, MODULES } from '@/lib/modules';
import type { FileShape } from './client-api';

/** Which file of a parent/child ZIP is which, and the document module: what the page sends. */
export type LayoutState = { moduleName: string; documents: string; lines: string; serials: string };

export const DOCUMENT_MODULES = MODULES.filter((m) => m.kind === 'document');

/** The files' roles and module as detected, or the files in their order and the given module when nothing is clear. */
export function initialLayout(
  files: FileShape[],
  fallbackModule: string | null,
): { state: LayoutState; detected: boolean } {
  const layout = detectParentChild(files);
  const fallback =
    fallbackModule && findModule(fallbackModule)?.kind === 'document' ? fallbackModule : DOCUMENT_MODULES[0].apiName;
  if (!layout) {
    return {
      detected: false,
      state: {
        moduleName: fallback,
        documents: files[0].fileName,
        lines: files[1].fileName,
        serials: files[2]?.fileName ?? '',
      },
    };
  }
  return {
    detected: layout.module !== null,
    state: {
      moduleName: layout.module?.apiName ?? fallback,
      documents: layout.documents,
      lines: layout.lines,
      serials: layout.serials ?? '',
    },
  };
}

/**
 * The create-job body of a parent/child ZIP in the Zoho bulk write format the API takes too: a resource per
 * file, named in file_names, columns matched by their headers (as the template's are).
 */
export function layoutJobBody(state: LayoutState, fileId: string, dryRun: boolean) {
  const resource = (module: string, fileName: string) => ({
    type: 'data',
    module: { api_name: module },
    file_id: fileId,
    file_names: [fileName],
  });
  return {
    operation: 'insert',
    dry_run: dryRun,
    resource: [
      resource(state.moduleName, state.documents),
      resource('Document_Lines', state.lines),
      ...(state.serials ? [resource('Document_Serials', state.serials)] : []),
    ],
  };
}
