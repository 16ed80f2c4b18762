import { describe, expect, it } from "vitest";
import { fold, maskVolatile, normalizeLine } from "@/search/normalize";

describe("fold", () => {
  it("turns full-width letters, digits and punctuation into half-width and lower case", () => {
    expect(fold("ＡｐｐＩＤ　参数错误：４００１")).toBe("appid参数错误:4001");
  });
  it("makes spacing around Chinese irrelevant", () => {
    expect(fold("AppID 参数错误")).toBe(fold("AppID参数错误"));
    expect(fold("redirect_uri 与 后台配置 不一致")).toBe("redirect_uri与后台配置不一致");
  });
  it("unifies curly and corner quotes", () => {
    expect(fold("Unexpected token ‘<’ 「x」")).toBe(`unexpected token '<' "x"`);
  });
});

describe("maskVolatile", () => {
  const mask = (s: string) => maskVolatile(fold(s));
  it("masks timestamps, dates and times", () => {
    expect(mask("2024-05-11 03:15:01 error")).toBe("<time> error");
    expect(mask("[2024-04-02T10:11:07.123Z] x")).toBe("[<time>] x");
    expect(mask("Jun 03 22:17:41 host")).toBe("jun <num> <time> host");
  });
  it("masks IPs with their ports but keeps loopback", () => {
    expect(mask("connect to 10.10.4.7:8092 failed")).toBe("connect to <ip> failed");
    expect(mask("DB_HOST=127.0.0.1")).toBe("db_host=127.0.0.1");
  });
  it("keeps scheme and path of URLs, drops host and query", () => {
    expect(mask("https://photogooo.com/api/user/visit?x=1&sid=abc")).toBe("https://<host>/api/user/visit");
    expect(mask("https://mybot.up.railway.app/wxcomapp")).toBe("https://<host>/wxcomapp");
  });
  it("masks UUIDs, hex ids, container ids and WeChat rid suffixes", () => {
    expect(mask("req 123e4567-e89b-12d3-a456-426614174000")).toBe("req <uuid>");
    expect(mask("Running in 83716c526776")).toBe("running in <hex>");
    expect(mask("invalid credential rid: 6523f1a2-0b1c2d3e-4f5a6b7c")).toBe("invalid credential rid: <id>");
  });
  it("masks random path segments and per-user directories", () => {
    expect(mask("'/tmp/pip-uninstall-y8n2hlf9/usr/local/bin/pip3'")).toBe("'/tmp/<path>/usr/local/bin/pip3'");
    expect(mask("/home/alice/app.log")).toBe("/home/<path>/app.log");
  });
  it("masks plain numbers but keeps error codes literal", () => {
    expect(mask("worker 18231 exit with status 255")).toBe("worker <num> exit with status 255");
    expect(mask("errcode 40001 and 42001, -40001, 60020")).toBe("errcode 40001 and 42001, -40001, 60020");
    expect(mask("HTTP 502 after 3 retries")).toBe("http 502 after <num> retries");
  });
  it("keeps the numbers the knowledge base itself uses", () => {
    expect(maskVolatile(fold("port 8092 and mysql 5.7"), { keepNumbers: new Set(["8092", "5.7"]) })).toBe("port 8092 and mysql 5.7");
    expect(maskVolatile(fold("port 8092 and mysql 5.7"))).toBe("port <num> and mysql <num>");
  });
  it("does not mask words that merely contain digits", () => {
    expect(mask("http2 socket5 sha256 pip3 x86_64")).toBe("http2 socket5 sha256 pip3 x86_64");
  });
});

describe("normalizeLine", () => {
  it("makes two occurrences of the same error equal", () => {
    const a = normalizeLine("Could not install packages due to an EnvironmentError: [Errno 2] No such file or directory: '/tmp/pip-uninstall-y8n2hlf9/usr/local/bin/pip3'");
    const b = normalizeLine("Could not install packages due to an EnvironmentError: [Errno 2] No such file or directory: '/tmp/pip-uninstall-3k_q9zw1/usr/local/bin/pip3'");
    expect(a).toBe(b);
  });
});
