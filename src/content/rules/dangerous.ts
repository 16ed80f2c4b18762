/**
 * Commands that can lock a reader out of a server, expose it, destroy data or break every other
 * system that shares a secret. Readers paste commands from a troubleshooting page straight into a
 * production shell, so each of these must come after a `> [!WARNING]` block that says what the
 * command does, what can go wrong and how to undo it.
 */

export interface Danger {
  /** Where the match starts in the scanned text. */
  readonly index: number;
  /** The text that matched, for the message. */
  readonly text: string;
  /** What the command does, in a few words, for the message. */
  readonly what: string;
}

interface Pattern {
  readonly pattern: RegExp;
  readonly what: string;
}

/** Ports of services that must never be reachable from everywhere (databases, caches, the Docker API). */
const PRIVATE_PORTS = "(?:3306|6379|5432|27017|9200|11211|2375|2376)";

/** Patterns that apply to commands: code blocks and inline code. */
const COMMANDS: readonly Pattern[] = [
  { pattern: /\biptables\s+(?:-t\s+\w+\s+)?(?:-F|--flush)\b/g, what: "removes every firewall rule (including Docker's)" },
  { pattern: /\biptables\s+(?:-t\s+\w+\s+)?-P\s+(?:INPUT|FORWARD|OUTPUT)\s+(?:DROP|ACCEPT)\b/g, what: "changes the firewall's default policy" },
  {
    pattern: /\biptables\s+(?:-t\s+filter\s+)?-[IA]\s+INPUT\b(?![^\n]*\s(?:-s|--source|-i|--in-interface)\s)[^\n]*-j\s+ACCEPT\b/g,
    what: "opens a port to every source address",
  },
  { pattern: /\bufw\s+disable\b/g, what: "turns the firewall off" },
  { pattern: /\bsystemctl\s+(?:stop|disable|mask)\s+(?:firewalld|ufw|iptables|nftables)\b/g, what: "turns the firewall off" },
  { pattern: /\bservice\s+(?:iptables|firewalld|ufw)\s+stop\b/g, what: "turns the firewall off" },
  { pattern: /\bsetenforce\s+0\b/g, what: "turns SELinux enforcement off" },
  { pattern: /\bSELINUX\s*=\s*(?:disabled|permissive)\b/g, what: "turns SELinux off" },
  { pattern: /\bchmod\s+(?:-R\s+)?(?:0?777|a\+rwx|ugo\+rwx)\b/g, what: "makes files writable by every user" },
  { pattern: /\brm\s+-(?=[a-zA-Z]*r)(?=[a-zA-Z]*f)[a-zA-Z]+\s+(?:--no-preserve-root\s+)?(?:\/|\/\*|~\/?)(?=\s|$|["'`])/g, what: "deletes the whole file system or home directory" },
  { pattern: /\bDROP\s+(?:TABLE|DATABASE|SCHEMA|USER)\b/gi, what: "deletes data" },
  { pattern: /\bTRUNCATE\s+(?:TABLE\s+)?[`\w]/gi, what: "deletes data" },
  { pattern: /(?<![\d.])0\.0\.0\.0\/0\b|(?<![\w:])::\/0(?![\w/])/g, what: "opens access to every address on the internet" },
  { pattern: /\bbind-address\s*=\s*0\.0\.0\.0\b/g, what: "makes MySQL listen on every network interface" },
  { pattern: /^\s*bind\s+0\.0\.0\.0\b/gm, what: "makes Redis listen on every network interface" },
  { pattern: new RegExp(`\\bufw\\s+allow\\s+(?!from\\b)${PRIVATE_PORTS}\\b`, "g"), what: "opens a database or Docker port to every source" },
  { pattern: new RegExp(`--add-port=${PRIVATE_PORTS}\\b`, "g"), what: "opens a database or Docker port to every source" },
  { pattern: /"force_refresh"\s*:\s*true/g, what: "invalidates the access_token every other system is using" },
];

/** Patterns that apply to prose in fixes: a step that tells the reader to reset a shared secret. */
const PROSE: readonly Pattern[] = [
  {
    pattern: /(?:重置|重新生成|重新获取)\s*(?:一次|一下)?\s*(?:App\s*Secret|AppSecret|Secret|secret|密钥|token_secret|EncodingAESKey)/g,
    what: "resets a secret that other systems may share",
  },
  {
    pattern: /(?:App\s*Secret|AppSecret|Secret|密钥|token_secret|EncodingAESKey)[^，。；,.;\n]{0,12}(?:重置|重新生成)/g,
    what: "resets a secret that other systems may share",
  },
  { pattern: /\breset\s+(?:the\s+)?(?:app\s*)?secret\b/gi, what: "resets a secret that other systems may share" },
];

function scan(text: string, patterns: readonly Pattern[]): Danger[] {
  const found: Danger[] = [];
  for (const { pattern, what } of patterns) {
    for (const match of text.matchAll(pattern)) found.push({ index: match.index, text: match[0].trim(), what });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Dangerous commands in code (a code block's text without its comments, or inline code). */
export function dangerousCommands(code: string): Danger[] {
  return scan(code, COMMANDS);
}

/** Steps in prose that reset a secret. */
export function dangerousSteps(prose: string): Danger[] {
  return scan(prose, PROSE);
}
