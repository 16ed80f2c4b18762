import { describe, expect, it } from "vitest";
import { questionOverlap, sameQuestion } from "@/content/question-similarity";

describe("sameQuestion", () => {
  it.each([
    ["MySQL 的版本低于 5.7 吗？", "MySQL 的版本是不是低于 5.7？"],
    ["这是用 docker-compose 第一次启动吗？", "是不是用 docker-compose 第一次启动，而且 `docker-compose logs gptlink` 里出现了连接数据库或 Redis 失败的异常？"],
    ["数据库或 Redis 的地址填的是 127.0.0.1 或 localhost 吗？", "部署时填写的数据库地址或 Redis 地址是不是 `127.0.0.1` 或 `localhost`？"],
    ["发一条消息后，Railway 的日志里有带来源 IP 的报错吗？", "在应用里发一条消息后，Railway 的服务日志里是否出现了带来源 IP 的报错？"],
  ])("takes 「%s」 and 「%s」 for the same question", (a, b) => {
    expect(sameQuestion(a, b)).toBe(true);
    expect(sameQuestion(b, a)).toBe(true);
  });

  it.each([
    ["报错码是不是 404，而且最近改过域名或网关相关的配置？", "报错码是不是 500？"],
    ["gptlink 容器在运行吗？", "容器日志里有连接数据库或 Redis 失败的报错吗？"],
    ["MySQL 的版本是不是低于 5.7？", "部署时填写的数据库地址或 Redis 地址是不是 `127.0.0.1` 或 `localhost`？"],
    ["", "MySQL 的版本是不是低于 5.7？"],
  ])("tells 「%s」 and 「%s」 apart", (a, b) => {
    expect(sameQuestion(a, b)).toBe(false);
  });

  it("measures labels against the longer one, so a negation does not read alike", () => {
    expect(questionOverlap("在运行", "不在运行，或者一启动就退出")).toBe(1);
    expect(questionOverlap("在运行", "不在运行，或者一启动就退出", "longer")).toBeLessThan(0.5);
  });
});
