import { describe, expect, it } from "vitest";
import { codeWithoutComments } from "@/content/rules/code";
import { containerCommands, hasComposeCommand } from "@/content/rules/compose";
import { dangerousCommands, dangerousSteps } from "@/content/rules/dangerous";
import { referralLinks, shellPlaceholders, upstreamExamples } from "@/content/rules/examples";
import { judgeQuestion } from "@/content/rules/polarity";
import { signatureFault } from "@/content/rules/signatures";
import { displaySignature, hasPlaceholders, parseSignature } from "@/content/signature-pattern";

describe("check polarity", () => {
  // The questions the content review found inverted (是 = all is well) or ambiguous, word for word.
  it.each([
    ["`https://photogooo.com` 是否已经出现在微信公众平台「服务器域名」的 request合法域名 列表里？", "all-is-well"],
    ["在服务器上执行下面的命令，aistudio 和 Nginx 是否都是运行状态、8000 端口是否有进程在监听？", "all-is-well"],
    ["阿里云 ECS 安全组的入方向规则和服务器自身的防火墙，是不是都已经放行了 443（HTTPS）？", "all-is-well"],
    ["你用的命令写法是否和当前终端对应（CMD、PowerShell、Linux / Git Bash 各用各的），并且是整行一次执行的？", "all-is-well"],
    ["在服务器上，`systemctl status aistudio` 显示的是不是非运行状态，或者 8000 端口上没有进程在监听？", "negated"],
    ["容器日志的最后几十行里有没有异常信息（例如以 `Unhandled exception.` 或 `crit:` 开头的行）？", "negated"],
    ["`wechat-api` 容器是不是没有处于 `Up` 状态，或者端口一栏里没有 8092？", "negated"],
    ["微信公众平台「服务器域名」的 request合法域名 里，是否还没有 `https://photogooo.com`？", "negated"],
    ["配置里的开关不是没有打开？", "double-negative"],
  ])("flags %s", (question, kind) => {
    expect(judgeQuestion(question)?.kind).toBe(kind);
  });

  it.each([
    "域名没有加进 request 合法域名？",
    "你的生产域名还没有加进微信公众平台「服务器域名」的 request合法域名？",
    "安全组的入方向规则或服务器自身的防火墙还没有放行 443（HTTPS）？",
    "开发者工具「详情」→「本地设置」里，勾选了「不校验合法域名、web-view（业务域名）、TLS 版本以及 HTTPS 证书」？",
    "MySQL 的版本是不是低于 5.7？",
    "部署时填写的数据库地址或 Redis 地址是不是 `127.0.0.1` 或 `localhost`？",
    "`config.js` 的 `production` 配置里，有地址和下面的写法不一致（例如域名少了 `.com`、多了端口号或用了 `http://`）？",
    "登记的域名和代码里的请求地址，一个带端口（例如 `:443`）、另一个不带，或者用的是 `http://`？",
    "日志里已经没有连接类的异常，数据库里却仍然没有 gptlink 的数据表？",
    "Is port 8092 open?",
  ])("accepts %s", (question) => {
    expect(judgeQuestion(question)).toBeNull();
  });

  it("reads quoted screen text as the reader's, not as the question's negation", () => {
    expect(judgeQuestion("提示的是「不支持打开非业务域名」？")).toBeNull();
    expect(judgeQuestion("输出是 `not found` 还是 `no such file`？")).toBeNull();
  });

  it("judges a flow step, whose options are labelled answers, only for negated wording", () => {
    expect(judgeQuestion("gptlink 容器在运行吗？", { choices: true })).toBeNull();
    expect(judgeQuestion("是不是没有写成 `https://`？", { choices: true })?.kind).toBe("negated");
  });
});

