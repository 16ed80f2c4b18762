import Link from "next/link";
import type { Entry } from "@/content/schema";
import { KIND_LABEL } from "./labels";
import { entryUrl } from "@/urls";

/** One entry in a list: title, kind, summary and its most telling signature. */
export function EntryCard({ entry }: { entry: Entry }) {
  const signature = entry.signatures[0];
  return (
    <li className="entry-card">
      <span className={`kind kind-${entry.kind}`}>{KIND_LABEL[entry.kind]}</span>
      <Link href={entryUrl(entry.id)} className="entry-card-title">
        {entry.title}
      </Link>
      <p className="entry-card-summary">{entry.summary}</p>
      {signature ? <code className="signature">{signature}</code> : null}
    </li>
  );
}
