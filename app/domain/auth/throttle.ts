// How long a sign-in attempt must wait after failures: a delay that doubles
// with every failure past a free allowance, counted in three scopes at once.
//
//   pair     one account from one client address: the guessing an attacker
//            does; the delay grows to about 17 minutes and lasts a day.
//   address  every account from one client address: one client trying many
//            accounts (or many made-up identifiers).
//   account  one account from every address: guessing spread over many
//            addresses. Its delay stays short (at most a minute), so failures
//            sent from elsewhere never keep the owner out for long.
//
// An attempt that has to wait is refused before the password is looked at and
// is not counted, so waiting costs the server nothing and only real guesses
// make the delay grow. Nothing here locks an account: the owner, from their own
// address, is slowed only by the account scope.
// Pure: the rows are counted by sign-in.server.ts.

export type ThrottleScope = "pair" | "address" | "account";

export type ThrottleRule = {
  /** failures older than this are forgotten */
  windowMs: number;
  /** failures allowed in the window before any delay */
  free: number;
  /** the delay stops doubling here */
  maxDelaySeconds: number;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const THROTTLE_RULES: Record<ThrottleScope, ThrottleRule> = {
  pair: { windowMs: 24 * HOUR, free: 5, maxDelaySeconds: 1024 },
  address: { windowMs: HOUR, free: 20, maxDelaySeconds: 1024 },
  account: { windowMs: HOUR, free: 10, maxDelaySeconds: 60 },
};

/** The longest window of any scope: failure rows older than this count nowhere. */
export const THROTTLE_MAX_WINDOW_MS = Math.max(...Object.values(THROTTLE_RULES).map((r) => r.windowMs));

/**
 * Seconds the next attempt must wait after the last of `failures` failures:
 * none within the free allowance, then 2, 4, 8… up to the rule's maximum.
 * After `free` failures the wait is 2^1 s; after `free + k - 1`, 2^k s.
 */
export function delaySeconds(failures: number, rule: ThrottleRule): number {
  if (failures < rule.free) return 0;
  const exponent = failures - rule.free + 1;
  return exponent >= 31 ? rule.maxDelaySeconds : Math.min(2 ** exponent, rule.maxDelaySeconds);
}

/** What one scope's rows say: how many failures in its window, and when the latest was. */
export type ScopeCount = { failures: number; lastAt: Date | null };

/**
 * Whole seconds (rounded up) until an attempt may be made, given each scope's
 * count at `now`; 0 when it may be made now. The longest wait of the scopes wins.
 */
export function waitSeconds(counts: Record<ThrottleScope, ScopeCount>, now: Date): number {
  let waitMs = 0;
  for (const scope of Object.keys(THROTTLE_RULES) as ThrottleScope[]) {
    const { failures, lastAt } = counts[scope];
    if (!lastAt) continue;
    const until = lastAt.getTime() + delaySeconds(failures, THROTTLE_RULES[scope]) * 1000;
    waitMs = Math.max(waitMs, until - now.getTime());
  }
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}
