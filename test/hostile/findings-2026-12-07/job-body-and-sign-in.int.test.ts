import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as pageJobs from '@/app/(app)/import/api/jobs/route';
import * as write from '@/app/crm/bulk/[version]/write/route';
import { createApiKey } from '@/lib/auth/api-keys';
import { createUser } from '@/lib/users/users';
import { sessionCookie } from '@/test/authz/principals';
import { useTestDatabase } from '@/test/db';

// The sign-in page reads the caller's cookie through next/headers: here, a stranger's request.
vi.mock('next/headers', () => ({
  headers: async () => new Headers(),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => {}, delete: () => {} }),
}));

/** A JSON body streamed in 1 MB pieces of whitespace: counts how much of it the handler pulled. */
function streamedJson(totalMb: number) {
  const piece = new Uint8Array(1024 * 1024).fill(0x20);
  let sent = 0;
  const pulled = { bytes: 0 };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalMb) {
        controller.enqueue(new TextEncoder().encode('{}'));
        controller.close();
        return;
      }
      sent++;
      pulled.bytes += piece.length;
      controller.enqueue(piece);
    },
  });
  return { body, pulled };
}

const MB = 1024 * 1024;
/** The records API's own ceiling (lib/api/records/write/body.ts MAX_BODY_BYTES); an upload's is 25 MB + 64 KB. */
const RECORDS_BODY_LIMIT = 32 * MB;

describe('hostile round 4: input that should be refused cleanly', async () => {
  const { db } = await useTestDatabase();
  let key: string;
  let cookie: string;

  beforeAll(async () => {
    const email = `hostile4-${Date.now()}@example.com`;
    const userId = await createUser(db, { name: 'Hostile Four', email, role: 'admin', password: 'hostile-four-1' });
    key = (await createApiKey(db, { name: 'hostile 4', role: 'admin', createdBy: userId })).key;
    cookie = await sessionCookie(email, 'hostile-four-1');
  });

  /**
   * Found and fixed: /sign-in?next=/a&next=/b answers 500.
   * Scenario: the sign-in page (public, and the documented health check `GET /sign-in`) with its `next`
   *           parameter repeated. Next.js hands a repeated parameter over as an array; the page types it as a
   *           string and calls safeReturnPath(next), which calls next.startsWith → TypeError.
   * Expected: the sign-in form (the other pages take the first value of a repeated parameter, or set it aside).
   * Before the fix: TypeError: next.startsWith is not a function → HTTP 500 from the error boundary, for anyone,
   *           signed in or not. (e2e/no5xx.spec.ts sends `?next=%00` and `?q=a&q=b`, never a repeated `next`.)
   * Severity: LOW (a public 5xx; a link that breaks sign-in; no data exposed).
   */
  it('the sign-in page renders when `next` is repeated (?next=/a&next=/b), instead of throwing', async () => {
    const { default: SignInPage } = await import('@/app/sign-in/page');
    const searchParams = Promise.resolve({ next: ['/items', '/stock'] as unknown as string });
    await expect(SignInPage({ searchParams })).resolves.toBeTruthy();
  });

  /**
   * Found and fixed: the two job-creation doors read a request body of any size into memory.
   * Scenario: POST /crm/bulk/v8/write (and the import page's POST /import/api/jobs) with a 48 MB body.
   *           Both call `request.json()` with no ceiling, while every other body-reading door has one: the
   *           records API stops at 32 MB with 413 LIMIT_EXCEEDED (readBodyText), an upload at 25 MB + 64 KB
   *           with 413 (readCapped), server actions at 4 MB. Next.js puts no limit on route handler bodies.
   * Expected: refused with 413 once the body passes a ceiling, without reading the rest (a job request is a few KB).
   * Before the fix: the whole body is pulled and parsed (48 MB pulled, then 400 MANDATORY_NOT_FOUND resource); a
   *           40 MB body measured +170 MB RSS, so a body of a few hundred MB exhausts the process's heap.
   * Severity: LOW–MEDIUM (memory exhaustion of an app process; needs import.run: an admin session or an
   *           admin-role API key).
   */
  it('POST /crm/bulk/v8/write stops reading a body past the ceiling the other doors keep', async () => {
    const { body, pulled } = streamedJson(48);
    const request = new Request('http://localhost:3000/crm/bulk/v8/write', {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await write.POST(request, { params: Promise.resolve({ version: 'v8' }) });
    expect({ status: response.status, pulledAtMost32Mb: pulled.bytes <= RECORDS_BODY_LIMIT + MB }).toEqual({
      status: 413,
      pulledAtMost32Mb: true,
    });
  });

  it('POST /import/api/jobs (the import page, with the session) stops reading a body past that ceiling too', async () => {
    const { body, pulled } = streamedJson(48);
    const request = new Request('http://localhost:3000/import/api/jobs', {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost:3000', host: 'localhost:3000', 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await pageJobs.POST(request, { params: Promise.resolve({}) });
    expect({ status: response.status, pulledAtMost32Mb: pulled.bytes <= RECORDS_BODY_LIMIT + MB }).toEqual({
      status: 413,
      pulledAtMost32Mb: true,
    });
  });
});
