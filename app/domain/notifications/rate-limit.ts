// Spacing for submissions to a provider that allows so many per second: each
// caller waits for its own slot, so a burst goes out evenly instead of being
// refused (an SMS centre answers a burst with ESME_RTHROTTLED).

export class RateLimiter {
  private nextSlot = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly perSecond: number,
    private readonly clock: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    if (!(perSecond > 0)) throw new Error("A rate limit needs a positive number per second.");
  }

  /** Resolves when the caller may submit one more. */
  async take(): Promise<void> {
    const now = this.clock();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + 1000 / this.perSecond;
    if (slot > now) await this.sleep(slot - now);
  }

  /** Holds every later slot back by `ms`: the provider said it is overloaded. */
  holdFor(ms: number): void {
    this.nextSlot = Math.max(this.nextSlot, this.clock() + ms);
  }
}
