/**
 * Error families: the handful of ways a deployment fails that show up in every stack's own words
 * (a refused connection to a database port, a host that does not resolve, a gateway 5xx, SMTP
 * refusing a login, a TLS failure, HTML where JSON was expected, an IP not on a whitelist, a
 * permission error). A detector reads one folded log line, says which family it is, pulls out
 * the host, port and code it names, and explains them in a sentence.
 *
 * Families reach the ranking as concept terms (`~fam:refused`, `~svc:mysql`): an entry gets them
 * from its own signatures and aliases at index time, a query from its lines, so "connect
 * ECONNREFUSED 172.19.0.2:3306" and "Can't connect to MySQL server on 'db' (111)" meet the same
 * entry without sharing a word. Every pattern here is a plain alternation or a bounded class:
 * linear in the line's length.
 */
export type FamilyId = "refused" | "timeout" | "unreachable" | "dns" | "gateway" | "smtp-auth" | "tls" | "html-json" | "ip-whitelist" | "permission";
export type Service = "mysql" | "redis" | "postgres" | "smtp" | "https" | "http";

export interface FamilyHit {
  readonly family: FamilyId;
  readonly service?: Service;
  readonly host?: string;
  readonly port?: string;
  readonly code?: string;
  /** The first IPv4 address in the line (for a whitelist error: the address to add). */
  readonly ip?: string;
}

