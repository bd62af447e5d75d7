import type { DType, KernelAttrs, KernelSpec, KernelTensor } from '@horn/tensor';
import { broadcastShapes } from '@horn/tensor';
import type { GpuHandle } from '../backend.js';
import { type DevicePlan, gpuKernel, shapesKey } from './gpu-kernel.js';
import { broadcastIndex, coords, kernelSource, lit, sameShape } from './source-code.js';

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

/**
 * Unary float kernels: statements that read `x` and `return` the result (attrs are baked in as
 * literals). Written to stay finite where the naive formula overflows (tanh, sigmoid, softplus).
 */
const UNARY: Record<string, (attrs: KernelAttrs) => string> = {
  Neg: () => 'return -x;',
  Abs: () => 'return Math.abs(x);',
  Sign: () => 'if (x > 0) { return 1; }\nif (x < 0) { return -1; }\nreturn x;',
  Exp: () => 'return Math.exp(x);',
  Log: () => 'return Math.log(x);',
  Sqrt: () => 'return Math.sqrt(x);',
  Square: () => 'return x * x;',
  Reciprocal: () => 'return 1 / x;',
  Floor: () => 'return Math.floor(x);',
  Ceil: () => 'return Math.ceil(x);',
  Relu: () => 'if (x > 0) { return x; }\nreturn 0;',
  Relu6: () => 'if (x > 6) { return 6; }\nif (x > 0) { return x; }\nreturn 0;',
  Sigmoid: () => 'if (x >= 0) { return 1 / (1 + Math.exp(-x)); }\nconst e = Math.exp(x);\nreturn e / (1 + e);',
  Tanh: () =>
    'const t = Math.exp(-2 * Math.abs(x));\nconst y = (1 - t) / (1 + t);\nif (x < 0) { return -y; }\nreturn y;',
  Softplus: () => 'return Math.max(x, 0) + Math.log(1 + Math.exp(-Math.abs(x)));',
  Softsign: () => 'return x / (1 + Math.abs(x));',
  LeakyRelu: (a) => `if (x > 0) { return x; }\nreturn ${lit(a.alpha as number)} * x;`,
  Elu: (a) => `if (x > 0) { return x; }\nreturn ${lit(a.alpha as number)} * (Math.exp(x) - 1);`,
  Selu: () =>
    `if (x > 0) { return ${lit(SELU_SCALE)} * x; }\nreturn ${lit(SELU_SCALE * SELU_ALPHA)} * (Math.exp(x) - 1);`,
  ClipByValue: (a) => {
    const lo = a.min as number;
    const hi = a.max as number;
    return `if (x < ${lit(lo)}) { return ${lit(lo)}; }\nif (x > ${lit(hi)}) { return ${lit(hi)}; }\nreturn x;`;
  },
};

/**
 * The names of the unary float kernels the gpu backend runs on the device.
 * @example UNARY_KERNELS.includes('Sigmoid') // true
 */
export const UNARY_KERNELS = Object.keys(UNARY);

/**
 * A unary float kernel (input `x`); int32 input (Neg, Abs, Square, Sign...) runs the cpu code.
 * @example unaryGpu('Relu')
 */
export function unaryGpu(name: string): KernelSpec<GpuHandle> {
  const body = UNARY[name];
  return gpuKernel(name, ({ x }, attrs) => {
    if (x.dtype !== 'float32') return null;
    return {
      args: ['x'],
      shape: x.shape,
      dtype: 'float32',
      key: `${x.values.size}|${JSON.stringify(attrs)}`,
      source: () => kernelSource(1, `const x = a0[i];\n${body(attrs)}`),
    };
  });
}

/** Binary expressions of `x` and `y` (statements that return). */
const BINARY: Record<string, string> = {
  Add: 'return x + y;',
  Sub: 'return x - y;',
  Mul: 'return x * y;',
  Div: 'return x / y;',
  Maximum: 'if (x > y) { return x; }\nreturn y;',
  Minimum: 'if (x < y) { return x; }\nreturn y;',
  // GLSL's pow is undefined for a negative base: odd integer exponents restore the sign.
  Pow:
    'if (x >= 0) { if (x == 0) { if (y == 0) { return 1; } if (y > 0) { return 0; } return 1 / Math.abs(x); } return Math.pow(x, y); }\n' +
    'if (Math.floor(y) != y) { return Math.pow(x, y); }\n' +
    'const ay = Math.abs(y);\nconst half = Math.floor(ay / 2);\n' +
    'const p = Math.pow(-x, y);\nif (ay - half * 2 == 1) { return -p; }\nreturn p;',
  Equal: 'if (x == y) { return 1; }\nreturn 0;',
  NotEqual: 'if (x != y) { return 1; }\nreturn 0;',
  Greater: 'if (x > y) { return 1; }\nreturn 0;',
  GreaterEqual: 'if (x >= y) { return 1; }\nreturn 0;',
  Less: 'if (x < y) { return 1; }\nreturn 0;',
  LessEqual: 'if (x <= y) { return 1; }\nreturn 0;',
  LogicalAnd: 'if (x != 0 && y != 0) { return 1; }\nreturn 0;',
  LogicalOr: 'if (x != 0 || y != 0) { return 1; }\nreturn 0;',
};

