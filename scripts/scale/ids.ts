// Record ids for the scale data set: the shape of Prisma's cuid() ("c", a
// base-36 timestamp, a counter, a fingerprint, random characters; 25 in all),
// but made from the record's own creation time and the seeded random stream,
// so a data set is reproducible and its ids still sort roughly by age like
// real ones do. Session ids look like the portal's (32 random bytes, base64url).
import type { Random } from "./random";

const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

function base36(value: number, width: number): string {
  let out = "";
  let v = Math.floor(Math.abs(value));
  for (let i = 0; i < width; i++) {
    out = BASE36[v % 36] + out;
    v = Math.floor(v / 36);
  }
  return out;
}

export class IdFactory {
  private counter = 0;
  private readonly fingerprint: string;

  constructor(private readonly rng: Random) {
    this.fingerprint = this.randomChars(4);
  }

  private randomChars(count: number): string {
    let out = "";
    for (let i = 0; i < count; i++) out += BASE36[Math.floor(this.rng.next() * 36)];
    return out;
  }

  /** A cuid-like id for a record created at `at` (ms since the epoch). */
  next(at: number): string {
    const count = this.counter++;
    return `c${base36(at, 8)}${base36(count, 4)}${this.fingerprint}${this.randomChars(8)}`;
  }

  /** A session id as the portal makes them: 32 random bytes, base64url. */
  sessionId(): string {
    return this.rng.bytes(32).toString("base64url");
  }
}
