/**
 * Code blocks as the rules read them: which languages a shell runs, and the code without its
 * comments (blanked, so that offsets into the block stay valid). A comment is where an author
 * may name an example value or explain a placeholder; only the code part is copied and run.
 */

const SHELLS = new Set(["bash", "sh", "shell", "zsh", "console", "cmd", "bat", "batch", "powershell", "ps1", "pwsh"]);
const HASH_COMMENTS = new Set([...SHELLS, "ini", "yaml", "yml", "dockerfile", "nginx", "toml", "conf", "properties", "env"]);
const SLASH_COMMENTS = new Set(["javascript", "js", "typescript", "ts", "json", "jsonc", "java", "go", "c", "cpp", "csharp", "cs"]);

export function isShell(lang: string | null | undefined): boolean {
  return SHELLS.has((lang ?? "").toLowerCase());
}

const blank = (text: string) => text.replace(/[^\n]/g, " ");

/** The block's text with comments replaced by spaces, line by line. */
export function codeWithoutComments(code: string, lang: string | null | undefined): string {
  const language = (lang ?? "").toLowerCase();
  return code
    .split("\n")
    .map((line) => {
      if (language === "cmd" || language === "bat" || language === "batch") {
        return /^\s*(?:rem\b|::)/i.test(line) ? blank(line) : line;
      }
      if (language === "sql") return line.replace(/--\s.*$/, blank);
      if (HASH_COMMENTS.has(language)) return line.replace(/(^|\s)#.*$/, (m) => blank(m));
      if (SLASH_COMMENTS.has(language)) return line.replace(/(^|\s)\/\/.*$/, (m) => blank(m));
      return line;
    })
    .join("\n");
}
