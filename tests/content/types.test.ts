import { describe, expectTypeOf, it } from "vitest";
import type { KnowledgeGraph } from "@/content/graph";
import type { Blocks, Cause, Entry, EntryKind, Flow, Guide, Problem, Question } from "@/content/schema";

describe("content types come from the schema", () => {
  it("discriminates entries on kind", () => {
    expectTypeOf<EntryKind>().toEqualTypeOf<"problem" | "question" | "guide">();
    expectTypeOf<Extract<Entry, { kind: "problem" }>>().toEqualTypeOf<Problem>();
    expectTypeOf<Problem["causes"][number]>().toEqualTypeOf<Cause>();
    expectTypeOf<Question["shortAnswer"]>().toEqualTypeOf<string>();
    expectTypeOf<Guide["steps"][number]["checklist"]>().toEqualTypeOf<{ text: string }[]>();
  });
  it("keeps bodies as blocks with plain text beside the tree", () => {
    expectTypeOf<Cause["fix"]>().toEqualTypeOf<Blocks>();
    expectTypeOf<Cause["check"]["details"]>().toEqualTypeOf<Blocks | null>();
    expectTypeOf<Blocks["text"]>().toEqualTypeOf<string>();
  });
  it("gives the graph typed entries and flows", () => {
    expectTypeOf<KnowledgeGraph["entries"]>().toEqualTypeOf<readonly Entry[]>();
    expectTypeOf<KnowledgeGraph["flows"]>().toEqualTypeOf<readonly Flow[]>();
  });
});
