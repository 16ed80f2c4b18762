import path from "node:path";
import { contentDir } from "@/content";
import type { Entry } from "@/content/schema";
import { env } from "@/config/env";
import { contentEditUrl, DEV_EDIT_PATTERN } from "@/urls";

/**
 * "编辑此页", naming the entry's source file: under `npm run dev` always (by default it opens the
 * file in VS Code), in production only when CONTENT_EDIT_URL says where content is edited.
 */
export function EditLink({ entry }: { entry: Entry }) {
  const pattern = env().CONTENT_EDIT_URL ?? (process.env.NODE_ENV === "development" ? DEV_EDIT_PATTERN : null);
  if (!pattern) return null;
  const file = path.join(contentDir(), entry.source.path);
  const shown = path.relative(process.cwd(), file);
  const name = shown.startsWith("..") || path.isAbsolute(shown) ? file : shown.split(path.sep).join("/");
  return (
    <p className="edit-link">
      <a href={contentEditUrl(pattern, { path: entry.source.path, file })} rel="noopener">
        编辑此页
      </a>{" "}
      <code>{name}</code>
    </p>
  );
}
