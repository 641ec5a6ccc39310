import { Suspense } from 'react';
import { getDb } from '@/db/client';
import { Card, PageHeader } from '@/components/ui/page-header';
import { requirePagePermission } from '@/lib/auth/session';
import { listRecentJobs } from '@/lib/import/jobs/job-queries';
import { MODULES } from '@/lib/modules';
import { ImportWizard } from './import-wizard';
import { JobsList } from './jobs-list';

export const metadata = { title: 'Import' };

export default async function ImportPage() {
  await requirePagePermission('import.run', '/import');
  const jobs = await listRecentJobs(getDb(), 30);
  return (
    <>
      <PageHeader
        title="Import"
        description="Bulk write from CSV, Excel or ZIP files: every row goes through the same rules as the forms. The same jobs are available through the Zoho-compatible bulk write API."
      />
      <div className="space-y-6">
        <Suspense>
          <ImportWizard />
        </Suspense>
        <Card title="Templates">
          <p className="mb-3 text-sm text-slate-600">
            Documents come as one flat file (a row per line, serial numbers ;-separated) or as a ZIP of three files: the
            documents, their lines and the lines&apos; serial numbers, each row naming its parent in Parent_Id.
          </p>
          <ul className="grid gap-2 text-sm sm:grid-cols-2">
            {MODULES.map((module) => (
              <li key={module.apiName}>
                <span className="font-medium">{module.label}:</span>{' '}
                <a href={`/import/templates/${module.apiName}.csv`} download>
                  CSV
                </a>
                {' · '}
                <a href={`/import/templates/${module.apiName}.xlsx`} download>
                  Excel
                </a>
                {module.kind === 'document' && (
                  <>
                    {' · '}
                    <a href={`/import/templates/${module.apiName}.zip`} download>
                      ZIP with lines and serials
                    </a>
                  </>
                )}
              </li>
            ))}
          </ul>
        </Card>
        <Card title="Recent jobs">
          <JobsList jobs={jobs} />
        </Card>
      </div>
    </>
  );
}
