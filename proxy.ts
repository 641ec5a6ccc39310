import { NextResponse, type NextRequest } from 'next/server';

/**
 * Not an authorization layer (every page, action and handler checks roles itself): it only passes the
 * requested path to server components, so a sign-in redirect can bring the user back to where they were.
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set('x-pathname', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/((?!_next/|vendor/|favicon.ico|api/|crm/).*)'] };
