import { constants, crc32, deflateRawSync } from "node:zlib";
import { NONCE_LENGTH } from "@/serve/csp";

/**
 * A page rendered with a nonce, kept so that every answer carries a nonce of its own: the body is
 * kept in the pieces between the occurrences of the nonce it was rendered with, and each answer
 * joins them with a fresh one (src/serve/csp.ts says why a page never shares its nonce).
 *
 * The gzip copy is made once, too. Each piece is compressed on its own as non-final deflate
 * blocks, with the text before it as the dictionary so that nothing is lost to the split, and
 * between pieces the nonce sits in a stored (uncompressed) block, which is patched for each answer;
 * only the CRC-32 of the trailer is computed again. The text the compressor sees in place of the
 * nonce is a run of control characters that occur nowhere else in the page, so no back-reference
 * can copy part of a nonce into the text around it. A page holding those characters (none does)
 * is sent uncompressed.
 */
export interface NonceTemplate {
  /** The nonce the page was rendered with; also found in headers such as `Link`. */
  readonly rendered: string;
  /** The body between its occurrences. */
  readonly pieces: readonly Buffer[];
  readonly gzip: GzipTemplate | null;
  readonly bytes: number;
}

interface GzipTemplate {
  /** Gzip header and deflate blocks, without the 8-byte trailer. */
  readonly data: Buffer;
  /** Where each stored nonce starts in `data`. */
  readonly holes: readonly number[];
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
const STAND_IN = Buffer.from(
  [1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31].slice(0, NONCE_LENGTH),
);
const WINDOW = 32 * 1024;

export function nonceTemplate(body: Buffer, rendered: string, compress: boolean): NonceTemplate {
  const needle = Buffer.from(rendered);
  const pieces: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle); at >= 0; at = body.indexOf(needle, from)) {
    pieces.push(exact(body.subarray(from, at)));
    from = at + needle.length;
  }
  pieces.push(exact(body.subarray(from)));
  const gzip = compress ? gzipTemplate(pieces) : null;
  const bytes = pieces.reduce((sum, piece) => sum + piece.length, 0) + (gzip?.data.length ?? 0);
  return { rendered, pieces, gzip, bytes };
}

/** The page with `nonce` in every place the rendered one was. */
export function fillTemplate(template: NonceTemplate, nonce: string): Buffer {
  const fresh = Buffer.from(nonce);
  const parts: Buffer[] = [];
  template.pieces.forEach((piece, index) => {
    if (index > 0) parts.push(fresh);
    parts.push(piece);
  });
  return Buffer.concat(parts);
}

/** The gzip form of `fillTemplate(template, nonce)`, or null when the page has none. */
export function fillGzipTemplate(template: NonceTemplate, nonce: string): Buffer | null {
  const gzip = template.gzip;
  const fresh = Buffer.from(nonce);
  if (!gzip || fresh.length !== STAND_IN.length) return null;
  const out = Buffer.allocUnsafe(gzip.data.length + 8);
  gzip.data.copy(out);
  for (const hole of gzip.holes) fresh.copy(out, hole);
  let crc = 0;
  let size = 0;
  template.pieces.forEach((piece, index) => {
    if (index > 0) {
      crc = crc32(fresh, crc);
      size += fresh.length;
    }
    // zlib's crc32 restarts at 0 when handed no bytes at all (its way of asking for the initial value).
    if (piece.length > 0) crc = crc32(piece, crc);
    size += piece.length;
  });
  out.writeUInt32LE(crc >>> 0, gzip.data.length);
  out.writeUInt32LE(size % 2 ** 32, gzip.data.length + 4);
  return out;
}

function gzipTemplate(pieces: readonly Buffer[]): GzipTemplate | null {
  if (STAND_IN.length !== NONCE_LENGTH || pieces.some((piece) => STAND_IN.some((byte) => piece.includes(byte)))) return null;
  const parts: Buffer[] = [GZIP_HEADER];
  const holes: number[] = [];
  let length = GZIP_HEADER.length;
  let before = Buffer.alloc(0);
  pieces.forEach((piece, index) => {
    const last = index === pieces.length - 1;
    const dictionary = before.subarray(Math.max(0, before.length - WINDOW));
    const blocks = deflateRawSync(piece, { finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH, ...(dictionary.length > 0 ? { dictionary } : {}) });
    parts.push(blocks);
    length += blocks.length;
    if (last) return;
    // A sync flush ends on a byte boundary, so a stored block can follow: BFINAL=0 BTYPE=00, LEN, NLEN.
    const header = Buffer.from([0, STAND_IN.length & 0xff, STAND_IN.length >> 8, ~STAND_IN.length & 0xff, (~STAND_IN.length >> 8) & 0xff]);
    parts.push(header, STAND_IN);
    holes.push(length + header.length);
    length += header.length + STAND_IN.length;
    before = Buffer.concat([dictionary, piece, STAND_IN]);
  });
  return { data: exact(Buffer.concat(parts)), holes };
}

/** A copy that owns exactly its bytes: a slice would keep a whole pooled or socket buffer alive, unseen by the cache's accounting. */
export function exact(buffer: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(buffer.length);
  buffer.copy(copy);
  return copy;
}
