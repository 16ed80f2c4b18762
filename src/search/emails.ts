/**
 * Finds e-mail addresses in one pass. It replaces the pattern
 * `\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b` and finds exactly what that pattern's global
 * replace found, but in linear time: the pattern retries its local part from every word boundary
 * of a long run (`a.a.a.…` without an `@` took seconds), while here each `@` is visited once, the
 * local part is read backwards from it, and only the domain, which holds no `@`, goes to a
 * (sticky, anchored) regular expression. tests/search/emails.test.ts checks the two agree.
 */
const LOCAL = /[a-z0-9._%+-]/;
const LOCAL_ANY_CASE = /[A-Za-z0-9._%+-]/;
const DOMAIN = /[a-z0-9.-]+\.[a-z]{2,}\b/y;
const DOMAIN_ANY_CASE = /[a-z0-9.-]+\.[a-z]{2,}\b/iy;
const WORD = /\w/;

const isWord = (char: string | undefined) => char !== undefined && WORD.test(char);

export function replaceEmails(text: string, replacement: string, options: { ignoreCase?: boolean } = {}): string {
  const local = options.ignoreCase ? LOCAL_ANY_CASE : LOCAL;
  const domain = options.ignoreCase ? DOMAIN_ANY_CASE : DOMAIN;
  let out = "";
  // Everything before `copied` is already in `out`; a match never starts before it.
  let copied = 0;
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > copied && local.test(text[start - 1] ?? "")) start--;
    // The address starts at the first word boundary of its local part.
    let first = start;
    while (first < at && isWord(text[first - 1]) === isWord(text[first])) first++;
    if (first === at) continue;
    domain.lastIndex = at + 1;
    const host = domain.exec(text);
    if (!host) continue;
    out += text.slice(copied, first) + replacement;
    copied = at + 1 + host[0].length;
    at = copied - 1;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
