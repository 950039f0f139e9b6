import { describe, expect, it } from "vitest";
import { RateLimiter } from "~/domain/notifications/rate-limit";

function fakeTime() {
  let now = 1_000_000;
  const waits: number[] = [];
  return {
    clock: () => now,
    sleep: async (ms: number) => {
      waits.push(ms);
      now += ms;
    },
    advance: (ms: number) => (now += ms),
    waits,
  };
}

describe("RateLimiter", () => {
  it("lets the first submission through and spaces the rest to the rate", async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(5, time.clock, time.sleep);
    const starts: number[] = [];
    for (let i = 0; i < 6; i++) {
      await limiter.take();
      starts.push(time.clock());
    }
    expect(time.waits).toEqual([200, 200, 200, 200, 200]);
    // Never more than five starts within any one second.
    for (let i = 5; i < starts.length; i++) expect(starts[i]! - starts[i - 5]!).toBeGreaterThanOrEqual(1000);
  });

  it("does not make a caller wait after a quiet spell", async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(2, time.clock, time.sleep);
    await limiter.take();
    time.advance(5000);
    await limiter.take();
    expect(time.waits).toEqual([]);
  });

  it("holds later slots back when the provider is throttling", async () => {
    const time = fakeTime();
    const limiter = new RateLimiter(10, time.clock, time.sleep);
    await limiter.take();
    limiter.holdFor(1000);
    await limiter.take();
    expect(time.waits).toEqual([1000]);
  });

  it("refuses a rate that is not positive", () => {
    expect(() => new RateLimiter(0)).toThrow(/positive/);
  });
});
