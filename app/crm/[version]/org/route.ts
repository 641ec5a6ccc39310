import { apiRoute } from '@/lib/api/route';
import { checkVersion } from '@/lib/api/version';

type Ctx = { params: Promise<{ version: string }> };

const ORG_ID = '1';

/** The organisation record official Zoho clients read at start-up. One organisation per installation. */
export const GET = apiRoute<Ctx>(null, async (_request, { params }) => {
  const versionError = checkVersion((await params).version);
  if (versionError) return versionError;
  return Response.json({
    org: [
      {
        id: ORG_ID,
        company_name: process.env.COMPANY_NAME ?? 'SerialStock',
        currency: process.env.CURRENCY ?? 'CZK',
        time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        country_code: process.env.COUNTRY_CODE ?? 'CZ',
      },
    ],
  });
});
