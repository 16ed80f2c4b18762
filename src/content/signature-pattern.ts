/**
 * The placeholder syntax of signatures. A signature is the text an error prints; the parts that
 * change from one occurrence to the next are written as `{name}`:
 *
 *   connect ECONNREFUSED {loopback}:{port}
 *   Can't connect to MySQL server on '{name}' ({n})
 *
 * Each placeholder stands for a kind of value, so that one signature can say "a loopback
 * address" and another "a compose service name", and the search can tell them apart. The search
 * (`src/search/signatures.ts`) compiles these into matchers; content validation rejects unknown
 * names.
 */
export const PLACEHOLDERS = {
  /** Any host: a name, a domain or an IPv4 address. */
  host: "主机",
  /** A single-label host name such as `db` or `mysql`: a service name on a compose network. */
  name: "服务名",
  /** 127.0.0.1, localhost, ::1 or 0.0.0.0. */
  loopback: "本机地址",
  /** An IPv4 address. */
  ip: "IP",
  port: "端口",
  /** Any whole number. */
  n: "数字",
  /** A file system path or URL path. */
  path: "路径",
  /** Anything on the same line (at most a couple of hundred characters). */
  "*": "…",
} as const;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

export type SignaturePiece = { readonly literal: string } | { readonly placeholder: PlaceholderName };

const PLACEHOLDER = /\{([a-z*]+)\}/g;

/** Splits a signature into literal text and placeholders; unknown `{names}` are reported, not guessed. */
export function parseSignature(text: string): { pieces: SignaturePiece[]; unknown: string[] } {
  const pieces: SignaturePiece[] = [];
  const unknown: string[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    const at = match.index ?? 0;
    if (!(name in PLACEHOLDERS)) {
      unknown.push(name);
      continue;
    }
    if (at > last) pieces.push({ literal: text.slice(last, at) });
    pieces.push({ placeholder: name as PlaceholderName });
    last = at + match[0].length;
  }
  if (last < text.length) pieces.push({ literal: text.slice(last) });
  return { pieces, unknown };
}

export function hasPlaceholders(text: string): boolean {
  return parseSignature(text).pieces.some((piece) => "placeholder" in piece);
}

/** How a signature reads to a person: placeholders as their Chinese names, e.g. `connect ECONNREFUSED ‹本机地址›:‹端口›`. */
export function displaySignature(text: string): string {
  return parseSignature(text)
    .pieces.map((piece) => ("literal" in piece ? piece.literal : `‹${PLACEHOLDERS[piece.placeholder]}›`))
    .join("");
}
