import { buildOpenApi } from '@/lib/api/records/openapi/document';
import { publicBaseUrl } from '@/lib/http/public-url';

/** The OpenAPI document, public like any API description; the server URL is the configured public address. */
export function GET(): Response {
  return Response.json(buildOpenApi(publicBaseUrl()), { headers: { 'cache-control': 'public, max-age=300' } });
}
