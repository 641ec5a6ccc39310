import { RECORD_MODULES } from '../registry';
import { externalPaths } from './external';
import { modulePaths, type PathItem } from './paths';
import { moduleSchemas, sharedSchemas } from './schemas';

export const OPENAPI_VERSION = '3.1.1';

/**
 * The OpenAPI document of the API, generated from the module declarations and the shared zod
 * schemas: nothing here is written twice, so the document cannot drift from the handlers.
 */
export function buildOpenApi(baseUrl: string) {
  const paths: Record<string, PathItem> = {};
  for (const m of RECORD_MODULES) Object.assign(paths, modulePaths(m));
  Object.assign(paths, externalPaths());
  return {
    openapi: OPENAPI_VERSION,
    info: {
      title: 'SerialStock API',
      version: '8',
      description:
        'Zoho CRM-compatible records and bulk write API for stock tracked by serial number. Any version segment Zoho published (v2, v2.1, v3 … v8) is accepted ' +
        '(paths show v8). Ids are numeric strings; decimals (prices, quantities, rates) are exact decimal strings such as "12.5", never JSON numbers, ' +
        'so nothing is rounded. Times are ISO 8601 with offset. Errors are {"status":"error","code","message","details"}. Authenticate with ' +
        '"Authorization: Bearer <key>" or "Authorization: Zoho-oauthtoken <key>"; a key acts with its role\'s permissions.',
    },
    servers: [{ url: baseUrl }],
    security: [{ bearer: [] }, { zohoOauthtoken: [] }],
    tags: [
      ...RECORD_MODULES.map((m) => ({ name: m.api, description: m.description })),
      {
        name: 'Bulk write',
        description: 'More than 100 records: upload a file, create a job, poll, download the result.',
      },
      { name: 'Organisation', description: 'What Zoho clients ask at start-up.' },
    ],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API key from the API keys page.' },
        zohoOauthtoken: {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'Zoho clients: "Zoho-oauthtoken <key>".',
        },
      },
      schemas: Object.assign(sharedSchemas(), ...RECORD_MODULES.map(moduleSchemas)),
    },
  };
}
