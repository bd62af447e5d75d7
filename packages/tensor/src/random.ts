import { ValueError } from './errors.js';

/**
 * A small, fast, seedable generator (sfc32 seeded through splitmix32): the same seed gives the
 * same stream on every platform.
 * @example
 * const rng = new Random(42);
 * rng.next(); // a number in [0, 1)
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spareNormal: number | null = null;

  constructor(seed: number) {
    if (!Number.isFinite(seed)) throw new ValueError(`Random: seed must be a finite number, got ${seed}`);
    let s = Math.floor(seed) >>> 0;
    const split = () => {
      s = (s + 0x9e3779b9) | 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A uniformly distributed 32-bit unsigned integer. */
  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** A standard normal number (Box-Muller, both values used). */
  nextNormal(): number {
    if (this.spareNormal !== null) {
      const v = this.spareNormal;
      this.spareNormal = null;
      return v;
    }
    let u = 0;
    while (u === 0) u = this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** An integer in [0, n). */
  nextInt(n: number): number {
    return Math.floor(this.next() * n);
  }
}

let global = new Random(Date.now() ^ (Math.random() * 0x7fffffff));

/**
 * Seeds the global random stream that random ops, initializers and shuffles use when they are
 * given no seed of their own.
 * @example
 * setSeed(42);
 * randomUniform([2]).dataSync(); // the same two numbers on every run
 */
export function setSeed(seed: number): void {
  global = new Random(seed);
}

/**
 * The generator for an op: a fresh one from `seed` when given, else the global stream.
 * @example randomSource(7).next() === randomSource(7).next() // true
 */
export function randomSource(seed?: number): Random {
  return seed === undefined ? global : new Random(seed);
}
