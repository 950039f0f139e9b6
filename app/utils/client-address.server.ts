// The address a request came from, for limits kept per client (sign-in
// attempts). The production server (server/index.mjs) knows the socket's
// remote address and hands it to the router in the load context, through
// loadContextFor (exported by app/entry.server.tsx). X-Forwarded-For is read
// only when TRUST_PROXY says how many proxies of ours stand in front: anyone can
// write that header, so without a proxy that sets it, it is ignored.
import { isIPv4, isIPv6 } from "node:net";
import { createContext, RouterContextProvider } from "react-router";

/** Where the address is not known (the development server, a test that sets none). */
export const UNKNOWN_ADDRESS = "unknown";

export const clientAddressContext = createContext<string>(UNKNOWN_ADDRESS);

type ContextReader = Pick<RouterContextProvider, "get">;

/** The client address of the request being handled, as counted (see addressBucket). */
export function clientAddress(context: ContextReader): string {
  return context.get(clientAddressContext);
}

/**
 * TRUST_PROXY: how many proxies of ours forward requests to the portal. Unset,
 * empty, "0" or "false": none, the socket's address is the client's. "true" is
 * one. A wrong value stops the server at start-up rather than being guessed at.
 */
export function trustedProxyHops(environment: Record<string, string | undefined> = process.env): number {
  const value = (environment.TRUST_PROXY ?? "").trim().toLowerCase();
  if (value === "" || value === "false" || value === "0") return 0;
  if (value === "true") return 1;
  if (/^[1-9]\d?$/.test(value)) return Number(value);
  throw new Error(`The portal cannot start: TRUST_PROXY must be the number of proxies in front of it (0, 1, 2…), not "${environment.TRUST_PROXY}".`);
}

/** Eight groups of four hex digits, or null when `address` is not IPv6. */
function ipv6Groups(address: string): string[] | null {
  if (!isIPv6(address)) return null;
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split(".").map(Number) as [number, number, number, number];
    text = text.slice(0, -v4[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  const groups = [...left, ...zeros, ...right];
  return groups.length === 8 ? groups.map((g) => g.padStart(4, "0").toLowerCase()) : null;
}

/**
 * The form an address is counted under. IPv4 as it is (also when written as
 * IPv4-mapped IPv6); IPv6 by its /64, because one subscriber is given a whole
 * /64 and could otherwise take a fresh address for every attempt. Anything that
 * is not an address counts as UNKNOWN_ADDRESS.
 */
export function addressBucket(raw: string | null | undefined): string {
  let address = (raw ?? "").trim();
  if (address.startsWith("[")) address = address.slice(1, address.indexOf("]") === -1 ? undefined : address.indexOf("]"));
  const zone = address.indexOf("%");
  if (zone !== -1) address = address.slice(0, zone);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  if (isIPv4(address)) return address;
  const groups = ipv6Groups(address);
  if (!groups) return UNKNOWN_ADDRESS;
  if (groups.slice(0, 5).every((g) => g === "0000") && groups[5] === "ffff") {
    const [hi, lo] = [parseInt(groups[6]!, 16), parseInt(groups[7]!, 16)];
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return `${groups.slice(0, 4).join(":")}::/64`;
}

/**
 * The client's address: the socket's, or with `trustedHops` proxies in front,
 * the entry of X-Forwarded-For that the farthest of them wrote (each proxy
 * appends the address it received from, so entries further left were written
 * by the client and prove nothing).
 */
export function resolveClientAddress(
  remoteAddress: string | null | undefined,
  forwardedFor: string | readonly string[] | null | undefined,
  trustedHops: number,
): string {
  if (trustedHops > 0 && forwardedFor) {
    const entries = (typeof forwardedFor === "string" ? [forwardedFor] : forwardedFor)
      .flatMap((h) => h.split(","))
      .map((e) => e.trim())
      .filter(Boolean);
    if (entries.length > 0) return addressBucket(entries[Math.max(0, entries.length - trustedHops)]);
  }
  return addressBucket(remoteAddress);
}

let hops: number | undefined;

/** The load context the production server gives the router for one request. */
export function loadContextFor(remoteAddress: string | undefined, forwardedFor: string | string[] | undefined): RouterContextProvider {
  hops ??= trustedProxyHops();
  const context = new RouterContextProvider();
  context.set(clientAddressContext, resolveClientAddress(remoteAddress, forwardedFor, hops));
  return context;
}
