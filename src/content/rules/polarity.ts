/**
 * Whether a yes/no check question says what its 是 means. The wizard shows the fix when the reader
 * answers 是, so a check must state the fault ("域名没有加进 request 合法域名？"); it must not ask
 * whether all is well ("域名已经加进…了吗？"), and it must not be a negated or A-not-A question
 * ("是不是没有…？", "有没有…？"), to which 是 / 否 can each be read both ways (是，没有 / 不，有).
 *
 * The rules read the question's own words only: text the reader sees on screen (inline code, 「…」
 * quotes) is masked first, so a quoted `不校验合法域名` is not taken as the question's negation.
 */

export type PolarityFinding =
  | { readonly kind: "negated"; readonly form: string }
  | { readonly kind: "double-negative"; readonly form: string }
  | { readonly kind: "all-is-well"; readonly form: string };

/** A-not-A and 是否 forms that put the question before what is asked. */
const ASKING = "(?:是不是|是否)";
/** Adverbs that may sit between the question form and its negation: 是否还没有, 是不是都不. */
const ADVERB = "(?:还|都|并|也|根本|仍然|仍|已经|一直|从来)?";
const NEGATION = "(?:没有|没|不是|不|非|未|无)";

const NEGATED_QUESTION = new RegExp(`${ASKING}${ADVERB}${NEGATION}`, "u");
/** A-not-A questions other than 是不是: their 是 is not an answer (有没有 → 有 / 没有). */
const A_NOT_A = /(有没有|会不会|能不能|可不可以|在不在|对不对|行不行|通不通|要不要)/u;
/** Two negations inside one clause: 不是没有, 没有不, 非…不. A list of faults joined by 或 / 和 is not one. */
const DOUBLE_NEGATIVE = new RegExp(`${NEGATION}[^，,、；;？?。或和与及]{0,6}?${NEGATION}`, "u");

/**
 * Words that describe the good state. A question that uses one of them and none of the fault words
 * below most likely asks "is everything fine?", whose 是 would skip the fix.
 */
const ALL_IS_WELL =
  /(已经|都已|已在|已加|已配|已放行|正常|成功|正确|对应|一致|都是|都在|在运行|运行状态|在监听|有进程|能返回|能打开|可以打开|可以访问|能访问|通过|连通|放行了|配好|生效了|完整)/u;
const FAULT =
  /(没有|没|不|未|无|非|失败|错误|出错|错|报错|异常|拒绝|超时|过期|缺|漏|丢|低于|高于|拦|挡|封|卡|冲突|断|崩|少了|多了|写死|仍然|依然|还是|却|但|只有|换过|改过|重新生成|空着|为空|变了|变化|坏|偶发|时好时坏|刚|很久|混用|共用|不止|被)/u;

/** Masks what the reader sees verbatim, so that only the question's own wording is judged. */
export function questionWords(question: string): string {
  return question
    .replace(/`[^`]*`/gu, "＿")
    .replace(/「[^」]*」/gu, "＿")
    .replace(/『[^』]*』/gu, "＿")
    .replace(/“[^”]*”/gu, "＿")
    .replace(/"[^"]*"/gu, "＿");
}

/**
 * Judges one question. `choices` is true for an authored flow step, whose options are labelled
 * answers: there only negated and double-negative wording is a fault, since no bare 是 / 否 is given.
 */
export function judgeQuestion(question: string, options: { readonly choices?: boolean } = {}): PolarityFinding | null {
  const masked = questionWords(question);
  const negated = NEGATED_QUESTION.exec(masked) ?? A_NOT_A.exec(masked);
  if (negated) return { kind: "negated", form: negated[0] };
  // 是不是 carries a 不 of its own, which is neither a second negation nor a fault word.
  const words = masked.replaceAll("是不是", "是否");
  const double = DOUBLE_NEGATIVE.exec(words);
  if (double) return { kind: "double-negative", form: double[0] };
  if (options.choices) return null;
  const good = ALL_IS_WELL.exec(words);
  if (good && !FAULT.test(words)) return { kind: "all-is-well", form: good[0] };
  return null;
}
