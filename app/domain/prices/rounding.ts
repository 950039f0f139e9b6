// The one rounding rule of the price arithmetic: integer division rounded half
// up, i.e. to the nearest integer with an exact half going towards +∞
// (floor((2n + d) / 2d)). For the non-negative quantities of the portal (kg,
// LAK) that is the familiar "0.5 rounds up". Each pure rule says at which step
// it rounds; everything else is exact integer (BigInt) arithmetic.

/** n / d rounded half up; d must be positive. */
export function divideRoundHalfUp(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError("divideRoundHalfUp: the divisor must be positive");
  return floorDiv(2n * n + d, 2n * d);
}

/** n / d with the magnitude rounded half up and the sign kept (half away from zero); d must be positive. */
export function divideRoundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  return n < 0n ? -divideRoundHalfUp(-n, d) : divideRoundHalfUp(n, d);
}

function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n !== d < 0n ? q - 1n : q;
}

export function assertWholeNumber(name: string, value: number, min = 0): void {
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${name} must be a whole number of at least ${min}, got ${value}`);
}
