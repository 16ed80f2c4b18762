import { STATUS_CODES, type IncomingMessage, type Server } from "node:http";
import type { Duplex } from "node:stream";
import { errorAnswer, isApiTarget, type ErrorAnswer, type ErrorStatus } from "@/serve/errors";
import { LINGER_BYTES, LINGER_MS, MAX_HEADER_BYTES, MAX_URL_BYTES } from "@/serve/limits";

/**
 * Answers for what never becomes a request Next.js could handle: a request line or headers that
 * are too long or do not parse, headers that arrive too slowly, CONNECT. Each gets a real HTTP
 * answer with the security headers (Node's own is a bare status line) and then the connection is
 * closed — gently: what the client is still sending is read and dropped for a moment, because
 * closing a socket with unread data makes the client see a reset instead of the answer.
 */
const answered = new WeakSet<Duplex>();
/** How long the first line of a connection's first request is, once its end has been seen. */
const firstLine = new WeakMap<Duplex, number>();

export function guardConnections(server: Server): void {
  // Node reports a request line that is too long and headers that are too long as one error; to
  // tell a 414 from a 431, note where the first line ends. (Listening for data hands each chunk to
  // JavaScript instead of straight to the parser: one call per chunk, and only until that line ends.)
  server.on("connection", (socket: Duplex) => {
    let seen = 0;
    const sniff = (chunk: Buffer) => {
      const end = chunk.indexOf(0x0a);
      if (end >= 0 || seen + chunk.length > MAX_HEADER_BYTES) {
        firstLine.set(socket, end >= 0 ? seen + end : Infinity);
        socket.off("data", sniff);
      }
      seen += chunk.length;
    };
    socket.prependListener("data", sniff);
  });
  server.on("clientError", (error: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex) => {
    if (answered.has(socket)) return;
    const inFlight = Reflect.get(socket, "_httpMessage") as { headersSent?: boolean } | null | undefined;
    if (!socket.writable || inFlight?.headersSent || error.code === "ECONNRESET" || error.code === "EPIPE") {
      socket.destroy();
      return;
    }
    const head = error.rawPacket?.subarray(0, 64).toString("latin1") ?? "";
    const api = isApiTarget(/^[A-Z]+ (\S*)/.exec(head)?.[1]);
    closeWith(socket, errorAnswer(statusOf(error, socket), { api }));
  });
  server.on("connect", (req: IncomingMessage, socket: Duplex) => {
    closeWith(socket, errorAnswer(405, { api: false, headers: { allow: ALLOWED_METHODS.join(", ") } }));
  });
}

export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "OPTIONS"] as const;

function statusOf(error: NodeJS.ErrnoException, socket: Duplex): ErrorStatus {
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") return 408;
  if (error.code !== "HPE_HEADER_OVERFLOW") return 400;
  return (firstLine.get(socket) ?? Infinity) > MAX_URL_BYTES ? 414 : 431;
}

/**
 * Writes `answer` with `Connection: close` straight to the socket, takes the socket away from the
 * HTTP parser, and closes it once the client has stopped sending (or after LINGER_MS / LINGER_BYTES).
 */
export function closeWith(socket: Duplex, answer: ErrorAnswer): void {
  if (answered.has(socket)) return;
  answered.add(socket);
  let dropped = 0;
  const drop = (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) socket.destroy();
  };
  // Adding a listener of our own first makes Node hand the data to listeners instead of its parser...
  socket.on("data", drop);
  // ...and removing Node's own stops the parser from seeing the rest.
  for (const listener of socket.listeners("data")) if (listener !== drop) socket.off("data", listener as (chunk: Buffer) => void);
  socket.on("error", () => undefined);
  socket.on("end", () => socket.destroy());
  socket.resume();
  socket.end(rawResponse(answer));
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

export function rawResponse(answer: ErrorAnswer): string {
  const body = Buffer.from(answer.body);
  const headers = { ...answer.headers, "content-length": String(body.length), connection: "close" };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ""}\r\n${lines.join("\r\n")}\r\n\r\n${answer.body}`;
}