const DETECT: readonly [FamilyId, RegExp][] = [
  ["ip-whitelist", /not in whitelist|whitelist|白名单|可信ip|invalid ip|not allow(?:ed)? to access from your ip|\b40164\b|\b60020\b|\b61004\b/],
  ["smtp-auth", /\b53[45][- ]5\.7\.\d|\b535\b|\b534\b|username and password not accepted|authentication (?:failed|unsuccessful)|authenticationfailedexception|smtpauthenticationerror|invalid login|authorization code|授权码|application-specific password|badcredentials|login fail/],
  ["html-json", /unexpected token '?<|<!doctype [^\n]{0,40}is not valid json|is not valid json|unexpected token in json|json\.parse|expecting value: line 1 column 1/],
  ["tls", /certificate|\bcert_|err_cert|ssl[ _-]?hand ?shake|handshake fail|wrong version number|pkcs12|\bpfx\b|self[- ]signed|ssl routines|ssl error|unable to verify|x509/],
  ["dns", /enotfound|eai_again|could not be resolved|name or service not known|temporary failure in name resolution|unknown mysql server host|getaddrinfo|no such host|nodename nor servname|name resolution|bad hostname/],
  ["unreachable", /no route to host|ehostunreach|network is unreachable|enetunreach|\(113\)/],
  ["timeout", /etimedout|timed? ?out|\(110\)|errno 110|i\/o timeout|超时/],
  ["refused", /refused|econnrefused|\(111\)|errno 111|\b2002\]|error 2003|\(2003|can't connect to (?:mysql|local mysql) server|could not connect to (?:redis|server)|连接被拒绝|拒绝连接|拒绝了连接/],
  ["gateway", /\b50[234] (?:bad gateway|service unavailable|gateway time-?out)|bad gateway|gateway time-?out|upstream (?:timed out|prematurely closed|connect error)|while connecting to upstream/],
  ["permission", /permission denied|eacces|errno 13\b|\[errno 13\]|access to the path [^\n]{0,200}denied|operation not permitted|权限不足|没有权限/],
];

const HOST_PORT = /(?:^|[\s'"(@/[,=])([a-z0-9_](?:[a-z0-9_.-]{0,251}[a-z0-9_])?):(\d{1,5})(?!\d)/;
const QUOTED_HOST = /(?:server|host|at|on|to) '([a-z0-9_](?:[a-z0-9_.-]{0,251}[a-z0-9_])?)'/;
const IPV4 = /(?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.])/;
const CODE = /(?:errcode"?\s*[:=]\s*|error code:?\s*|\[|\(|\berror\s|^|\s)(\d{3,5})(?=[\]),:\s]|$)/;

const PORT_SERVICE: Record<string, Service> = { "3306": "mysql", "6379": "redis", "5432": "postgres", "25": "smtp", "465": "smtp", "587": "smtp", "994": "smtp", "443": "https", "80": "http" };
const SERVICE_WORDS: readonly [Service, RegExp][] = [
  ["mysql", /mysql|mariadb|sqlstate|pdo|\b2002\]|error 2003/],
  ["redis", /redis/],
  ["postgres", /postgres|psql|pg_/],
  ["smtp", /smtp|mail|邮件|邮箱/],
];

/** The families a folded line belongs to (usually one), with what it names. */
export function detectFamilies(folded: string): FamilyHit[] {
  const line = folded.length > 2000 ? folded.slice(0, 2000) : folded;
  const hits: FamilyHit[] = [];
  for (const [family, pattern] of DETECT) {
    if (!pattern.test(line)) continue;
    hits.push({ family, ...facts(line) });
  }
  return hits;
}

function facts(line: string): Omit<FamilyHit, "family"> {
  const hostPort = HOST_PORT.exec(line);
  const host = hostPort?.[1] ?? QUOTED_HOST.exec(line)?.[1];
  const port = hostPort?.[2];
  const code = CODE.exec(line)?.[1];
  const service = (port ? PORT_SERVICE[port] : undefined) ?? SERVICE_WORDS.find(([, pattern]) => pattern.test(line))?.[0];
  const ip = IPV4.exec(line)?.[0];
  return { ...(service ? { service } : {}), ...(host ? { host } : {}), ...(port ? { port } : {}), ...(code ? { code } : {}), ...(ip ? { ip } : {}) };
}

/** The concept terms a line's families add to its terms, for index and query alike. */
export function familyTerms(hits: readonly FamilyHit[]): string[] {
  const out = new Set<string>();
  for (const hit of hits) {
    out.add(`~fam:${hit.family}`);
    if (hit.service) out.add(`~svc:${hit.service}`);
  }
  return [...out];
}

const LOOPBACK = /^(?:127\.0\.0\.1|localhost|::1|0\.0\.0\.0)$/;
const PRIVATE = /^(?:10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.)/;
const SINGLE_LABEL = /^[a-z][a-z0-9_-]*$/;
const SERVICE_LABEL: Record<Service, string> = { mysql: "MySQL", redis: "Redis", postgres: "PostgreSQL", smtp: "SMTP 邮件服务", https: "HTTPS", http: "HTTP" };

/** The port a database service listens on inside its own container unless told otherwise. */
const DEFAULT_PORT: Partial<Record<Service, string>> = { mysql: "3306", redis: "6379", postgres: "5432" };

/**
 * Containers on one compose network reach each other on the port the service listens on, not
 * the one `ports:` publishes on the host ("6380:6379"): a non-default port next to a service
 * name is often the published one.
 */
function publishedPortNote(hit: FamilyHit): string {
  const usual = hit.service ? DEFAULT_PORT[hit.service] : undefined;
  if (!usual || !hit.port || hit.port === usual) return "";
  return `另外，容器之间要连服务在容器里监听的端口（${SERVICE_LABEL[hit.service as Service]} 默认 ${usual}），不是 ports 里映射到宿主机的端口；除非你改过它的监听端口，${hit.port} 多半是映射出来的那个。`;
}

/** One sentence saying what the host, port and code in the line mean, or null when there is nothing to add. */
export function explain(hit: FamilyHit): string | null {
  const target = hit.host ? `${hit.host}${hit.port ? `:${hit.port}` : ""}` : hit.port ? `端口 ${hit.port}` : null;
  const service = hit.service ? SERVICE_LABEL[hit.service] : null;
  const what = target ? `${target}${service ? `（${service}）` : ""}` : service;
  switch (hit.family) {
    case "refused":
    case "timeout":
    case "unreachable": {
      if (!what) return null;
      const verb = hit.family === "refused" ? "被拒绝" : hit.family === "timeout" ? "超时" : "不可达（No route to host）";
      if (hit.host && LOOPBACK.test(hit.host)) return `你连的是 ${what}，连接${verb}。程序如果跑在容器里，${hit.host} 指向的是容器自己，不是宿主机。`;
      if (hit.host && SINGLE_LABEL.test(hit.host)) return `你连的是 ${what}：${hit.host} 像是 compose 里的服务名，连接发生在容器网络里。${verb === "被拒绝" ? "被拒绝通常是对方还没启动完，或者服务名、端口写错了。" : `连接${verb}。`}${publishedPortNote(hit)}`;
      if (hit.host && PRIVATE.test(hit.host)) return `你连的是内网地址 ${what}，连接${verb}。${hit.family === "refused" ? "对方的这个端口没有在监听（还没启动，或只监听了 127.0.0.1）。" : "多半是防火墙或安全组没有放行这个端口。"}`;
      if (hit.service === "smtp" && hit.port === "25" && hit.family !== "refused") return `连接 ${what} ${verb}：很多云服务器默认封了 25 端口，改用 465（SSL）或 587。`;
      return `你连的是 ${what}，连接${verb}。${hit.family === "refused" ? "对方这个端口没有程序在监听，或被防火墙拒绝。" : "多半是防火墙、安全组没有放行，或者地址不对。"}`;
    }
    case "dns":
      return hit.host ? `主机名 ${hit.host} 解析不出来：检查拼写；如果它是 compose 服务名，两个容器要在同一个网络里。` : null;
    case "smtp-auth":
      return `邮件服务器拒绝了登录${hit.code ? `（${hit.code}）` : ""}：国内邮箱（QQ、163、139、企业邮）要用授权码代替登录密码，Gmail 要用应用专用密码。`;
    case "ip-whitelist":
      return hit.ip && !LOOPBACK.test(hit.ip) ? `对方看到的请求来源 IP 是 ${hit.ip}：要加进白名单的就是这个出口 IP。` : null;
    case "html-json":
      return "程序想读 JSON，拿到的却是一个 HTML 页面（`<` 是 `<!DOCTYPE html>` 的第一个字符）：通常是登录过期被重定向到登录页、接口地址错了，或者服务端报 500 时返回了错误页。";
    case "gateway":
      return hit.code ? `${hit.code} 是网关（nginx 等）发出的：它后面的服务没有响应或者没在运行。` : null;
    case "tls":
    case "permission":
      return null;
  }
}
