import { describe, expect, it } from "vitest";
import { delaySeconds, THROTTLE_RULES, waitSeconds, type ScopeCount, type ThrottleScope } from "~/domain/auth/throttle";
import { addressBucket, resolveClientAddress, trustedProxyHops, UNKNOWN_ADDRESS } from "~/utils/client-address.server";

const rule = { windowMs: 3_600_000, free: 5, maxDelaySeconds: 1024 };

describe("the delay after failures", () => {
  it("is none within the free allowance, then 2^k seconds after free + k - 1 failures, up to the maximum", () => {
    expect([0, 1, 4].map((n) => delaySeconds(n, rule))).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8, 14].map((n) => delaySeconds(n, rule))).toEqual([2, 4, 8, 16, 1024]);
    expect(delaySeconds(15, rule)).toBe(1024);
    expect(delaySeconds(10_000, rule)).toBe(1024);
  });

  it("keeps the account-wide delay, which failures from anywhere raise, to a minute", () => {
    expect(delaySeconds(THROTTLE_RULES.account.free - 1, THROTTLE_RULES.account)).toBe(0);
    expect(delaySeconds(THROTTLE_RULES.account.free, THROTTLE_RULES.account)).toBe(2);
    expect(delaySeconds(1_000, THROTTLE_RULES.account)).toBe(60);
    expect(THROTTLE_RULES.pair.maxDelaySeconds).toBeGreaterThan(THROTTLE_RULES.account.maxDelaySeconds);
  });

  const now = new Date("2026-12-02T08:00:00Z");
  const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
  const none: ScopeCount = { failures: 0, lastAt: null };
  const counts = (over: Partial<Record<ThrottleScope, ScopeCount>>) => ({ pair: none, address: none, account: none, ...over });

  it("counts from the latest failure, rounds up to whole seconds and takes the longest wait of the three scopes", () => {
    expect(waitSeconds(counts({}), now)).toBe(0);
    const pairFree = THROTTLE_RULES.pair.free;
    // 7 pair failures: 8 s after the last one; 3.5 s have passed.
    expect(waitSeconds(counts({ pair: { failures: pairFree + 2, lastAt: ago(3.5) } }), now)).toBe(5);
    expect(waitSeconds(counts({ pair: { failures: pairFree + 2, lastAt: ago(8) } }), now)).toBe(0);
    expect(waitSeconds(counts({ pair: { failures: pairFree - 1, lastAt: ago(0) } }), now)).toBe(0);
    const addressFree = THROTTLE_RULES.address.free;
    expect(waitSeconds(counts({ pair: { failures: pairFree, lastAt: ago(0) }, address: { failures: addressFree + 4, lastAt: ago(1) } }), now)).toBe(31);
  });
});

describe("the client address", () => {
  it("counts IPv4 as it is, IPv4-mapped IPv6 as IPv4, IPv6 by its /64, and anything else as unknown", () => {
    expect(addressBucket("203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(addressBucket("::FFFF:cb00:7107")).toBe("203.0.113.7");
    expect(addressBucket("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:0db8:0001:0002::/64");
    expect(addressBucket("2001:db8:1:2::1")).toBe(addressBucket("2001:db8:1:2:ffff::9"));
    expect(addressBucket("[2001:db8::1]")).toBe("2001:0db8:0000:0000::/64");
    expect(addressBucket("fe80::1%eth0")).toBe("fe80:0000:0000:0000::/64");
    expect(addressBucket("::1")).toBe("0000:0000:0000:0000::/64");
    for (const junk of ["", undefined, null, "localhost", "1.2.3", "999.1.1.1", "evil, 1.2.3.4"]) expect(addressBucket(junk)).toBe(UNKNOWN_ADDRESS);
  });

  it("ignores X-Forwarded-For unless proxies are trusted, and then takes the entry the outermost one wrote", () => {
    expect(resolveClientAddress("10.0.0.5", "198.51.100.1", 0)).toBe("10.0.0.5");
    expect(resolveClientAddress("10.0.0.5", "6.6.6.6, 198.51.100.1", 1)).toBe("198.51.100.1");
    expect(resolveClientAddress("10.0.0.5", ["6.6.6.6", "198.51.100.1, 10.0.0.9"], 2)).toBe("198.51.100.1");
    expect(resolveClientAddress("10.0.0.5", "198.51.100.1", 3)).toBe("198.51.100.1");
    expect(resolveClientAddress("10.0.0.5", undefined, 1)).toBe("10.0.0.5");
    expect(resolveClientAddress(undefined, undefined, 0)).toBe(UNKNOWN_ADDRESS);
  });

  it("reads TRUST_PROXY as a number of proxies and refuses anything else", () => {
    expect([undefined, "", "0", "false", "FALSE"].map((v) => trustedProxyHops({ TRUST_PROXY: v }))).toEqual([0, 0, 0, 0, 0]);
    expect(trustedProxyHops({ TRUST_PROXY: "true" })).toBe(1);
    expect(trustedProxyHops({ TRUST_PROXY: "2" })).toBe(2);
    for (const bad of ["yes", "-1", "1.5", "loopback"]) expect(() => trustedProxyHops({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
  });
});