const COMPARISONS = new Set(['Equal', 'NotEqual', 'Greater', 'GreaterEqual', 'Less', 'LessEqual']);
const LOGICAL = new Set(['LogicalAnd', 'LogicalOr']);

/**
 * The names of the broadcasting binary kernels the gpu backend runs on the device.
 * @example BINARY_KERNELS.includes('Pow') // true
 */
export const BINARY_KERNELS = Object.keys(BINARY);

function broadcastPlan(
  name: string,
  tensors: KernelTensor<GpuHandle>[],
  argNames: string[],
  dtype: DType,
  body: (reads: string[]) => string,
): DevicePlan {
  let shape: number[] = [...tensors[0].shape];
  for (const t of tensors.slice(1)) shape = broadcastShapes(shape, t.shape, name);
  return {
    args: argNames,
    shape,
    dtype,
    key: `${shapesKey(shape, ...tensors.map((t) => t.shape))}`,
    source: () => {
      const general = tensors.some((t) => !sameShape(t.shape, shape) && t.values.size !== 1);
      const reads = tensors.map((t, k) =>
        t.values.size === 1 ? `a${k}[0]` : `a${k}[${broadcastIndex('i', 'c', t.shape, shape)}]`,
      );
      return kernelSource(tensors.length, `${general ? coords('i', shape, 'c') : ''}${body(reads)}`);
    },
  };
}

/**
 * A broadcasting binary kernel (inputs `a`, `b`): float32 arithmetic; comparisons of any dtype
 * (bool output, exact for integers below 2^24); logical ops on bool. int32 arithmetic runs the
 * cpu code, which wraps like int32.
 * @example binaryGpu('Add')
 */
export function binaryGpu(name: string): KernelSpec<GpuHandle> {
  const expression = BINARY[name];
  const outBool = COMPARISONS.has(name) || LOGICAL.has(name);
  return gpuKernel(name, ({ a, b }) => {
    if (!outBool && a.dtype !== 'float32') return null;
    return broadcastPlan(
      name,
      [a, b],
      ['a', 'b'],
      outBool ? 'bool' : a.dtype,
      ([x, y]) => `const x = ${x};\nconst y = ${y};\n${expression}`,
    );
  });
}

/**
 * `Select` (inputs `condition`, `a`, `b`, broadcast together): `a` where the condition holds.
 * @example selectGpu
 */
export const selectGpu: KernelSpec<GpuHandle> = gpuKernel('Select', ({ condition, a, b }) =>
  broadcastPlan(
    'Select',
    [condition, a, b],
    ['condition', 'a', 'b'],
    a.dtype,
    ([c, x, y]) => `if (${c} != 0) { return ${x}; }\nreturn ${y};`,
  ),
);

/**
 * `LogicalNot` on bool input `x`.
 * @example logicalNotGpu
 */
export const logicalNotGpu: KernelSpec<GpuHandle> = gpuKernel('LogicalNot', ({ x }) => ({
  args: ['x'],
  shape: x.shape,
  dtype: 'bool',
  key: `${x.values.size}`,
  source: () => kernelSource(1, 'if (a0[i] == 0) { return 1; }\nreturn 0;'),
}));

/**
 * `IsFinite` and `IsNan` (input `x`, bool output), by comparisons alone, which are false for NaN.
 * @example isFiniteGpu('IsFinite')
 */
export function isFiniteGpu(name: 'IsFinite' | 'IsNan'): KernelSpec<GpuHandle> {
  const body =
    name === 'IsFinite'
      ? 'if (Math.abs(a0[i]) <= 3.4028234663852886e38) { return 1; }\nreturn 0;'
      : 'const x = a0[i];\nif (x <= 0 || x > 0) { return 0; }\nreturn 1;';
  return gpuKernel(name, ({ x }) => ({
    args: ['x'],
    shape: x.shape,
    dtype: 'bool',
    key: `${x.values.size}`,
    source: () => kernelSource(1, body),
  }));
}

/**
 * `Cast` (input `x`, attr `dtype`): to int32 truncates toward zero, to bool tests `!= 0`;
 * int32/bool to float32 copies (the device already holds floats).
 * @example castGpu
 */
export const castGpu: KernelSpec<GpuHandle> = gpuKernel('Cast', ({ x }, attrs) => {
  const dtype = attrs.dtype as DType;
  const body =
    dtype === 'bool'
      ? 'if (a0[i] != 0) { return 1; }\nreturn 0;'
      : dtype === 'int32' && x.dtype === 'float32'
        ? 'const v = a0[i];\nif (v < 0) { return Math.ceil(v); }\nreturn Math.floor(v);'
        : 'return a0[i];';
  return {
    args: ['x'],
    shape: x.shape,
    dtype,
    key: `${x.values.size}|${x.dtype}>${dtype}`,
    source: () => kernelSource(1, body),
  };
});
