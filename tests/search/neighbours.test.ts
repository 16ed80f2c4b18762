import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { buildSearchIndex } from "@/search/build-index";
import { queryUnits } from "@/search/lines";
import { loadNeighbours, NeighbourIndex, type NeighbourRecord } from "@/search/neighbours";
import { createSearcher } from "@/search/rank";

const record = (id: string, ...texts: string[]): NeighbourRecord => loadNeighbours([{ id, title: id, hint: `hint of ${id}`, signatures: texts }], new Set(["87014"]))[0] as NeighbourRecord;

/** A tiny made-up list: a plain text, a code, a placeholder signature, and a longer text that overlaps a shorter one. */
const tiny = new NeighbourIndex([
  record("redis-oom", "OOM command not allowed"),
  record("content-security", "87014"),
  record("nginx", "nginx: [emerg] unexpected {*} in {path}"),
  record("short", "quota"),
  record("long", "exceeded your current quota"),
]);
const recognise = (text: string) => tiny.recognise(queryUnits(text, 50), new Set(["87014"]));

describe("NeighbourIndex (tiny list)", () => {
  it("recognises a plain text, a kept code and a placeholder signature", () => {
    expect(recognise("ReplyError: OOM command not allowed when used memory > 'maxmemory'.")?.id).toBe("redis-oom");
    expect(recognise('{"errcode":87014,"errmsg":"risky content"}')?.id).toBe("content-security");
    expect(recognise('nginx: [emerg] unexpected "}" in /etc/nginx/nginx.conf:137')?.id).toBe("nginx");
  });

  it("does not take another number for a code, nor a word inside a longer word", () => {
    expect(recognise('{"errcode":87015}')).toBeNull();
    expect(recognise("OOM command not allowedx")).toBeNull();
    expect(recognise("Connection refused")).toBeNull();
  });

  it("prefers the most specific text and says on which line of a log it was", () => {
    const hit = recognise("starting worker\nopenai.RateLimitError: You exceeded your current quota, please check your plan");
    expect(hit).toMatchObject({ id: "long", signature: "exceeded your current quota", line: 2 });
  });
});

describe("NeighbourIndex built per test", () => {
  it("between equally specific texts, keeps the one printed first", () => {
    const index = new NeighbourIndex([record("pump", "zeta pump failure"), record("fans", "zeta fans failure")]);
    const keep = new Set<string>();
    expect(index.recognise([{ text: "zeta fans failure and zeta pump failure" }], keep)?.id).toBe("fans");
    expect(index.recognise([{ text: "zeta pump failure and zeta fans failure" }], keep)?.id).toBe("pump");
    expect(index.recognise(queryUnits("zeta pump failure\nzeta fans failure", 50), keep)).toMatchObject({ id: "pump", line: 1 });
    expect(index.recognise(queryUnits("zeta fans failure\nzeta pump failure", 50), keep)).toMatchObject({ id: "fans", line: 1 });
  });

  it("takes a more specific text found after a less specific one", () => {
    const index = new NeighbourIndex([record("short", "zeta pump"), record("long", "zeta pump failure in the main loop")]);
    expect(index.recognise(queryUnits("zeta pump stopped\nzeta pump failure in the main loop", 50), new Set())).toMatchObject({ id: "long", line: 2 });
  });

  it("gives no line for a one-line query, and nothing without neighbours", () => {
    const hit = new NeighbourIndex([record("only", "zeta pump failure")]).recognise([{ text: "zeta pump failure" }], new Set());
    expect(hit).toEqual({ id: "only", title: "only", hint: "hint of only", signature: "zeta pump failure", weight: hit?.weight, weightOn: new Map([[undefined, hit?.weight]]) });
    expect(hit && "line" in hit).toBe(false);
    expect(new NeighbourIndex([]).recognise([{ text: "zeta pump failure" }], new Set())).toBeNull();
  });
});

const content = await buildContent(path.resolve("content"));
if (!content.graph) throw new Error("content has errors");
const graph = content.graph;
const searcher = createSearcher(buildSearchIndex(graph));