describe("dangerous commands", () => {
  it.each([
    ["sudo iptables -F", "iptables -F"],
    ["iptables -t filter --flush", "iptables -t filter --flush"],
    ["sudo iptables -P INPUT DROP", "iptables -P INPUT DROP"],
    ["sudo iptables -I INPUT -p tcp --dport 3306 -j ACCEPT", "iptables -I INPUT -p tcp --dport 3306 -j ACCEPT"],
    ["chmod -R 777 /data", "chmod -R 777"],
    ["rm -rf /", "rm -rf /"],
    ["rm -fr /*", "rm -fr /*"],
    ["DROP DATABASE gptlink;", "DROP DATABASE"],
    ["授权对象 0.0.0.0/0", "0.0.0.0/0"],
    ["bind-address = 0.0.0.0", "bind-address = 0.0.0.0"],
    ["sudo ufw disable", "ufw disable"],
    ["systemctl stop firewalld", "systemctl stop firewalld"],
    ["setenforce 0", "setenforce 0"],
    ["SELINUX=disabled", "SELINUX=disabled"],
    ["sudo ufw allow 6379", "ufw allow 6379"],
    ['{"force_refresh":true}', '"force_refresh":true'],
  ])("finds %s", (code, text) => {
    expect(dangerousCommands(code).map((d) => d.text)).toContain(text);
  });

  it.each([
    "sudo iptables -L -n --line-numbers",
    "sudo iptables -I INPUT -i docker0 -p tcp --dport 3306 -j ACCEPT",
    "sudo iptables -I INPUT -s 172.16.0.0/12 -p tcp --dport 6379 -j ACCEPT",
    "sudo iptables-save > /root/iptables.bak",
    "rm -rf /data/old-uploads",
    "chmod 755 /data/wechat-uploadall",
    "sudo ufw allow 443/tcp",
    "sudo ufw allow from 172.17.0.0/16 to any port 3306",
    "bind-address = 192.168.1.100",
    'curl -d \'{"force_refresh":false}\'',
  ])("leaves %s alone", (code) => {
    expect(dangerousCommands(code)).toEqual([]);
  });

  it("finds a secret reset written as a step", () => {
    expect(dangerousSteps("AppSecret 不确定时重置一次，并同步更新。")).toHaveLength(1);
    expect(dangerousSteps("在后台重新生成 EncodingAESKey。")).toHaveLength(1);
    expect(dangerousSteps("用户列表里还有「重置MFA」按钮。")).toEqual([]);
  });

  it("reads commands without their comments", () => {
    expect(dangerousCommands(codeWithoutComments("# 不要执行 iptables -F\niptables -S", "bash"))).toEqual([]);
    expect(dangerousCommands(codeWithoutComments("-- DROP TABLE users;\nSELECT 1;", "sql"))).toEqual([]);
  });
});

describe("signatures", () => {
  it.each([
    ["502", "bare-code"],
    ["502 Bad Gateway", "bare-code"],
    ["HTTP/1.1 404 Not Found", "bare-code"],
    ["535 Authentication failed", "bare-code"],
    ["服务器错误", "generic"],
    ["net::ERR_CONNECTION_REFUSED", "generic"],
    ["No route to host", "generic"],
    ["SMTP_PORT=25", "config"],
    ["export SMTP_PASS=secret", "config"],
    ["bind-address = 127.0.0.1", "config"],
    ["ALERT_EMAIL_ENABLED", "config"],
    ["工作台", "single-word"],
    ["可见范围", "single-word"],
    ["HEALTHCHECK", "single-word"],
    ["timeout", "generic"],
  ])("refuses %s", (signature, kind) => {
    expect(signatureFault(signature)?.kind).toBe(kind);
  });

  it.each([
    "Docker 部署时提示服务器错误",
    "SQLSTATE[HY000] [2002] Connection refused",
    "550 User has no permission",
    "errcode 40001",
    "60020",
    "8092 无法访问",
    "RestartPolicy=none",
    "EchoStr",
    "request:fail -100:net::ERR_CONNECTION_CLOSED",
    "[Errno 113] No route to host",
    "diagnose-wechat-api.sh",
    "域名主体校验未通过",
  ])("accepts %s", (signature) => {
    expect(signatureFault(signature)).toBeNull();
  });
});

describe("examples, placeholders and referral links", () => {
  it("finds the upstream project's own values", () => {
    const found = upstreamExamples("curl https://photogooo.com/api/user/visit; systemctl status aistudio; ss -tlnp | grep 8000");
    expect(found.map((f) => f.value)).toEqual(["photogooo.com", "/api/user/visit", "aistudio", "8000"]);
    expect(upstreamExamples("port 80000, v8000.1, my-aistudio-app")).toEqual([]);
  });

  it("tells placeholders from redirections", () => {
    expect(shellPlaceholders("docker cp <校验文件名>.txt x:/ && curl -H 'Bearer <API Key>'").map((p) => p.text)).toEqual([
      "<校验文件名>",
      "<API Key>",
    ]);
    expect(shellPlaceholders("openssl s_client </dev/null 2>/dev/null; cat <<EOF; diff <(ls a) <(ls b); cmd 2>&1")).toEqual([]);
  });

  it("finds referral parameters", () => {
    expect(referralLinks("https://railway.app/template/-FHS--?referralCode=RC3znh").map((r) => r.text)).toEqual(["?referralCode=RC3znh"]);
    expect(referralLinks("https://railway.app/template/-FHS--")).toEqual([]);
  });
});

