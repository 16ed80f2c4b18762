import type { RootContent } from "mdast";
import { renderToStaticMarkup } from "react-dom/server";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/render/Markdown";

function render(markdown: string): string {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const nodes: RootContent[] = tree.children;
  return renderToStaticMarkup(<Markdown blocks={{ nodes, text: "" }} />);
}

const executable = [/<script/i, /\son[a-z]+\s*=/i, /(href|src|action)\s*=\s*["']?\s*javascript:/i, /<iframe/i, /<object/i, /<embed/i, /<svg/i, /<style/i, /srcdoc/i];

describe("hostile content is rendered inert", () => {
  it.each([
    ["a script tag", "<script>alert(1)</script>\n\n正文"],
    ["an inline script in a paragraph", "看这里 <script>alert(document.cookie)</script> 继续"],
    ["an onerror handler", '<img src="x" onerror="alert(1)">'],
    ["an onclick on a link", '<a href="/entry/x" onclick="steal()">点我</a>'],
    ["a javascript: link in Markdown", "[点我](javascript:alert(1))"],
    ["a javascript: link in HTML", '<a href="JaVaScRiPt:alert(1)">点我</a>'],
    ["an encoded javascript: link", "[点我](&#106;avascript:alert(1))"],
    ["an SVG with a script", '<svg><script>alert(1)</script><circle onload="alert(2)" r="1"/></svg>'],
    ["an iframe", '<iframe src="https://evil.example"></iframe>'],
    ["an object and embed", '<object data="x.swf"></object><embed src="x.swf">'],
    ["a style tag", "<style>body{display:none}</style>"],
    ["a data: URL image", '<img src="data:text/html,<script>alert(1)</script>">'],
    ["an autolinked javascript URL", "<javascript:alert(1)>"],
  ])("%s", (_name, markdown) => {
    const html = render(markdown);
    for (const pattern of executable) expect(html).not.toMatch(pattern);
  });

  it("keeps harmless HTML and ordinary text", () => {
    const html = render("按 <kbd>Ctrl</kbd>+<kbd>C</kbd> 复制，<b>注意</b>端口。");
    expect(html).toContain("<kbd>Ctrl</kbd>");
    expect(html).toContain("<b>注意</b>");
  });

  it("opens external links safely and keeps internal links in the site", () => {
    const html = render("[官方文档](https://developers.weixin.qq.com/) 和 [另一条](/entry/gptlink-service-logs)");
    const external = /<a [^>]*href="https:\/\/developers\.weixin\.qq\.com\/"[^>]*>/.exec(html)?.[0] ?? "";
    expect(external).toContain('rel="noopener noreferrer"');
    expect(external).toContain('target="_blank"');
    expect(html).toMatch(/<a href="\/entry\/gptlink-service-logs">/);
  });

  it.each([
    ["bash", 'docker logs --since 1h wechat-api > logs.txt # "x"'],
    ["shell", "$ docker ps --filter name=wechat-api"],
    ["powershell", 'Invoke-RestMethod -Uri "https://photogooo.com/api/user/visit" -Method POST'],
    ["cmd", "REM 注释\nset PORT=8092"],
    ["yaml", "restart: unless-stopped"],
    ["json", '{"sessionId": "test123"}'],
    ["ini", "SMTP_PORT=25"],
    ["env", "APP_URL=https://abc.com/api/"],
    ["sql", "select google_key from codo_admin.mg_users where username='codo_test';"],
    ["nginx", "server { listen 443 ssl; }"],
    ["javascript", "const ENV = 'production';"],
    ["dockerfile", "RUN pip3 install --user --upgrade pip"],
  ])("highlights %s", (lang, code) => {
    const html = render(`\`\`\`${lang}\n${code}\n\`\`\``);
    expect(html).toMatch(/class="hljs language-/);
    expect(html).toMatch(/<span class="hljs-/);
  });

  it("turns task lists into labelled, usable checkboxes numbered in order", () => {
    const html = render("- [ ] 已记下企业ID\n- [x] 已生成 Token");
    const boxes = html.match(/<input [^>]*>/g) ?? [];
    expect(boxes).toHaveLength(2);
    expect(boxes[0]).toContain('data-task="0"');
    expect(boxes[0]).toContain('aria-label="已记下企业ID"');
    expect(boxes[0]).not.toContain("checked");
    expect(boxes[1]).toContain('data-task="1"');
    expect(boxes[1]).toContain('checked=""');
    expect(html).not.toContain("disabled");
  });
});
