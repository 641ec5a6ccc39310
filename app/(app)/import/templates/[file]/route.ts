import { apiRoute } from '@/lib/api/route';
import { apiError } from '@/lib/api/responses';
import { templateFile } from '@/lib/import/request/templates';

type Ctx = { params: Promise<{ file: string }> };

/** Import templates per module: /import/templates/Items.csv, /import/templates/Goods_Receipts.xlsx, … */
export const GET = apiRoute<Ctx>('import.run', async (_request, { params }) => {
  const file = await templateFile((await params).file);
  if (!file) return apiError(404, 'RESOURCE_NOT_FOUND', 'There is no such template.');
  return new Response(new Uint8Array(file.body), {
    headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.fileName}"` },
  });
});
