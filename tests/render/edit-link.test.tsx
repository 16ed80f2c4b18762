import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Entry } from "@/content/schema";

const entry = { source: { path: "entries/docker/x y.md", line: 1 } } as unknown as Entry;

/** The environment is read once per module instance: each case gets fresh modules. */
async function render(env: Record<string, string | undefined>): Promise<string> {
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  vi.resetModules();
  const { EditLink } = await import("@/app/entry/[id]/_components/EditLink");
  return renderToStaticMarkup(<EditLink entry={entry} />);
}

afterEach(() => vi.unstubAllEnvs());

describe("the 编辑此页 link", () => {
  it("is absent in production without CONTENT_EDIT_URL", async () => {
    expect(await render({ NODE_ENV: "production", CONTENT_EDIT_URL: undefined })).toBe("");
  });

  it("in production, follows CONTENT_EDIT_URL and names the file", async () => {
    const html = await render({ NODE_ENV: "production", CONTENT_EDIT_URL: "https://github.com/o/r/edit/main/content/{path}" });
    expect(html).toContain('href="https://github.com/o/r/edit/main/content/entries/docker/x%20y.md"');
    expect(html).toContain(">编辑此页</a>");
    expect(html).toContain("<code>content/entries/docker/x y.md</code>");
  });

  it("under npm run dev, opens the file in the editor by default", async () => {
    const html = await render({ NODE_ENV: "development", CONTENT_EDIT_URL: undefined, CONTENT_DIR: undefined });
    const file = path.join(process.cwd(), "content/entries/docker/x y.md").replaceAll(" ", "%20");
    expect(html).toContain(`href="vscode://file${file}"`);
  });
});
