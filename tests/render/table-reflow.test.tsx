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

describe("tables", () => {
  it("sit in a focusable scroll box and label every cell with its column", () => {
    const html = render("| 邮箱 | SMTP 地址 | 密码 |\n|---|---|---|\n| QQ 邮箱 | `smtp.qq.com` | 授权码 |\n| Gmail | `smtp.gmail.com` |  |\n");
    expect(html).toContain('<div class="table-scroll" tabindex="0" role="region" aria-label="表格：邮箱、SMTP 地址、密码"><table class="reflow">');
    expect(html).toContain('<td data-label="邮箱">QQ 邮箱</td>');
    expect(html).toContain('<td data-label="SMTP 地址"><code>smtp.gmail.com</code></td>');
    expect(html.match(/data-label="密码"/g)).toHaveLength(2);
    expect(html).not.toMatch(/<th[^>]*data-label/);
  });

  it("leave text outside tables alone", () => {
    expect(render("一段文字。")).not.toContain("table-scroll");
  });
});
