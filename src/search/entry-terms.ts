import type { CauseMeta, DocMeta, StoredSignature } from "./index-data";
import { fold } from "./normalize";
import { conceptTerms } from "./synonyms";
import { terms } from "./tokenize";

/**
 * The term sets confidence and cause-picking compare a query with: each of an entry's own names
 * (title, aliases, the entry's signatures) and each cause's words (title, check question, its
 * signatures). Only terms the index knows are kept, so a set can be stored as vocabulary ids.
 * The index build stores them, and the spelling words, for the server (a 10,000-entry corpus
 * would otherwise tokenise them on a query's first touch of each entry, and fold every text of
 * every entry on the first misspelt word); the searcher derives them the same way, on first use,
 * where the browser's smaller copy leaves them out.
 */
export function nameTexts(doc: DocMeta, signatures: readonly StoredSignature[]): string[] {
  return [doc.title, ...doc.aliases, ...signatures.filter((sig) => sig.cause < 0).map((sig) => sig.text)];
}

/**
 * The Latin words the knowledge base writes (titles, aliases, causes, error texts), for spelling a
 * query: the index's own terms are stems ("configur"), which are no spelling to offer anyone.
 */
export function spellingWords(docs: readonly DocMeta[], signatures: readonly StoredSignature[]): string[] {
  const texts = [...docs.flatMap((doc) => [doc.title, ...doc.aliases, ...doc.causes.flatMap((c) => [c.title, c.question])]), ...signatures.map((sig) => sig.text)];
  return [...new Set(texts.flatMap((text) => fold(text).match(/[a-z][a-z0-9_]{3,}/g) ?? []))].sort();
}

export function nameTerms(text: string, keepNumbers: ReadonlySet<string>, known: (term: string) => boolean): string[] {
  return terms(fold(text), { keepNumbers }).all.filter(known);
}

export function causeTerms(cause: CauseMeta, own: readonly StoredSignature[], keepNumbers: ReadonlySet<string>, known: (term: string) => boolean): string[] {
  const text = fold([cause.title, cause.question, ...own.map((sig) => sig.text)].join("\n"));
  return [...new Set([...terms(text, { keepNumbers }).all, ...conceptTerms(text)])].filter(known);
}
