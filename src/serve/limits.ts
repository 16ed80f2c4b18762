/**
 * How much a request may ask of the server. The front (src/front) enforces these at the socket;
 * the numbers live here so that the API, the proxy and the front agree.
 */

/** Request line plus headers. Long search URLs of the no-JS search page fit (a 20 KB query, percent-encoded). */
export const MAX_HEADER_BYTES = 128 * 1024;
/** A request target longer than this is answered 414 (longer than MAX_HEADER_BYTES it never parses). */
export const MAX_URL_BYTES = 96 * 1024;
/** The whole body of a request must arrive within this, or it is answered 408 and the connection closed. */
export const BODY_TIMEOUT_MS = 10_000;
/** Headers must arrive within this; a slow trickle of header lines holds nothing else. */
export const HEADERS_TIMEOUT_MS = 10_000;
/**
 * Requests one client may have in flight to Next.js at once; more wait in line (their own line,
 * so one client cannot take the upstream connections from the others), and past `CLIENT_QUEUE`
 * waiting they get 429.
 */
export const CLIENT_IN_FLIGHT = 16;
export const CLIENT_QUEUE = 256;
/** Connections from the front to Next.js. */
export const UPSTREAM_SOCKETS = 128;
/** An upstream answer (or a wait in a client's line) slower than this gets 504 (503). */
export const UPSTREAM_TIMEOUT_MS = 30_000;
/** After an error answer that closes the connection, what the client still sends is read and dropped for this long, so that it sees the answer rather than a reset. */
export const LINGER_MS = 2_000;
export const LINGER_BYTES = 8 * 1024 * 1024;
