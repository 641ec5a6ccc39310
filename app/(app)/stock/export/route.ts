import { NextResponse, type NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/roles';
import { getCurrentUser } from '@/lib/auth/session';
import { parseStockListParams, stockForExport } from '@/lib/inventory/queries/stock';
import { stockCsv } from '@/lib/inventory/queries/stock-csv';

/** The stock list as CSV, with the list's filters, search and sort. Checks 'stock.read' itself. */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: 'Sign in first.' }, { status: 401 });
  if (!can(user.role, 'stock.read'))
    return NextResponse.json({ error: 'You do not have permission to read stock.' }, { status: 403 });
  const params = parseStockListParams(Object.fromEntries(request.nextUrl.searchParams));
  // A list page shows what it set aside; a download cannot, so it refuses instead of exporting something else.
  const [problem] = params.problems;
  if (problem) return NextResponse.json({ error: problem.message, param: problem.param }, { status: 400 });
  const rows = await stockForExport(getDb(), params);
  const day = new Date().toISOString().slice(0, 10);
  return new NextResponse(stockCsv(rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="stock-${day}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
