import { apiRoute } from '@/lib/api/route';
import { checkVersion } from '@/lib/api/version';

type Ctx = { params: Promise<{ version: string }> };

// Zoho clients parse role ids as 64-bit integers, so each role has a fixed numeric id.
const ROLE_IDS = { admin: '1', accountant: '2', warehouse: '3' } as const;

/** Zoho SDKs ask who the token belongs to before anything else (GET users?type=CurrentUser). */
export const GET = apiRoute<Ctx>(null, async (request, { params }, principal) => {
  const versionError = checkVersion((await params).version);
  if (versionError) return versionError;
  // Always active here: a deactivated user's session and keys are refused before this (lib/auth/api-keys.ts).
  const [firstName, ...rest] = principal.userName.split(' ');
  return Response.json({
    users: [
      {
        id: String(principal.userId),
        full_name: principal.userName,
        first_name: firstName,
        last_name: rest.join(' '),
        email: principal.email,
        role: { name: principal.role, id: ROLE_IDS[principal.role] },
        status: 'active',
      },
    ],
    info: { per_page: 200, count: 1, page: 1, more_records: false },
  });
});
