import { buildOpenApi } from './document';

type Param = { name: string; in: string; description?: string; required?: boolean };
type Op = {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Param[];
  requestBody?: { content: Record<string, { example?: unknown }> };
};

export type ReferenceOperation = {
  method: string;
  path: string;
  summary: string;
  description: string;
  params: Param[];
  curl: string;
};
export type ReferenceSection = { tag: string; description: string; operations: ReferenceOperation[] };

/** The OpenAPI document arranged for the readable reference page: per tag, each operation with a curl example. */
export function apiReference(baseUrl: string): { sections: ReferenceSection[]; info: { description: string } } {
  const doc = buildOpenApi(baseUrl);
  const sections = doc.tags.map((t) => ({
    tag: t.name,
    description: t.description,
    operations: [] as ReferenceOperation[],
  }));
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      const op = raw as Op;
      sections
        .find((s) => s.tag === op.tags?.[0])
        ?.operations.push({
          method: method.toUpperCase(),
          path,
          summary: op.summary ?? '',
          description: op.description ?? '',
          params: (op.parameters ?? []).filter((p) => p.in !== 'path'),
          curl: curlFor(baseUrl, method.toUpperCase(), path, op),
        });
    }
  }
  return { sections, info: doc.info };
}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** A copy-and-paste curl command; the key comes from $SERIALSTOCK_KEY so it never lands in shell history. */
export function curlFor(baseUrl: string, method: string, path: string, op: Op): string {
  const url = `${baseUrl}${path.replace('{id}', '1')}${exampleQuery(path, method)}`;
  const lines = [
    `curl${method === 'GET' ? '' : ` -X ${method}`} ${quote(url)}`,
    `  -H "Authorization: Bearer $SERIALSTOCK_KEY"`,
  ];
  const content = op.requestBody?.content ?? {};
  if (content['multipart/form-data']) lines.push(`  -H 'feature: bulk-write'`, `  -F 'file=@items.zip'`);
  const example = content['application/json']?.example;
  if (example !== undefined)
    lines.push(
      `  -H 'Content-Type: application/json'`,
      `  -H "Idempotency-Key: $(uuidgen)"`,
      `  -d ${quote(JSON.stringify(example))}`,
    );
  if (method === 'DELETE') lines.push(`  -H "Idempotency-Key: $(uuidgen)"`);
  return lines.join(' \\\n');
}

function exampleQuery(path: string, method: string): string {
  if (path.endsWith('/search')) return `?criteria=${encodeURIComponent('(Code:starts_with:A)')}`;
  if (method === 'DELETE' && !path.endsWith('{id}')) return '?ids=1,2';
  if (method === 'GET' && /^\/crm\/v8\/[A-Za-z_]+$/.test(path) && !path.endsWith('/users') && !path.endsWith('/org'))
    return '?per_page=10';
  if (path.endsWith('/users')) return '?type=CurrentUser';
  return '';
}
