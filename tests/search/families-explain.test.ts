import { describe, expect, it } from "vitest";
import { detectFamilies, explain, type FamilyHit } from "@/search/families";
import { fold } from "@/search/normalize";

/**
 * Which advice a line's host, port and code lead to, on made-up hits: the sentence for a private
 * address is not the one for a public one, a refused connection is not a timeout. Checked by the
 * facts each sentence must carry, not by its wording.
 */
const say = (hit: FamilyHit) => explain(hit) ?? "";

describe("explain: where the connection went", () => {
  it("tells a refused private address from a timed-out one: nothing listening versus a firewall", () => {
    const refused = say({ family: "refused", host: "10.0.0.5", port: "3306", service: "mysql" });
    expect(refused).toContain("内网地址 10.0.0.5:3306（MySQL）");
    expect(refused).toContain("被拒绝");
    expect(refused).toContain("没有在监听");
    const timeout = say({ family: "timeout", host: "192.168.1.20", port: "6379", service: "redis" });
    expect(timeout).toContain("内网地址 192.168.1.20:6379（Redis）");
    expect(timeout).toContain("超时");
    expect(timeout).toContain("防火墙");
    expect(say({ family: "unreachable", host: "172.20.0.3" })).toContain("不可达");
    // 172.32.x is outside the private 172.16–31 range.
    expect(say({ family: "refused", host: "172.32.0.1" })).not.toContain("内网");
  });

  it("gives a public address the general advice, by family", () => {
    expect(say({ family: "refused", host: "43.129.11.7", port: "443", service: "https" })).toBe("你连的是 43.129.11.7:443（HTTPS），连接被拒绝。对方这个端口没有程序在监听，或被防火墙拒绝。");
    const timeout = say({ family: "timeout", host: "43.129.11.7", port: "587", service: "smtp" });
    expect(timeout).toContain("43.129.11.7:587（SMTP 邮件服务）");
    expect(timeout).toContain("安全组");
    expect(timeout).not.toContain("25 端口");
  });

  it("blames port 25 only for an SMTP timeout, not for a refused SMTP connection", () => {
    expect(say({ family: "timeout", host: "smtp.qq.com", port: "25", service: "smtp" })).toContain("25 端口");
    expect(say({ family: "refused", host: "smtp.qq.com", port: "25", service: "smtp" })).not.toContain("25 端口");
  });

  it("reads a compose service name: a refusal means not started yet, a timeout is only reported", () => {
    expect(say({ family: "refused", host: "redis", port: "6379" })).toContain("还没启动完");
    const timeout = say({ family: "timeout", host: "mysql", port: "3306" });
    expect(timeout).toContain("compose 里的服务名");
    expect(timeout).toContain("连接超时");
    expect(timeout).not.toContain("还没启动完");
  });

  it("points out a service name with a database's non-default port: likely the port published on the host", () => {
    const published = say({ family: "refused", host: "redis-prod", port: "6380", service: "redis" });
    expect(published).toContain("默认 6379");
    expect(published).toContain("6380 多半是映射出来的");
    expect(say({ family: "refused", host: "redis", port: "6379", service: "redis" })).not.toContain("映射");
    expect(say({ family: "timeout", host: "db", port: "8080", service: "http" })).not.toContain("映射");
    expect(say({ family: "refused", host: "db", port: "33060", service: "mysql" })).toContain("默认 3306");
  });

  it("names the port, or the service alone, when the line has no host", () => {
    expect(say({ family: "refused", port: "3306", service: "mysql" })).toContain("端口 3306（MySQL）");
    expect(say({ family: "timeout", service: "redis" })).toContain("你连的是 Redis，");
  });

  it("treats every loopback spelling as the container itself", () => {
    for (const host of ["localhost", "0.0.0.0", "::1"]) expect(say({ family: "timeout", host })).toContain("容器自己");
  });
});

describe("explain: the other families", () => {
  it("names a host that does not resolve, and has nothing to say without one", () => {
    expect(say({ family: "dns", host: "db" })).toContain("主机名 db 解析不出来");
    expect(explain({ family: "dns" })).toBeNull();
  });

  it("gives the SMTP code with the advice on authorization codes", () => {
    expect(say({ family: "smtp-auth", code: "535" })).toContain("（535）");
    expect(say({ family: "smtp-auth" })).toContain("授权码");
    expect(say({ family: "smtp-auth" })).toMatch(/^邮件服务器拒绝了登录：/);
  });

  it("does not ask to whitelist a loopback address", () => {
    expect(explain({ family: "ip-whitelist", ip: "127.0.0.1" })).toBeNull();
    expect(explain({ family: "ip-whitelist" })).toBeNull();
  });

  it("explains HTML where JSON was expected, a gateway's code, and has nothing for TLS or permissions", () => {
    expect(say({ family: "html-json" })).toContain("HTML");
    expect(say({ family: "gateway", code: "502" })).toContain("502 是网关");
    expect(explain({ family: "gateway" })).toBeNull();
    expect(explain({ family: "tls", host: "api.example.com" })).toBeNull();
    expect(explain({ family: "permission" })).toBeNull();
  });
});

describe("detectFamilies: the facts of a line", () => {
  it("takes the service from the port before the words, and the host from a quoted name", () => {
    expect(detectFamilies(fold("redis connection refused 10.0.0.5:3306"))[0]).toMatchObject({ service: "mysql", host: "10.0.0.5", port: "3306" });
    expect(detectFamilies(fold("Can't connect to MySQL server on 'db.internal' (111)"))[0]).toMatchObject({ host: "db.internal", code: "111", service: "mysql" });
  });

  it("reads only the first 2000 characters of a very long line", () => {
    expect(detectFamilies(fold(`${"x".repeat(2000)} connection refused`))).toEqual([]);
    expect(detectFamilies(fold(`${"x".repeat(1970)} connection refused`)).map((h) => h.family)).toEqual(["refused"]);
  });
});
