/**
 * Names users give the same thing: general vocabulary of this audience (abbreviations,
 * English/Chinese pairs), not fixes for particular queries.
 */
export const GROUPS: readonly (readonly string[])[] = [
  ["企业微信", "企微", "wecom", "wework", "企业号"],
  ["微信", "wx", "wechat", "weixin", "vx"],
  ["公众号", "公众平台", "服务号", "订阅号", "mp.weixin.qq.com"],
  ["开放平台", "open.weixin.qq.com"],
  ["小程序", "miniprogram", "mini program", "weapp"],
  ["谷歌验证码", "谷歌验证器", "google authenticator", "身份验证器", "mfa", "2fa", "二次验证", "otp", "动态码"],
  ["白名单", "whitelist", "allowlist"],
  ["证书", "certificate", "cert", "pfx", "ssl", "tls"],
  ["防火墙", "firewall", "iptables", "ufw", "firewalld"],
  ["安全组", "security group"],
  ["日志", "log", "logs"],
  ["容器", "container"],
  ["重启", "restart", "拉起", "自动重启"],
  ["权限", "permission", "permissions", "denied"],
  ["邮件", "邮箱", "email", "mail", "smtp"],
  ["授权码", "auth code", "应用专用密码", "app password"],
  ["数据库", "mysql", "db"],
  ["缓存", "cache", "cdn"],
  ["回调", "callback", "notify", "回调通知"],
  ["域名", "domain"],
  ["端口", "port"],
  ["访问不了", "打不开", "无法访问", "连不上", "refused", "unreachable"],
  ["不显示", "看不到", "找不到"],
  ["支付", "pay", "payment", "付款"],
  ["登录", "登陆", "login"],
  ["代理", "proxy", "中转", "反代"],
  ["源码", "source", "源代码", "前端"],
  ["角色", "role"],
  ["健康检查", "healthcheck", "health", "unhealthy"],
  ["告警", "报警", "alert", "监控"],
  ["token", "access_token", "令牌"],
  ["可信", "信任", "trusted"],
  ["开机", "reboot", "开机自启", "开机启动", "boot"],
  ["上传", "upload", "uploads"],
  ["回复", "reply", "回信", "回消息"],
  ["流式", "stream", "streaming"],
  ["网关", "gateway"],
  ["迁移", "migrate", "migration", "migrations"],
];

const INDEX = new Map<string, number>();
GROUPS.forEach((group, index) => {
  for (const name of group) INDEX.set(name, index);
});
const NAMES = [...INDEX.keys()].sort((a, b) => b.length - a.length);
const LATIN_NAME = /^[a-z0-9 ._-]+$/;

/**
 * The concepts a folded text mentions, as marker terms (`~` + the group's first name). Documents
 * get them at index time and queries at query time, so "企微" finds entries that say "企业微信"
 * through one shared term that BM25 weighs like any other. Longer names win: "企业微信" is not
 * also read as "微信".
 */
export function conceptTerms(folded: string): string[] {
  // Characters already read as part of a (longer) name. Marking them, rather than blanking them
  // in a copy of the text for every occurrence, keeps a paste full of one name linear.
  const claimed = new Uint8Array(folded.length);
  const found = new Set<string>();
  for (const name of NAMES) {
    const latin = LATIN_NAME.test(name);
    for (let at = folded.indexOf(name); at >= 0; at = folded.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (claimed.subarray(at, end).includes(1)) continue;
      if (latin && (/[a-z0-9]/.test(folded[at - 1] ?? " ") || /[a-z0-9]/.test(folded[end] ?? " "))) continue;
      found.add(`~${GROUPS[INDEX.get(name) ?? 0]?.[0] ?? name}`);
      claimed.fill(1, at, end);
    }
  }
  return [...found];
}
