/**
 * A request body as text, read no further than `limit` bytes: a declared Content-Length over it is refused before
 * reading, and a streamed body the moment it passes it. Route handlers have no body limit of their own (server actions
 * stop at 4 MB), so every door that reads a body reads it through here or through the upload's own cap.
 */
export async function readCappedText(request: Request, limit: number, tooLarge: () => Error): Promise<string> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
