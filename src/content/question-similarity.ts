/**
 * Whether two yes/no questions ask the same thing, close to word for word: "MySQL 的版本低于 5.7
 * 吗？" and "MySQL 的版本是不是低于 5.7？". Used to catch a question that a wizard would ask twice on
 * one path. A pattern check, not understanding: Chinese runs become character pairs, ASCII runs
 * (commands, hosts, versions, error codes) whole words that count double, since "404" and "500"
 * are what tells two such questions apart; question particles are dropped, and the share of the
 * shorter question found in the longer one decides.
 */
export const SAME_QUESTION_THRESHOLD = 0.65;

// Words that make a sentence a question or carry no content, dropped before comparing.
const FILLER = /是不是|是否|有没有|吗|呢|了|的|还是|这是|是/g;
const CJK_PUNCTUATION = /[？，。、：；（）【】「」《》！“”‘’…]/g;
const ASCII_WORD = /[a-z0-9][a-z0-9._/:-]*[a-z0-9]|[a-z0-9]/g;

const ASCII_WEIGHT = 2;

function grams(text: string): Map<string, number> {
  const folded = text.normalize("NFKC").toLowerCase();
  const result = new Map<string, number>((folded.match(ASCII_WORD) ?? []).map((word) => [word, ASCII_WEIGHT]));
  const chinese = folded.replace(/[\x00-\x7f]+/g, " ").replace(CJK_PUNCTUATION, " ").replace(FILLER, " ");
  for (const run of chinese.split(/\s+/)) {
    if (run.length === 1) result.set(run, 1);
    for (let i = 0; i + 1 < run.length; i++) result.set(run.slice(i, i + 2), 1);
  }
  return result;
}

const weight = (g: Map<string, number>) => [...g.values()].reduce((sum, w) => sum + w, 0);

/**
 * 0–1: how much of the shorter text the longer one contains (`of: "shorter"`, for questions, where
 * one may add a condition to the other), or how much the two share relative to the longer one
 * (`of: "longer"`, for option labels that should not read alike).
 */
export function questionOverlap(a: string, b: string, of: "shorter" | "longer" = "shorter"): number {
  const left = grams(a);
  const right = grams(b);
  const [small, large] = weight(left) <= weight(right) ? [left, right] : [right, left];
  const total = weight(of === "shorter" ? small : large);
  if (weight(small) === 0) return 0;
  let shared = 0;
  for (const [gram, w] of small) if (large.has(gram)) shared += w;
  return shared / total;
}

export function sameQuestion(a: string, b: string): boolean {
  return questionOverlap(a, b) >= SAME_QUESTION_THRESHOLD;
}
