import { getDb } from '@/db/client';
import { can } from '@/lib/auth/roles';
import { sessionPrincipal } from '@/lib/auth/session-principal';
import { findSingleSerial } from '@/lib/inventory/queries/serials';
import { textProblem } from '@/lib/validation/text';

/**
 * Redirects within the site, by path: the browser resolves it against the address the user is on. An
 * absolute URL built here came out as http://localhost:PORT whatever that address was (Next.js names
 * loopback hosts "localhost"), and form-action 'self' then blocked it for everyone else (issue 14).
 */
function redirectTo(path: string): Response {
  return new Response(null, { status: 303, headers: { location: path } });
}

/**
 * The header's "Find serial number" box (a plain GET form, so it works before scripts load): one
 * matching serial opens its page; anything else opens the agenda searched for the text, issued ones included.
 */
export async function GET(request: Request) {
  const user = await sessionPrincipal(request.headers);
  const here = new URL(request.url);
  if (!user) return redirectTo(`/sign-in?next=${encodeURIComponent(here.pathname + here.search)}`);
  if (!can(user.role, 'serials.read'))
    return new Response('You do not have permission to search serial numbers.', { status: 403 });
  const text = (here.searchParams.get('q') ?? '').trim().slice(0, 200);
  if (!text) return redirectTo('/serial-numbers');
  // The text rule at the door: a NUL would make the database fail the lookup.
  const problem = textProblem(text, 'q');
  if (problem) return new Response(problem, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const id = await findSingleSerial(getDb(), text);
  return redirectTo(id ? `/serial-numbers/${id}` : `/serial-numbers?all=1&q=${encodeURIComponent(text)}`);
}
