import type { EntryKind } from "@/content/schema";

export const KIND_LABEL: Record<EntryKind, string> = { problem: "故障", question: "问答", guide: "指南" };
export const KIND_HEADING: Record<EntryKind, string> = { problem: "故障排查", question: "常见问答", guide: "操作指南" };
