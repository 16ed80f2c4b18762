import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSecretName, maskSecrets } from "@/search/secrets";
import { SECRET_CASES, SECRET_LOG } from "../helpers/secret-log";

describe("maskSecrets", () => {
  it.each([
    ["WeChat AppSecret setting", "WECHAT_APPSECRET=3f2b9c8d7e6a5b4c3d2e1f0a9b8c7d6e", "WECHAT_APPSECRET=***"],
    ["secret= in a URL", "GET /cgi-bin/token?grant_type=client_credential&appid=wx123&secret=3f2b9c8d7e6a", "GET /cgi-bin/token?grant_type=client_credential&appid=wx123&secret=***"],
    ["access_token= in a URL", "POST /cgi-bin/message/send?access_token=72_AbCdEf-GhIj", "POST /cgi-bin/message/send?access_token=***"],
    ["access_token in JSON", '{"access_token":"72_AbCdEf","expires_in":7200}', '{"access_token":"***","expires_in":7200}'],
    ["escaped JSON inside a log string", '"body":"{\\"password\\":\\"hunter2\\"}"', '"body":"{\\"password\\":\\"***\\"}"'],
    ["an OpenAI key", "OPENAI_API_KEY is sk-proj-AbCdEfGhIjKlMnOpQrStUv123456", "OPENAI_API_KEY is sk-***"],
    ["an SMTP password line", "SMTP_PASS=myAuthCode123", "SMTP_PASS=***"],
    ["a YAML password", "  password: hunter2", "  password: ***"],
    ["a quoted password with spaces", "password = 'correct horse battery'", "password = '***'"],
    ["an API key setting", 'API_KEY: "abcdef123456"', 'API_KEY: "***"'],
    ["a WeCom EncodingAESKey", "EncodingAESKey=jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "EncodingAESKey=***"],
    ["a password in a URL", "mysql://root:s3cret@10.0.0.5:3306/codo", "mysql://root:***@10.0.0.5:3306/codo"],
    ["redis without a user", "redis://:p4ss@redis:6379", "redis://:***@redis:6379"],
    ["a private key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----", "[PRIVATE KEY ***]"],
    ["an unterminated private key", "key:\n-----BEGIN PRIVATE KEY-----\nMIIEowIBAAKCAQEA", "key:\n[PRIVATE KEY ***]"],
    ["Authorization: Bearer", "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", "Authorization: Bearer ***"],
    ["Authorization: Basic", "authorization: Basic dXNlcjpwYXNz", "authorization: Basic ***"],
    ["a bare JWT", "token expired: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "token expired: ***"],
    ["a Cookie header", "Cookie: a=1; session=abc", "Cookie: ***"],
    ["an AWS key pair", "AKIAQWERTYUIOPASDFGH aws_secret_access_key=wJalrXUtnFEMI/K7MDENG", "*** aws_secret_access_key=***"],
    ["mysql -p", "mysql -uroot -p123456 -h db", "mysql -uroot -p*** -h db"],
    ["mysql -p'…'", "mysqldump -u root -p'a b' codo", "mysqldump -u root -p*** codo"],
    ["redis-cli -a", "redis-cli -h 10.0.0.3 -a r3dis ping", "redis-cli -h 10.0.0.3 -a *** ping"],
    ["--password=", "codo --db-password=abc --port=8080", "codo --db-password=*** --port=8080"],
    ["a phone number", "手机 +86 138-1234-5678 收不到", "手机 <phone> 收不到"],
    ["an e-mail address", "From: ops.team+alerts@mail.example.cn", "From: <email>"],
    ["a connection string", "Server=db;User Id=sa;Pwd=abc;", "Server=db;User Id=sa;Pwd=***;"],
    ["a Chinese label", "数据库密码：Abc123!", "数据库密码：***"],
    ["a setter call", "config.setPassword('Abc123')", "config.setPassword('***')"],
    ["smtplib's login by position", "server.login('me@qq.com', 'abcdefghijklmnop')", "server.login('<email>', '***')"],
    ["JavaMail's PasswordAuthentication", 'return new PasswordAuthentication(username, "MyPassw0rd");', 'return new PasswordAuthentication(username, "***");'],
    ["JavaMail's transport.connect", 'transport.connect("smtp.163.com", user, "AUTHCODE1234");', 'transport.connect("smtp.163.com", user, "***");'],
    ["docker login -p", "docker login -u me -p S3cretPass registry.example.com", "docker login -u me -p *** registry.example.com"],
  ])("masks %s", (_name, input, expected) => {
    expect(maskSecrets(input)).toBe(expected);
  });

  it.each(SECRET_CASES.map((c) => [c.kind, c] as const))("masks the probe's %s", (_kind, c) => {
    expect(maskSecrets(c.line)).not.toContain(c.secret);
  });

  it.each([
    ["a setting after a label", "found: WECHATPAY_APIV3_KEY=Qm9wZ3N1", "found: WECHATPAY_APIV3_KEY=***"],
    ["a setting in a bare value", "env:SMTP_PASS=abc123)", "env:SMTP_PASS=***)"],
    ["a setting inside a quoted log message", '{"level":"error","msg":"login failed password=hunter2 for admin"}', '{"level":"error","msg":"login failed password=*** for admin"}'],
    ["a header after a label", "request header x-a: token=abc123", "request header x-a: token=***"],
  ])("masks %s", (_name, input, expected) => {
    expect(maskSecrets(input)).toBe(expected);
  });

  // Log lines put a label, a level or a timestamp before what they quote.
  const PREFIXES = ["ERROR: ", "env: ", "detail=", "[2024-06-01 10:05:12] app.ERROR: ", "msg="];
  it.each(PREFIXES.flatMap((prefix) => SECRET_CASES.filter((c) => !c.line.includes("\n")).map((c) => [`${prefix}…${c.kind}`, prefix, c] as const)))(
    "masks %s",
    (_name, prefix, c) => {
      expect(maskSecrets(`${prefix}${c.line}`)).not.toContain(c.secret);
    },
  );

  it("masks a whole log holding every kind", () => {
    const masked = maskSecrets(SECRET_LOG);
    for (const c of SECRET_CASES) expect(masked, c.kind).not.toContain(c.secret);
    expect(masked).toContain("errcode 40001");
  });

  it.each([
    "2024-06-01 10:05:12 WARN errcode 42001 access_token expired, SMTP_PORT=25",
    "ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: YES)",
    "docker run -d --name mysql -p 3306:3306 mysql:5.7",
    "server.login(user, password)",
    '{"errcode":40001,"errmsg":"invalid credential, access_token is invalid or not latest"}',
    "SQLSTATE[HY000] [2002] Connection refused",
    "hint: [1700012345074312345678], from ip: 35.212.44.120",
    '{"max_tokens": 2048, "token_type": "Bearer"}',
    'tcp LISTEN 0 4096 0.0.0.0:8090 users:(("docker-proxy",pid=18231,fd=4)) ino:712201 sk:1001',
  ])("leaves alone: %s", (line) => {
    expect(maskSecrets(line)).toBe(line);
  });

  it("is idempotent", () => {
    const once = maskSecrets(SECRET_LOG);
    expect(maskSecrets(once)).toBe(once);
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => maskSecrets(maskSecrets(text)) === maskSecrets(text)));
  });
});

describe("isSecretName", () => {
  it.each(["SMTP_PASS", "apiV3Key", "corpsecret", "session_key", "Pwd", "X-Auth-Token", "aws_secret_access_key", "mch_key", "auth"])("%s is secret", (name) => {
    expect(isSecretName(name)).toBe(true);
  });
  it.each(["SMTP_PORT", "max_tokens", "token_type", "expires_in", "errmsg", "bypass", "appid", "key"])("%s is not", (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});
