import { SEARCH_PATH } from "@/urls";

/**
 * The site search box: a plain GET form to /search, so it works before (and without) JavaScript.
 */
export function SearchForm({ id, large = false, defaultValue }: { id: string; large?: boolean; defaultValue?: string }) {
  return (
    <form action={SEARCH_PATH} method="get" role="search" className={large ? "search-form search-form-large" : "search-form"}>
      <label htmlFor={id} className="visually-hidden">
        搜索报错或问题
      </label>
      <input
        id={id}
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder={large ? "粘贴报错信息，或描述你遇到的问题，例如：redirect_uri 与后台配置不一致" : "搜索报错或问题"}
        autoComplete="off"
        enterKeyHint="search"
        maxLength={20000}
      />
      <button type="submit">搜索</button>
    </form>
  );
}
