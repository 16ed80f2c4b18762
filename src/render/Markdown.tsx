import type { Element, Root } from "hast";
import { toString } from "hast-util-to-string";
import { toJsxRuntime, type Components } from "hast-util-to-jsx-runtime";
import Link from "next/link";
import type { ComponentProps } from "react";
import { Fragment, jsx, jsxs } from "react/jsx-runtime";
import { CopyButton } from "@/components/CopyButton";
import type { Blocks } from "@/content/schema";
import { toHast } from "./markdown";

/** Renders a run of content blocks (already parsed and validated) as React, on the server. */
export function Markdown({ blocks, className }: { blocks: Blocks; className?: string }) {
  const tree = toHast(blocks);
  return <div className={className ?? "prose"}>{render(tree)}</div>;
}

function render(tree: Root) {
  return toJsxRuntime(tree, { Fragment, jsx, jsxs, components, passNode: true });
}

const components: Partial<Components> = {
  pre: CodeBlock,
  a: ContentLink,
};

function CodeBlock({ node, children, ...props }: ComponentProps<"pre"> & { node?: Element }) {
  const code = node ? toString(node).replace(/\n$/, "") : "";
  const language = languageOf(node);
  return (
    <div className="code-block">
      {language ? <span className="code-lang">{language}</span> : null}
      <pre {...props} tabIndex={0}>
        {children}
      </pre>
      <CopyButton text={code} label="复制代码" />
    </div>
  );
}

function languageOf(pre: Element | undefined): string | null {
  const code = pre?.children.find((c): c is Element => c.type === "element" && c.tagName === "code");
  const classes = code?.properties.className;
  const match = Array.isArray(classes) ? classes.map(String).find((c) => c.startsWith("language-")) : undefined;
  return match ? match.slice("language-".length) : null;
}

function ContentLink({ node: _node, href, children, ...props }: ComponentProps<"a"> & { node?: Element }) {
  if (href?.startsWith("/")) {
    return (
      <Link href={href} {...props}>
        {children}
      </Link>
    );
  }
  return (
    <a href={href} {...props}>
      {children}
    </a>
  );
}
