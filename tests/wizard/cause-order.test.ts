import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { buildWizardGraph } from "@/wizard/build";

const { graph } = await buildContent(path.resolve(import.meta.dirname, "../../content"));
if (!graph) throw new Error("content has errors");
const ID = "gptlink-docker-server-error";

/** An order of causes given to buildWizardGraph (learned from use) never makes the wizard skip a cause. */
describe("buildWizardGraph with a cause order", () => {
  it("asks the causes an order leaves out after the ones it names, in the author's order", () => {
    const ids = buildWizardGraph(graph, { causeOrder: (p) => (p.id === ID ? [p.causes[2]!] : p.causes) })
      .problems.get(ID)
      ?.causes.map((c) => c.id);
    expect(ids).toEqual(["compose-start-order", "db-address-localhost", "mysql-too-old"]);
  });

  it("asks each cause once, and none that is not the problem's", () => {
    const other = graph.entries.find((e) => e.kind === "problem" && e.id !== ID);
    if (other?.kind !== "problem") throw new Error("expected another problem");
    const ids = buildWizardGraph(graph, { causeOrder: (p) => (p.id === ID ? [p.causes[1]!, p.causes[1]!, other.causes[0]!, p.causes[0]!] : p.causes) })
      .problems.get(ID)
      ?.causes.map((c) => c.id);
    expect(ids).toEqual(["mysql-too-old", "db-address-localhost", "compose-start-order"]);
  });
});
