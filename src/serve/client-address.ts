import { isIP } from "node:net";
import proxyaddr from "proxy-addr";
import { trustList } from "@/config/env";

/**
 * Who the client is, seen from behind the front. The front appends the address of whoever
 * connected to it to X-Forwarded-For (src/front/handler.ts); from that last hop, earlier hops are
 * believed only while the hop that wrote them is a proxy in TRUST_PROXY — the same answer the
 * front's own per-client limit gets from proxy-addr (src/front/main.ts), so one client is one
 * client everywhere, and a client cannot pick its own address by sending the header.
 */
const compiled = new Map<string, (address: string, hop: number) => boolean>();

export function clientBehindFront(forwardedFor: string | null, trustProxy: string): string {
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop !== "");
  let client = hops.pop();
  if (client === undefined) return "unknown";
  let trust = compiled.get(trustProxy);
  if (!trust) {
    trust = proxyaddr.compile(trustList(trustProxy));
    compiled.set(trustProxy, trust);
  }
  for (let hop = 0; hops.length > 0 && isIP(client) !== 0 && trust(client, hop); hop++) client = hops.pop() ?? client;
  return client;
}
