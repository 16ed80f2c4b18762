import Link from "next/link";
import { SearchForm } from "@/components/SearchForm";

export default function NotFound() {
  return (
    <section className="not-found" aria-labelledby="nf-title">
      <h1 id="nf-title">找不到这个页面</h1>
      <p className="lead">链接可能已经过期，或者地址输错了。试试直接搜索你遇到的报错：</p>
      <SearchForm id="notfound-search" large />
      <p>
        或者 <Link href="/">回到首页</Link> 按领域浏览。
      </p>
    </section>
  );
}
