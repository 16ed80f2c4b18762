import type { Root } from "mdast";
import type { Plugin } from "unified";
import { report } from "../messages";
import { readYamlMapping, type YamlData } from "../yaml-source";

declare module "vfile" {
  interface DataMap {
    frontmatter: YamlData;
  }
}

/**
 * Parses the YAML node that remark-frontmatter leaves at the top of the tree and hands it on
 * through `file.data.frontmatter`, with a way back from each key to its line.
 */
const remarkReadFrontmatter: Plugin<[], Root> = () => (tree, file) => {
  const node = tree.children[0];
  if (node?.type !== "yaml" || !node.position) {
    report(file, "frontmatter-missing", { place: { line: 1, column: 1 } });
    return;
  }
  const data = readYamlMapping(node.value, node.position.start.line, file);
  if (data) file.data.frontmatter = data;
};

export default remarkReadFrontmatter;
