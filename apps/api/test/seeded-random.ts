/** A number in [0, 1) from a seeded generator. */
export type Rng = () => number;

/**
 * A seeded PRNG (mulberry32): the same seed gives the same sequence on every machine, so a test that
 * draws its inputs from it fails the same way again with the same seed.
 */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
