import type { IncomingMessage } from "node:http";

/**
 * Reads a request's whole body before anything is sent to Next.js, so that a client sending slowly
 * holds only its own connection to the front, never one of the front's connections to Next.js.
 * The body must fit in `limit` bytes and arrive within `timeoutMs`.
 */
export type BodyResult = { readonly ok: true; readonly body: Buffer } | { readonly ok: false; readonly status: 408 | 413 } | { readonly ok: false; readonly status: "gone" };

export function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("close", onClose);
      if (!result.ok) req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish({ ok: false, status: 413 });
      else chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks, size) });
    const onClose = () => finish({ ok: false, status: "gone" });
    const timer = setTimeout(() => finish({ ok: false, status: 408 }), timeoutMs);
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("close", onClose);
  });
}
