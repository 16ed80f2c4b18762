import { NextResponse, type NextRequest } from "next/server";

/**
 * Refuses URLs whose percent-encoding is broken (`/entry/%E0%A4%A`) with a plain 400 before
 * routing: left alone, decoding the route parameters throws inside the framework and the user
 * gets a 500.
 */
export function proxy(request: NextRequest) {
  const raw = new URL(request.url).pathname;
  try {
    decodeURIComponent(raw);
  } catch {
    if (raw.startsWith("/api/")) {
      return NextResponse.json({ error: { code: "malformed_url", message: "URL 中的百分号编码无效" } }, { status: 400 });
    }
    return new NextResponse(BAD_URL_PAGE, { status: 400, headers: { "Content-Type": "text/html; charset=utf-8" } });
  }
  return NextResponse.next();
}

const BAD_URL_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>链接无效 · 排障知识库</title></head>
<body style="font-family:system-ui,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.7">
<h1>这个链接无效</h1><p>地址里有无法识别的编码，可能是复制时被截断了。</p>
<p><a href="/">回到首页</a> 或 <a href="/search">搜索报错</a>。</p></body></html>`;

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
