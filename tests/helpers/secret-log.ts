/**
 * A pasted log that holds one of each kind of secret and personal data the masking must catch
 * (the 20 kinds of the hostile-input probe, plus private keys and DSNs), and the exact strings
 * that must never come back in any response. Each value is unique, so a leak names its kind.
 */
export interface SecretCase {
  readonly kind: string;
  /** A line as it appears in a real log or config. */
  readonly line: string;
  /** What must not appear anywhere in the output. */
  readonly secret: string;
}

export const SECRET_CASES: readonly SecretCase[] = [
  { kind: "WeChat Pay APIv3 key, env", line: "WECHATPAY_APIV3_KEY=Qm9wZ3N1cGVyc2VjcmV0YXBpdjNrZXkx", secret: "Qm9wZ3N1cGVyc2VjcmV0YXBpdjNrZXkx" },
  { kind: "WeChat Pay APIv3 key, JSON", line: '{"mchid":"1900000109","apiV3Key":"Zk8pL2mN4qR6sT8uV0wX2yZ4aB6cD8eF"}', secret: "Zk8pL2mN4qR6sT8uV0wX2yZ4aB6cD8eF" },
  { kind: "WeChat Pay APIv3 key, Chinese label", line: "商户平台 APIv3密钥：Hq3Jt5Lv7Nx9Pz1Rb3Td5Vf7Xh9Zj1Lm", secret: "Hq3Jt5Lv7Nx9Pz1Rb3Td5Vf7Xh9Zj1Lm" },
  { kind: "WeChat Pay APIv3 key, builder call", line: '    .apiV3Key("Wn2Ep4Gr6It8Kv0Mx2Oz4Qb6Sd8Uf0Wh")', secret: "Wn2Ep4Gr6It8Kv0Mx2Oz4Qb6Sd8Uf0Wh" },
  {
    kind: "Authorization: Bearer <JWT>",
    line: "curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqd3RsZWFrIn0.c2lnbmF0dXJlSldUbGVhaw' https://api.example.com/v1/me",
    secret: "eyJzdWIiOiJqd3RsZWFrIn0",
  },
  { kind: "AWS access key id", line: "aws_access_key_id = AKIAQWERTYUIOPASDFGH", secret: "AKIAQWERTYUIOPASDFGH" },
  { kind: "AWS secret access key", line: "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYawsleak1", secret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYawsleak1" },
  { kind: "redis://:pass@host", line: "REDIS_URL=redis://:RedisLeak_pw42@redis.internal:6379/0", secret: "RedisLeak_pw42" },
  {
    kind: "WeCom corpsecret=",
    line: "GET https://qyapi.weixin.qq.com/cgi-bin/gettoken?corpid=ww1234567890abcdef&corpsecret=CorpSecretLeak-9f8e7d6c5b4a3f2e1d0c",
    secret: "CorpSecretLeak-9f8e7d6c5b4a3f2e1d0c",
  },
  { kind: "mysql -p<password>", line: "root@vm:~# mysql -h 127.0.0.1 -uroot -pMysqlLeak#2024 codo", secret: "MysqlLeak#2024" },
  { kind: "Cookie: header", line: "Cookie: sessionid=CookieLeak7a8b9c0d; csrftoken=CsrfLeak1a2b3c", secret: "CookieLeak7a8b9c0d" },
  { kind: "phone number", line: "告警短信发送到 13812345678 失败", secret: "13812345678" },
  { kind: "e-mail address", line: "smtplib.SMTPRecipientsRefused: {'leaky.person@example.com': (550, b'User not found')}", secret: "leaky.person" },
  { kind: "private key", line: "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAprivatekeyleak\n-----END RSA PRIVATE KEY-----", secret: "MIIEpAIBAAKCAQEAprivatekeyleak" },
  { kind: "DSN", line: "DATABASE_URL=postgres://codo:DsnLeakPass1@db.internal:5432/codo?sslmode=disable", secret: "DsnLeakPass1" },
  { kind: "password in JSON", line: '{"username":"admin","password":"JsonLeakPass!9"}', secret: "JsonLeakPass!9" },
  { kind: "secret in env", line: "WECHAT_APPSECRET=3f2b9c8d7e6a5b4c3d2e1f0aEnvLeak", secret: "3f2b9c8d7e6a5b4c3d2e1f0aEnvLeak" },
  { kind: "token in a URL", line: "POST https://api.weixin.qq.com/cgi-bin/message/custom/send?access_token=72_UrlTokenLeak_AbCdEf", secret: "72_UrlTokenLeak_AbCdEf" },
  { kind: "token on a command line", line: "codo-cli login --token CliTokenLeak0123456789 --verbose", secret: "CliTokenLeak0123456789" },
  { kind: "OpenAI key", line: "openai.AuthenticationError: Incorrect API key provided: sk-proj-OpenAiLeakAbCdEfGhIjKlMn", secret: "OpenAiLeakAbCdEfGhIjKlMn" },
  { kind: "SMTP password", line: "SMTP_PASS=SmtpAuthCodeLeak", secret: "SmtpAuthCodeLeak" },
  { kind: "WeCom robot webhook key", line: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aoc-4bc4-97a0-webhookleak", secret: "webhookleak" },
  { kind: "connection string password", line: "Server=db;Database=wechat;User Id=sa;Password=AdoNetLeak42;", secret: "AdoNetLeak42" },
  { kind: "Go MySQL DSN", line: 'dsn: "root:GoDsnLeak99@tcp(127.0.0.1:3306)/codo"', secret: "GoDsnLeak99" },
];

/** The whole paste: every case on its own line, around an error the knowledge base knows. */
export const SECRET_LOG = [
  "2024-06-01 10:05:12 ERROR wechat api returned {\"errcode\":40001,\"errmsg\":\"invalid credential, access_token is invalid or not latest\"}",
  ...SECRET_CASES.map((c) => c.line),
  "2024-06-01 10:05:13 ERROR request failed: errcode 40001",
].join("\n");
