import { Badge } from '@/components/ui/alert';
import { Card, PageHeader } from '@/components/ui/page-header';
import { recordsRateLimit } from '@/lib/api/rate-limit';
import { apiReference, type ReferenceOperation } from '@/lib/api/records/openapi/reference';
import { requirePagePermission } from '@/lib/auth/session';
import { publicBaseUrl } from '@/lib/http/public-url';

export const metadata = { title: 'API reference' };

const METHOD_TONES = { GET: 'blue', POST: 'green', PUT: 'amber', DELETE: 'red' } as const;

export default async function ApiDocsPage() {
  await requirePagePermission('apiKeys.manage', '/api-docs');
  // The configured public address, never the Host a request claims (docs/security.md).
  const base = publicBaseUrl();
  const { sections } = apiReference(base);
  return (
    <>
      <PageHeader
        title="API reference"
        description="The records API (up to 100 records per call) and the bulk write API, compatible with Zoho CRM clients."
        actions={
          <a href="/api/openapi.json" className="text-sm font-medium text-blue-700 underline">
            OpenAPI 3.1 document (openapi.json)
          </a>
        }
      />
      <div className="space-y-6">
        <Card title="Basics">
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-700">
            <li>
              Base URL: <code>{base}</code>. Any version segment from <code>v2</code> to <code>v8</code> works; the
              examples use <code>v8</code>.
            </li>
            <li>
              Send a key from{' '}
              <a className="text-blue-700 underline" href="/admin/api-keys">
                API keys
              </a>{' '}
              as <code>Authorization: Bearer &lt;key&gt;</code> or{' '}
              <code>Authorization: Zoho-oauthtoken &lt;key&gt;</code>. A key acts with its role&apos;s permissions. The
              examples read it from <code>$SERIALSTOCK_KEY</code>.
            </li>
            <li>
              Ids are numeric strings. Prices, quantities and rates are exact decimal strings such as{' '}
              <code>&quot;12.5&quot;</code>, never JSON numbers. Times are ISO 8601 with offset.
            </li>
            <li>
              Writes take <code>{'{"data": [ … ]}'}</code> with at most 100 records; each record succeeds or fails on
              its own (201/200 all succeeded, 207 mixed, 400 all failed). Use the bulk write API for more.
            </li>
            <li>
              Errors: <code>{'{"status":"error","code":…,"message":…,"details":{…}}'}</code>; a refused record names the
              field in <code>details.api_name</code> and <code>details.json_path</code>.
            </li>
            <li>
              An <code>Idempotency-Key</code> header on POST, PUT and DELETE makes a retry return the first answer
              instead of writing twice (kept 24 hours per key).
            </li>
            <li>
              Each key may make {recordsRateLimit()} records requests per minute; beyond that the answer is 429 with{' '}
              <code>Retry-After</code>.
            </li>
          </ul>
        </Card>
        <nav aria-label="Modules" className="flex flex-wrap gap-2 text-sm">
          {sections.map((s) => (
            <a
              key={s.tag}
              href={`#${s.tag}`}
              className="rounded border border-slate-200 bg-white px-2 py-1 text-blue-700 hover:bg-slate-50"
            >
              {s.tag.replaceAll('_', ' ')}
            </a>
          ))}
        </nav>
        {sections.map((section) => (
          <section key={section.tag} id={section.tag} aria-labelledby={`${section.tag}-title`} className="space-y-3">
            <h2 id={`${section.tag}-title`} className="text-xl font-semibold text-slate-900">
              {section.tag.replaceAll('_', ' ')}
            </h2>
            <p className="text-sm text-slate-600">{section.description}</p>
            {section.operations.map((op) => (
              <Operation key={`${op.method} ${op.path}`} op={op} />
            ))}
          </section>
        ))}
      </div>
    </>
  );
}

function Operation({ op }: { op: ReferenceOperation }) {
  return (
    <details className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <summary className="flex cursor-pointer flex-wrap items-center gap-3 px-4 py-3">
        <Badge tone={METHOD_TONES[op.method as keyof typeof METHOD_TONES] ?? 'neutral'}>{op.method}</Badge>
        <code className="text-sm">{op.path}</code>
        <span className="text-sm text-slate-600">{op.summary}</span>
      </summary>
      <div className="space-y-3 border-t border-slate-100 px-4 py-3 text-sm">
        <p className="text-slate-700">{op.description}</p>
        {op.params.length > 0 && (
          <table className="w-full text-left">
            <caption className="sr-only">
              Parameters of {op.method} {op.path}
            </caption>
            <thead className="text-xs uppercase text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-4">
                  Parameter
                </th>
                <th scope="col" className="pr-4">
                  In
                </th>
                <th scope="col">Meaning</th>
              </tr>
            </thead>
            <tbody>
              {op.params.map((p) => (
                <tr key={`${p.in}-${p.name}`} className="border-t border-slate-100 align-top">
                  <td className="py-1 pr-4 font-mono">{p.name}</td>
                  <td className="pr-4">{p.in}</td>
                  <td>{p.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
          <code>{op.curl}</code>
        </pre>
      </div>
    </details>
  );
}
