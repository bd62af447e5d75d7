import { readFileSync } from 'node:fs';
import { arch, availableParallelism, cpus, platform } from 'node:os';

/** Per-core peaks measured on the reference machine (../shared/TOOLCHAIN.md). */
export const PEAKS = {
  /** AVX2/AVX-512 FMA hardware peak, FP32, one core. */
  fp32PerCore: 166,
  /** A loop of pure f32x4 arithmetic in WebAssembly SIMD128 (no FMA in Node 20), one core. */
  wasmSimdPerCore: 66,
} as const;

/** What the report says about the machine. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  availableParallelism: number;
  /** The vector-extension flags of /proc/cpuinfo that matter here (Linux only). */
  cpuFlags: string[];
  node: string;
  v8: string;
  platform: string;
  wasmSimd: boolean;
  wasmThreads: boolean;
  peaks: typeof PEAKS;
}

// wasm-feature-detect's probes: a function using i8x16.splat + i8x16.popcnt, and one using a shared memory + atomics.
const SIMD_MODULE = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
];
const THREADS_MODULE = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 5, 4, 1, 3, 1, 1, 10, 11, 1, 9, 0, 65, 0, 254, 16, 2, 0,
  26, 11,
];

/**
 * Whether this WebAssembly engine validates a tiny module that uses SIMD128.
 * @example wasmSimdSupported() // true on Node 20
 */
export function wasmSimdSupported(): boolean {
  return WebAssembly.validate(new Uint8Array(SIMD_MODULE));
}

function cpuFlags(): string[] {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('flags'));
    const flags = new Set((line ?? '').split(':')[1]?.trim().split(/\s+/) ?? []);
    return ['sse4_2', 'avx', 'avx2', 'fma', 'avx512f', 'avx512_vnni', 'avx512_bf16'].filter((f) => flags.has(f));
  } catch {
    return [];
  }
}

/**
 * Cores, CPU, Node and WebAssembly features of this machine.
 * @example machineInfo().cores // 2
 */
export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    availableParallelism: availableParallelism(),
    cpuFlags: cpuFlags(),
    node: process.version,
    v8: process.versions.v8,
    platform: `${platform()} ${arch()}`,
    wasmSimd: wasmSimdSupported(),
    wasmThreads: typeof SharedArrayBuffer === 'function' && WebAssembly.validate(new Uint8Array(THREADS_MODULE)),
    peaks: PEAKS,
  };
}
