import type { RootContent } from "mdast";
import { renderToStaticMarkup } from "react-dom/server";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/render/Markdown";

function render(markdown: string): string {
  const nodes: RootContent[] = unified().use(remarkParse).use(remarkGfm).parse(markdown).children;
  return renderToStaticMarkup(<Markdown blocks={{ nodes, text: "" }} />);
}

describe("warning callouts", () => {
  it("turn a `> [!WARNING]` blockquote into a labelled note without the marker", () => {
    const html = render("> [!WARNING]\n> `iptables -F` 会清空**所有**规则。\n>\n> 先备份。\n");
    expect(html).toMatch(/^<div class="prose"><div class="callout callout-warning" role="note" aria-label="警告">/);
    expect(html).toContain('<p class="callout-title"><span class="callout-icon" aria-hidden="true">!</span>警告</p>');
    expect(html).not.toContain("[!WARNING]");
    expect(html).not.toContain("<blockquote");
    expect(html).toContain("<p><code>iptables -F</code> 会清空<strong>所有</strong>规则。</p>");
    expect(html).toContain("<p>先备份。</p>");
  });

  it("accept the marker and the text on one line, in any case", () => {
    const html = render("> [!warning] 这会重启所有容器。\n");
    expect(html).toContain('role="note"');
    expect(html).toContain("<p>这会重启所有容器。</p>");
  });

  it("leave ordinary blockquotes alone", () => {
    const html = render("> 只是一段引用 [!WARNING]\n");
    expect(html).toContain("<blockquote>");
    expect(html).not.toContain("callout");
  });

  it("stay sanitised", () => {
    const html = render('> [!WARNING]\n> <img src=x onerror="alert(1)"> <script>alert(1)</script>\n');
    expect(html).toContain('role="note"');
    expect(html).not.toMatch(/onerror|<script/i);
  });
});
