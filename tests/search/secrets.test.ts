import { describe, expect, it } from "vitest";
import { maskSecrets } from "@/search/secrets";

describe("maskSecrets", () => {
  it.each([
    ["WeChat AppSecret setting", "WECHAT_APPSECRET=3f2b9c8d7e6a5b4c3d2e1f0a9b8c7d6e", "WECHAT_APPSECRET=***"],
    ["secret= in a URL", "GET /cgi-bin/token?grant_type=client_credential&appid=wx123&secret=3f2b9c8d7e6a", "GET /cgi-bin/token?grant_type=client_credential&appid=wx123&secret=***"],
    ["access_token= in a URL", "POST /cgi-bin/message/send?access_token=72_AbCdEf-GhIj", "POST /cgi-bin/message/send?access_token=***"],
    ["access_token in JSON", '{"access_token":"72_AbCdEf","expires_in":7200}', '{"access_token":"***","expires_in":7200}'],
    ["an OpenAI key", "OPENAI_API_KEY is sk-proj-AbCdEfGhIjKlMnOpQrStUv123456", "OPENAI_API_KEY is sk-***"],
    ["an SMTP password line", "SMTP_PASS=myAuthCode123", "SMTP_PASS=***"],
    ["a YAML password", "  password: hunter2", "  password: ***"],
    ["an API key setting", 'API_KEY: "abcdef123456"', 'API_KEY: "***"'],
    ["a WeCom EncodingAESKey", "EncodingAESKey=jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "EncodingAESKey=***"],
    ["a password in a URL", "mysql://root:s3cret@10.0.0.5:3306/codo", "mysql://root:***@10.0.0.5:3306/codo"],
    ["a private key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----", "-----BEGIN PRIVATE KEY----- *** -----END PRIVATE KEY-----"],
  ])("masks %s", (_name, input, expected) => {
    expect(maskSecrets(input)).toBe(expected);
  });

  it("leaves ordinary log lines alone", () => {
    const line = "2024-06-01 10:05:12 WARN errcode 42001 access_token expired, SMTP_PORT=25";
    expect(maskSecrets(line)).toBe(line);
  });
});
