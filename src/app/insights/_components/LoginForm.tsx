import { INSIGHTS_LOGIN } from "@/urls";

const ERRORS: Record<string, string> = {
  token: "令牌不对。",
  rate: "尝试太频繁，请一分钟后再试。",
  "cross-site": "请从本站的登录页提交。",
};

/** The login page of /insights: a plain form, so that it works without JavaScript. */
export function LoginForm({ error }: { error: string | undefined }) {
  const message = error ? (ERRORS[error] ?? "登录失败。") : null;
  return (
    <div className="insights-login">
      <h1>使用情况</h1>
      <p className="lead">这一页给维护知识库的人看：哪些搜索没有找到答案、哪些条目帮上了忙、向导在哪里走不下去。请输入部署时设置的管理令牌（<code>ADMIN_TOKEN</code>）。</p>
      <form method="post" action={INSIGHTS_LOGIN} className="insights-login-form">
        <label htmlFor="insights-token">管理令牌</label>
        <input id="insights-token" name="token" type="password" autoComplete="current-password" required maxLength={512} />
        <button type="submit" className="button">
          登录
        </button>
        {message ? (
          <p role="alert" className="notice notice-error">
            {message}
          </p>
        ) : null}
      </form>
      <p className="muted">登录后浏览器会保存一个只发给本页的 Cookie，8 小时后失效。</p>
    </div>
  );
}
