import { expect, it } from "vitest";
import { readCappedBody } from "@/serve/read-body";

const post = (body: BodyInit | null) => new Request("http://x/api", { method: "POST", body, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);

it("reads a body up to the limit, and nothing as empty text", async () => {
  expect(await readCappedBody(post("你好 world"), 64)).toBe("你好 world");
  expect(await readCappedBody(post(null), 64)).toBe("");
});

it("stops at the limit, whatever the client declared", async () => {
  expect(await readCappedBody(post("x".repeat(65)), 64)).toBeNull();
  let pulled = 0;
  const endless = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      controller.enqueue(new Uint8Array(1024));
    },
  });
  expect(await readCappedBody(post(endless), 4096)).toBeNull();
  expect(pulled).toBeLessThan(10);
});
