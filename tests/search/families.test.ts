import { describe, expect, it } from "vitest";
import { detectFamilies, explain, familyTerms, type FamilyHit } from "@/search/families";
import { fold } from "@/search/normalize";

const first = (line: string): FamilyHit | undefined => detectFamilies(fold(line))[0];

/** Lines as real tools print them (MySQL clients, Redis clients, Node, Go, smtplib, Nodemailer, nginx, WeChat). */
describe("error families", () => {
  it.each([
    ["Error: connect ECONNREFUSED 172.19.0.2:3306", "refused", { host: "172.19.0.2", port: "3306", service: "mysql" }],
    ["django.db.utils.OperationalError: (2003, \"Can't connect to MySQL server on 'db' (111)\")", "refused", { host: "db", service: "mysql" }],
    ["redis.exceptions.ConnectionError: Error 111 connecting to 127.0.0.1:6379. Connection refused.", "refused", { host: "127.0.0.1", port: "6379", service: "redis" }],
    ["dial tcp 127.0.0.1:3306: connect: connection refused", "refused", { host: "127.0.0.1", port: "3306", service: "mysql" }],
    ["SQLSTATE[HY000] [2002] Connection refused", "refused", { service: "mysql" }],
    ["Error: connect ETIMEDOUT 43.129.11.7:25", "timeout", { host: "43.129.11.7", port: "25", service: "smtp" }],
    ["ERROR 2003 (HY000): Can't connect to MySQL server on '192.168.1.20' (113)", "unreachable", { host: "192.168.1.20" }],
    ["getaddrinfo ENOTFOUND mysql", "dns", {}],
    ["smtplib.SMTPAuthenticationError: (535, b'Error: authentication failed')", "smtp-auth", { service: "smtp" }],
    ["Error: Invalid login: 535-5.7.8 Username and Password not accepted.", "smtp-auth", {}],
    ['{"errcode":40164,"errmsg":"invalid ip 47.98.12.34 ipv6 ::ffff:47.98.12.34, not in whitelist rid: 65f0a1b2"}', "ip-whitelist", { ip: "47.98.12.34" }],
    ["SyntaxError: Unexpected token '<', \"<!DOCTYPE \"... is not valid JSON", "html-json", {}],
    ["502 Bad Gateway", "gateway", {}],
    ["request:fail -200:net::ERR_CERT_COMMON_NAME_INVALID", "tls", {}],
    ["mkdir: cannot create directory '/bitnami/mariadb': Permission denied", "permission", {}],
  ])("%s → %s", (line, family, facts) => {
    const hit = first(line);
    expect(hit?.family).toBe(family);
    expect(hit).toMatchObject(facts);
  });

  it("finds nothing in a line that reports no failure", () => {
    expect(detectFamilies(fold("2024-06-01 10:00:00 INFO worker started, listening on 0.0.0.0:80"))).toEqual([]);
  });

  it("turns families into concept terms shared by entries and queries", () => {
    expect(familyTerms(detectFamilies(fold("connect ECONNREFUSED 10.0.0.5:6379")))).toEqual(["~fam:refused", "~svc:redis"]);
  });
});

describe("explanations", () => {
  it("says that a loopback address inside a container is the container itself", () => {
    const text = explain(first("Error: connect ECONNREFUSED 127.0.0.1:3306")!);
    expect(text).toContain("127.0.0.1:3306");
    expect(text).toContain("MySQL");
    expect(text).toContain("容器自己");
  });

  it("reads a single-label host as a compose service name", () => {
    expect(explain(first("Can't connect to MySQL server on 'db' (111)")!)).toContain("compose 里的服务名");
  });

  it("names the address to whitelist", () => {
    expect(explain(first("invalid ip 101.45.43.1 ipv6 ::ffff:101.45.43.1, not in whitelist")!)).toContain("101.45.43.1");
  });

  it("points at port 25 being blocked when an SMTP connection times out", () => {
    expect(explain(first("connect ETIMEDOUT 43.129.11.7:25")!)).toContain("25 端口");
  });

  it("has nothing to add when the line names nothing", () => {
    expect(explain({ family: "refused" })).toBeNull();
  });
});