describe("docker-compose forms", () => {
  it("finds container commands that name a compose service", () => {
    const code = "docker exec -it gptlink php x\ndocker cp a.txt gptlink:/app/gptweb/\ndocker logs gptlink\ndocker logs wechat-api\ndocker cp ./gptlink-logs x:/";
    expect(containerCommands(code).map((c) => c.text)).toEqual(["docker exec -it gptlink", "docker cp a.txt gptlink", "docker logs gptlink"]);
  });

  it("knows the compose forms", () => {
    expect(hasComposeCommand("docker-compose exec gptlink php x", "gptlink")).toBe(true);
    expect(hasComposeCommand('docker cp a "$(docker-compose ps -q gptlink)":/app', "gptlink")).toBe(true);
    expect(hasComposeCommand("docker compose logs gptlink", "gptlink")).toBe(true);
    expect(hasComposeCommand("docker logs gptlink", "gptlink")).toBe(false);
  });
});

describe("signatures with placeholders", () => {
  it("are judged by their own words", () => {
    expect(signatureFault("{host}: Connection refused")?.kind).toBe("generic");
    expect(signatureFault("HTTP/1.1 {n} Bad Gateway")?.kind).toBe("generic");
    expect(signatureFault("{n}")?.kind).toBe("bare-code");
    expect(signatureFault("connect ECONNREFUSED {loopback}:{port}")).toBeNull();
    expect(signatureFault("Can't connect to MySQL server on '{name}' ({n})")).toBeNull();
  });
});

describe("quoted screen text in a question", () => {
  it.each([
    "日志里出现的是 `服务是不是没有启动` 吗？",
    "提示的是『服务是不是没有启动』吗？",
    "提示的是“服务是不是没有启动”吗？",
    '提示的是 "服务是不是没有启动" 吗？',
  ])("is not read as the question's negation: %s", (question) => {
    // Unquoted, the same words are a negated question.
    expect(judgeQuestion(question.replace(/[`『』“”"]/g, ""))?.kind).toBe("negated");
    expect(judgeQuestion(question)).toBeNull();
  });

  it("is masked quote by quote, not from the first quote to the last", () => {
    expect(judgeQuestion("输出是 `a` 还是 `b`，服务是不是没有启动？")?.kind).toBe("negated");
    expect(judgeQuestion("提示“a”或“b”，服务是不是没有启动？")?.kind).toBe("negated");
  });
});

describe("code comments", () => {
  /** `code` with everything from `from` on replaced by spaces, as a blanked comment reads. */
  const blankedFrom = (code: string, from: string) => code.slice(0, code.indexOf(from)) + " ".repeat(code.length - code.indexOf(from));

  it("are blanked in place for each language family, and kept where the language has none", () => {
    expect(codeWithoutComments("echo a # iptables -F", "bash")).toBe(blankedFrom("echo a # iptables -F", " #"));
    expect(codeWithoutComments("rem iptables -F\n:: iptables -F\niptables -S", "cmd")).toBe(`${" ".repeat(15)}\n${" ".repeat(14)}\niptables -S`);
    expect(codeWithoutComments("REM iptables -F", "bat")).toBe(" ".repeat(15));
    expect(codeWithoutComments(":: iptables -F", "batch")).toBe(" ".repeat(14));
    expect(codeWithoutComments("SELECT 1; -- DROP TABLE t", "sql")).toBe(blankedFrom("SELECT 1; -- DROP TABLE t", "--"));
    expect(codeWithoutComments("x = 1 // rm -rf /", "js")).toBe(blankedFrom("x = 1 // rm -rf /", " //"));
    expect(dangerousCommands(codeWithoutComments("echo a # iptables -F", "text")).map((d) => d.text)).toEqual(["iptables -F"]);
    expect(dangerousCommands(codeWithoutComments("echo a # iptables -F", null)).map((d) => d.text)).toEqual(["iptables -F"]);
  });
});

describe("signature faults, read as a person reads them", () => {
  it.each([
    ["net::ERR_CONNECTION_REFUSED", "generic"],
    ["HTTP/2 Bad Gateway", "generic"],
    ["Connection refused.", "generic"],
    ["Connection   refused", "generic"],
    ["５０２", "bare-code"],
  ])("%s is %s", (signature, kind) => {
    expect(signatureFault(signature)?.kind).toBe(kind);
  });
});

describe("signature placeholders", () => {
  it("are shown by their Chinese names and found only when known", () => {
    expect(displaySignature("connect ECONNREFUSED {loopback}:{port}")).toBe("connect ECONNREFUSED ‹本机地址›:‹端口›");
    expect(hasPlaceholders("connect ECONNREFUSED {loopback}:{port}")).toBe(true);
    expect(hasPlaceholders("connect ECONNREFUSED {nope}")).toBe(false);
    expect(parseSignature("{host}:{port}").pieces).toEqual([{ placeholder: "host" }, { literal: ":" }, { placeholder: "port" }]);
  });
});