describe("neighbours on the real content", () => {
  it("an error of a neighbouring problem is not answered with an entry, and says what it is", () => {
    const response = searcher.search("RedisException: OOM command not allowed when used memory > 'maxmemory'.");
    expect(response.confident).toBe(false);
    expect(response.results).toEqual([]);
    expect(response.neighbour).toMatchObject({ id: "redis-oom", signature: "OOM command not allowed when used memory" });
    expect(response.neighbour?.hint).toContain("maxmemory");
  });

  it("the neighbour, not the confidence gate, keeps a close match from being the answer", () => {
    // Both share the words of covered entries (待支付, 小程序 域名); without the neighbour they are answered.
    for (const [query, id] of [
      ["支付宝支付成功，但是订单一直显示待支付", "alipay-notify"],
      ["小程序 web-view 提示 不支持打开非业务域名", "miniprogram-webview-domain"],
    ] as const) {
      const response = searcher.search(query);
      expect(response.confident, query).toBe(false);
      expect(response.neighbour?.id).toBe(id);
      expect(response.suggestions.length).toBeGreaterThan(0);
    }
  });

  it("recognises a neighbour's text inside Markdown emphasis and in a WeChat errcode JSON", () => {
    for (const [query, id] of [
      ["When I try to connect with MySQL Workbench (using localhost) I get the message:\n\n_Access denied for user 'root'@'172.17.0.1' (using password: YES)_", "mysql-access-denied"],
      ["KeyError: 'access_token' {'errcode': 40125, 'errmsg': 'invalid appsecret rid: 6597b34f-49e4c9dc-1b25fb87'}", "wechat-credential-wrong"],
      ['Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: request canceled while waiting for connection', "docker-hub-unreachable"],
      ["itchat 扫码之后报错 KeyError: 'pass_ticket'", "wechat-web-login-blocked"],
      ["ModuleNotFoundError: No module named 'openai'", "python-module-missing"],
      ["fatal: unable to access 'https://github.com/x/y.git/': Failed to connect to github.com port 443: Connection timed out", "github-unreachable"],
      ["#11 [stage-1 7/15] RUN pip3 install --user -r requirements.txt\nERROR: Can not perform a '--user' install. User site-packages are not visible in this virtualenv.", "pip-user-in-virtualenv"],
      ["Error response from daemon: driver failed programming external connectivity on endpoint mysql: iptables failed: iptables --wait -t nat -A DOCKER -p tcp -d 0/0 --dport 3306 -j DNAT --to-destination 172.17.0.2:3306 ! -i docker0: iptables: No chain/target/match by that name.", "docker-iptables-chain-missing"],
      ['{"errcode":40096,"errmsg":"invalid external userid, hint: [1768979428_1_x]"}', "wecom-user-id"],
      ['Step 5/9 : RUN pip3 install --upgrade pip && pip3 install -r requirements.txt\n  File "/usr/bin/pip3", line 9, in <module>\n    from pip import main\nImportError: cannot import name \'main\'', "pip-main-import-error"],
      ['ImportError: cannot import name "main"', "pip-main-import-error"],
      ["用 QQ 邮箱发信，对方那边退信，说是垃圾邮件", "smtp-spam-rejected"],
    ] as const) {
      const response = searcher.search(query);
      expect(response.neighbour?.id, query).toBe(id);
      expect(response.confident, query).toBe(false);
    }
  });

  it("an entry that recognises an error text of its own is still the answer, with the neighbour noted", () => {
    const log = ["Error: connect ECONNREFUSED 127.0.0.1:6379", "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)", "ReplyError: OOM command not allowed when used memory > 'maxmemory'."].join("\n");
    const response = searcher.search(log);
    expect(response.confident).toBe(true);
    expect(response.results[0]?.signature).toBeDefined();
    expect(response.neighbour).toMatchObject({ id: "redis-oom", line: 3 });
  });

  it("a neighbour printed again on a later line still outweighs an entry's shorter error text there", () => {
    // The entry's `url not in domain list` is part of the neighbour's longer text on both lines.
    const log = ["生成海报失败：downloadFile:fail url not in domain list", '{"errMsg":"downloadFile:fail url not in domain list"}'].join("\n");
    const response = searcher.search(log);
    expect(response.neighbour).toMatchObject({ id: "miniprogram-other-domain-lists" });
    expect(response.confident).toBe(false);
  });

  it("no entry's own title, alias or signature is taken for a neighbour", () => {
    const built = buildSearchIndex(graph);
    const keep = new Set(built.keepNumbers);
    const index = new NeighbourIndex(loadNeighbours(built.neighbours, keep));
    const names = graph.entries.flatMap((e) => [e.title, ...e.aliases, ...e.signatures, ...(e.kind === "problem" ? e.causes.flatMap((c) => c.signatures) : [])]);
    const taken = names.filter((name) => index.recognise([{ text: name }], keep) !== null);
    expect(taken).toEqual([]);
  });

  it("every neighbour is recognised by each of its own signatures (none is shadowed by masking)", () => {
    const built = buildSearchIndex(graph);
    const keep = new Set(built.keepNumbers);
    const index = new NeighbourIndex(loadNeighbours(built.neighbours, keep));
    const example = (text: string) => text.replace("{path}", "/etc/nginx/nginx.conf").replace("{*}", " x ").replace("{n}", "7");
    for (const n of graph.neighbours) for (const sig of n.signatures) expect(index.recognise([{ text: example(sig) }], keep)?.id, sig).toBe(n.id);
  });
});
