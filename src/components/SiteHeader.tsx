import Link from "next/link";
import { SearchForm } from "./SearchForm";
import { SearchPalette } from "./SearchPalette";
import { ThemeToggle } from "./ThemeToggle";

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="site-name">
          排障知识库
        </Link>
        <SearchForm id="header-search" />
        <nav aria-label="主导航" className="site-nav">
          <SearchPalette />
          <Link href="/#areas">浏览</Link>
          <ThemeToggle />
        </nav>
      </div>
    </header>
  );
}
