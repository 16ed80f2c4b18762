/**
 * A request body as text, read only up to `max` bytes: a client that declares less than it sends
 * (or sends chunked) is stopped at the limit, not buffered. Null when the body is over the limit;
 * "" when there is none.
 */
export async function readCappedBody(request: Request, max: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
