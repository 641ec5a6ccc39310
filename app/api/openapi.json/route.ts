import { buildOpenApi } from '@/lib/api/records/openapi/document';

/** The OpenAPI document, public like any API description; the server URL is the host that was asked. */
export function GET(request: Request): Response {
  return Response.json(buildOpenApi(new URL(request.url).origin), { headers: { 'cache-control': 'public, max-age=300' } });
}
