import { stemmer } from "stemmer";
import { MASK, maskVolatile, type MaskOptions } from "./normalize";
import { STOPWORDS } from "./stopwords";

/**
 * Terms for word-level relevance, identical at index and query time:
 * - Chinese: the words `Intl.Segmenter` finds, plus every character bigram of each Han run (so a
 *   word the segmenter cuts differently in another context still matches);
 * - Latin: identifiers kept whole (`app_url`, `net::err_connection_closed`, `/api/user/visit`) as
 *   well as split into their words (`app`, `url`, `net`, `err`, …);
 * - numbers that survived masking (error codes, ports, versions) as they are.
 * Input must already be folded (see `fold`); volatile parts are masked here.
 */

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;
const LATIN_RUN = /[a-z0-9_][a-z0-9_.:/\\-]*[a-z0-9_]|[a-z0-9]/g;
const MASKS = new Set<string>(Object.values(MASK));

/**
 * ICU's dictionary word breaking takes time that grows faster than the length of a Han run
 * (a 20,000-character run: 0.2 s), so runs are segmented in pieces of this many characters.
 * Real text breaks runs at punctuation long before (the longest run in the content is 29).
 */
const SEGMENT_CHARS = 256;

let segmenter: Intl.Segmenter | null = null;
function words(text: string): string[] {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  const out: string[] = [];
  for (let from = 0; from < text.length; from += SEGMENT_CHARS) {
    for (const part of segmenter.segment(text.slice(from, from + SEGMENT_CHARS))) if (part.isWordLike) out.push(part.segment);
  }
  return out;
}

export interface Terms {
  /** Every term, in order of first appearance, without repeats. */
  readonly all: string[];
  /** The subset that are whole words (segmenter words, Latin words and identifiers, numbers), not bigrams. */
  readonly words: Set<string>;
}

/**
 * Terms of folded text (duplicates kept, for term frequencies). `bigrams: false` keeps whole
 * words only: long fields are indexed that way, so the index stays small enough for the browser.
 */
export function termList(folded: string, options: MaskOptions & { bigrams?: boolean } = {}): string[] {
  const { list, wordSet } = collect(maskVolatile(folded, options));
  return options.bigrams === false ? list.filter((t) => wordSet.has(t)) : list;
}

/** Distinct terms of folded text, with which of them are whole words. */
export function terms(folded: string, options: MaskOptions = {}): Terms {
  const { list, wordSet } = collect(maskVolatile(folded, options));
  return { all: [...new Set(list)], words: wordSet };
}

function collect(masked: string): { list: string[]; wordSet: Set<string> } {
  const list: string[] = [];
  const wordSet = new Set<string>();
  const addWord = (term: string) => {
    if (term.length === 0 || STOPWORDS.has(term) || MASKS.has(term)) return;
    list.push(term);
    wordSet.add(term);
  };
  for (const raw of masked.replace(/<[a-z]+>/g, " ").match(LATIN_RUN) ?? []) {
    const whole = trimSeparators(raw);
    const parts = whole.split(/[^a-z0-9]+/).filter(Boolean);
    if (parts.length > 1 && whole.length <= 48) addWord(whole);
    for (const part of parts) if (part.length > 1) addWord(stem(part));
  }
  for (const run of masked.match(HAN_RUN) ?? []) {
    for (const word of words(run)) if (word.length > 1 && HAN.test(word)) addWord(word);
    for (let i = 0; i + 1 < run.length; i++) {
      const bigram = run.slice(i, i + 2);
      if (!STOPWORDS.has(bigram)) list.push(bigram);
    }
  }
  return { list, wordSet };
}

/**
 * English words by their Porter stem, so a report's "rebooted", "containers" or "starting" meets
 * the entry's "reboot", "container", "start". Short words, numbers and mixed tokens stay as they
 * are: error codes and identifiers must match exactly.
 */
export function stem(part: string): string {
  return part.length > 3 && /^[a-z]+$/.test(part) ? stemmer(part) : part;
}

const SEPARATORS = new Set([".", ":", "/", "\\", "-"]);

/** `raw` without leading and trailing separators (a loop: `/[.:/\\-]+$/` retries from every separator of a run). */
function trimSeparators(raw: string): string {
  let start = 0;
  let end = raw.length;
  while (start < end && SEPARATORS.has(raw[start] ?? "")) start++;
  while (end > start && SEPARATORS.has(raw[end - 1] ?? "")) end--;
  return raw.slice(start, end);
}

/**
 * Context-free anchors of a signature for candidate lookup: Latin words and Han bigrams only,
 * since the segmenter may cut the same phrase differently inside a longer line.
 */
export function anchors(normalized: string): string[] {
  const out = new Set<string>();
  for (const raw of normalized.replace(/<[a-z]+>/g, " ").match(LATIN_RUN) ?? []) {
    for (const part of raw.split(/[^a-z0-9]+/)) if (part.length > 1) out.add(part);
  }
  for (const run of normalized.match(HAN_RUN) ?? []) {
    if (run.length === 1) out.add(run);
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  return [...out];
}
