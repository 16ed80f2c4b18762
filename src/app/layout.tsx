import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "@/components/SiteHeader";
import { env } from "@/config/env";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(env().SITE_URL),
  title: { default: "排障知识库", template: "%s · 排障知识库" },
  description: "微信登录与支付、企业微信机器人、小程序、Docker 部署、邮件与 CODO 的排障知识库：按报错搜索，按步骤诊断。",
  openGraph: { type: "website", locale: "zh_CN", siteName: "排障知识库" },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#0d1117" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        {/* Blocking on purpose: applies the remembered theme before first paint. */}
        {/* eslint-disable-next-line @next/next/no-sync-scripts */}
        <script src="/theme.js" />
      </head>
      <body>
        <a href="#main" className="skip-link">
          跳到正文
        </a>
        <SiteHeader />
        <main id="main">{children}</main>
        <footer className="site-footer">
          <p>排障知识库 · 内容来自公开的 FAQ 与排障文档，按「现象 → 原因 → 解决」整理。</p>
        </footer>
      </body>
    </html>
  );
}
