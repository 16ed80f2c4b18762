import Link from "next/link";

export interface Crumb {
  readonly href: string;
  readonly label: string;
}

export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  return (
    <nav aria-label="当前位置" className="breadcrumbs">
      <ol>
        <li>
          <Link href="/">首页</Link>
        </li>
        {items.map((item) => (
          <li key={item.href}>
            <Link href={item.href}>{item.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
