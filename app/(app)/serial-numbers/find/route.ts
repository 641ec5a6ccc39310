import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/roles';
import { getCurrentUser } from '@/lib/auth/session';
import { findSingleSerial } from '@/lib/inventory/queries/serials';
import { textProblem } from '@/lib/validation/text';

/**
 * The header's "Find serial number" box (a plain GET form, so it works before scripts load): one
 * matching serial opens its page; anything else opens the agenda searched for the text, issued ones included.
 */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  const here = request.nextUrl;
  if (!user) return NextResponse.redirect(new URL(`/sign-in?next=${encodeURIComponent(here.pathname + here.search)}`, here));
  if (!can(user.role, 'serials.read')) return new NextResponse('You do not have permission to search serial numbers.', { status: 403 });
  const text = (here.searchParams.get('q') ?? '').trim().slice(0, 200);
  if (!text) return NextResponse.redirect(new URL('/serial-numbers', here));
  // The text rule at the door: a NUL would make the database fail the lookup.
  const problem = textProblem(text, 'q');
  if (problem) return new NextResponse(problem, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const id = await findSingleSerial(getDb(), text);
  const target = id ? `/serial-numbers/${id}` : `/serial-numbers?all=1&q=${encodeURIComponent(text)}`;
  return NextResponse.redirect(new URL(target, here), 303);
}
