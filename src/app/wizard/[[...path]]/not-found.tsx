import Link from "next/link";
import { searchUrl, WIZARD_HOME } from "@/urls";

/** A tampered or outdated wizard URL: say so, and offer a fresh start. */
export default function WizardStepGone() {
  return (
    <section className="not-found" aria-labelledby="gone-title">
      <h1 id="gone-title">这一步已经不存在了</h1>
      <p className="lead">链接里的排查进度对不上现在的内容：可能链接被截断了，或者知识库已经更新。</p>
      <p>
        <Link className="button" href={WIZARD_HOME}>
          重新开始引导式排查
        </Link>{" "}
        或者 <Link href={searchUrl()}>直接搜索报错</Link>。
      </p>
    </section>
  );
}
