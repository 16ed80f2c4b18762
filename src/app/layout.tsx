import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "排障知识库", template: "%s · 排障知识库" },
  description: "微信登录与支付、企业微信机器人、小程序、Docker 部署、邮件与 CODO 的排障知识库：按报错搜索，按步骤诊断。",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
