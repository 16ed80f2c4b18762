import { describe, expect, it } from "vitest";
import { isSecretName, maskSecrets } from "@/search/secrets";

/** Secret settings written inside other values, and the names that are or are not secret. */
describe("maskSecrets inside a setting's value", () => {
  it("masks a secret setting written inside another setting's value", () => {
    expect(maskSecrets("env:SMTP_PASS=abc123 run")).toBe("env:SMTP_PASS=*** run");
    expect(maskSecrets("config: db=main,password=abc)")).toBe("config: db=main,password=***)");
  });

  it("masks the first secret setting inside a bare value, whatever separates it", () => {
    expect(maskSecrets("ENV=SMTP_PASS=abc123")).toBe("ENV=SMTP_PASS=***");
    expect(maskSecrets("command=env:DB_PASSWORD=abc run")).toBe("command=env:DB_PASSWORD=*** run");
    expect(maskSecrets("cmd: a=b:password=abc")).toBe("cmd: a=b:password=***");
    expect(maskSecrets("x=secret:abc")).toBe("x=secret:***");
    expect(maskSecrets("x=db_pwd：abc")).toBe("x=db_pwd：***");
    expect(maskSecrets("x=env:DB_PASSWORD=abc)")).toBe("x=env:DB_PASSWORD=***)");
    expect(maskSecrets("x=1pass=abc")).toBe("x=1pass=abc");
    expect(maskSecrets(`x=${"n".repeat(70)}_pass=abc`)).toBe(`x=${"n".repeat(70)}_pass=abc`);
  });

  it("reads the name a value ends with as the next setting's name, spaced out", () => {
    expect(maskSecrets("ERROR: aws_secret_access_key = wJalrXUtn")).toBe("ERROR: aws_secret_access_key = ***");
    expect(maskSecrets("ERROR: my.api-key = wJalr")).toBe("ERROR: my.api-key = ***");
  });

  it("keeps the brackets that close around a value", () => {
    expect(maskSecrets("note: the password: (abc)]")).toBe("note: the password: ***)]");
  });

  it("takes a name only if it starts with a letter and is at most 64 characters", () => {
    expect(maskSecrets("cmd: 1pass=abc")).toBe("cmd: 1pass=abc");
    expect(maskSecrets(`cmd: ${"x".repeat(58)}_pass=abc`)).toBe(`cmd: ${"x".repeat(58)}_pass=***`);
    expect(maskSecrets(`cmd: ${"x".repeat(70)}_pass=abc`)).toBe(`cmd: ${"x".repeat(70)}_pass=abc`);
    expect(maskSecrets(`ERROR: ${"a".repeat(70)}_secret = wJalr`)).toBe(`ERROR: ${"a".repeat(70)}_secret = wJalr`);
  });

  it("leaves answers and empty values alone", () => {
    expect(maskSecrets("Access denied for user 'root'@'localhost' (using password: YES)")).toBe("Access denied for user 'root'@'localhost' (using password: YES)");
    expect(maskSecrets("got: env:PASSWORD=")).toBe("got: env:PASSWORD=");
    expect(maskSecrets("x: a:b=c")).toBe("x: a:b=c");
  });

  it("masks a command's password option only on the lines that run that command", () => {
    expect(maskSecrets("mysql -uroot -p123456\ndocker run -p8080:80 nginx")).toBe("mysql -uroot -p***\ndocker run -p8080:80 nginx");
  });
});

describe("isSecretName", () => {
  it.each([
    ["access_token", true],
    ["token_store", true],
    ["SMTP_PASS", true],
    ["DB_PWD", true],
    ["auth", true],
    ["appkey", true],
    ["max_tokens", false],
    ["token_type", false],
    ["token_expires_in", false],
    ["token_expired_at", false],
    ["token_expire", false],
    ["oauth", false],
    ["myappkey", false],
    ["bypass", false],
    ["_", false],
  ] as const)("%s → %s", (name, secret) => {
    expect(isSecretName(name)).toBe(secret);
  });
});
