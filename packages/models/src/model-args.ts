import { SymbolicTensor } from '@horn/layers';
import { normalizeOptions, snakeToCamel, ValueError } from '@horn/tensor';

/**
 * The functional-API arguments of `new Model(...)`.
 * @example new Model({ inputs: x, outputs: { digits, priority }, name: 'ticket_model' })
 */
export interface ModelArgs {
  /**
   * The model inputs: symbolic tensors from `Input()`; a record names them by its keys (data is
   * then passed as a record with those keys).
   */
  inputs?: SymbolicTensor | SymbolicTensor[] | Readonly<Record<string, SymbolicTensor>>;
  /**
   * The model outputs: symbolic tensors computed from the inputs with `layer.apply`. A record
   * (`{ digits, priority }`) names the outputs by its keys, as Keras 3: `outputNames`, the keys
   * of `compile`'s `loss` / `lossWeights` / `metrics` and of `fit`'s `y`, the logs
   * (`priority_loss`), and `predict`, which returns a record with the same keys.
   */
  outputs?: SymbolicTensor | SymbolicTensor[] | Readonly<Record<string, SymbolicTensor>>;
  /** Default: `functional`, `functional_1`, ... (Keras 3); a subclass: its class name in snake_case. */
  name?: string;
  trainable?: boolean;
}

/**
 * What `new Model(inputs, outputs, ...)` takes after the graph ends: a name or `{ name, trainable }`.
 * @example new Model(x, y, 'mlp'); new Model(x, y, { name: 'mlp', trainable: false });
 */
export type ModelNameOrOptions = string | Pick<ModelArgs, 'name' | 'trainable'>;

/** The option names of `new Model({ ... })`. */
export const MODEL_KEYS: readonly string[] = ['inputs', 'outputs', 'name', 'trainable'];

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof SymbolicTensor) return `a SymbolicTensor ${JSON.stringify(value.shape)}`;
  if (typeof value !== 'object') return `${typeof value} ${JSON.stringify(value)}`;
  return (value as object).constructor?.name === 'Object' ? 'an object' : `a ${(value as object).constructor?.name}`;
}

function isGraphEnd(value: unknown): boolean {
  return value instanceof SymbolicTensor || Array.isArray(value);
}

/**
 * The arguments of `new Model(...)` in one object: `({ inputs, outputs, name })`, or Keras'
 * positional `(inputs, outputs)`, `(inputs, outputs, name)` and `(inputs, outputs, { name, trainable })`.
 * Keras' snake_case keys are accepted; anything else is refused, naming the Keras form it looks like.
 * `keys` is null for a user's subclass that declares no `configKeys` (its options are only normalized).
 * @example resolveModelArgs('Model', [x, y, 'mlp'], MODEL_KEYS) // { inputs: x, outputs: y, name: 'mlp' }
 */
export function resolveModelArgs(owner: string, args: readonly unknown[], keys: readonly string[] | null): ModelArgs {
  const [first, second, third] = args;
  const form = `new ${owner}({ inputs, outputs, name })`;
  if (args.length > 3) {
    throw new ValueError(
      `${owner}: expected at most 3 arguments (inputs, outputs, name), got ${args.length}; write ${form}`,
    );
  }
  const positional = isGraphEnd(first) || (args.length >= 2 && second !== undefined);
  if (!positional) {
    if (first === undefined || first === null) return {};
    if (typeof first !== 'object') {
      throw new ValueError(`${owner}: expected { inputs, outputs, name? }, got ${describe(first)}; write ${form}`);
    }
    const values = Object.values(first);
    const named = Object.keys(first).some((k) => MODEL_KEYS.includes(snakeToCamel(k)));
    if (!named && values.length > 0 && values.every((v) => v instanceof SymbolicTensor)) {
      throw new ValueError(
        `${owner}: got a record of symbolic tensors and no outputs; this looks like Keras' Model(inputs, outputs) with the outputs missing: write new ${owner}(inputs, outputs) or ${form}`,
      );
    }
    return normalizeOptions(owner, first, keys) as ModelArgs;
  }
  if (second === undefined) {
    throw new ValueError(
      `${owner}: got inputs (${describe(first)}) but no outputs; Keras' Model(inputs, outputs) needs both: write new ${owner}(inputs, outputs) or ${form}`,
    );
  }
  if (!isGraphEnd(second) && (second === null || typeof second !== 'object')) {
    throw new ValueError(
      `${owner}: the second argument must be the outputs (a SymbolicTensor, an array or a record of them), got ${describe(second)}; write new ${owner}(inputs, outputs, name?)`,
    );
  }
  let rest: Record<string, unknown> = {};
  if (typeof third === 'string') rest = { name: third };
  else if (third !== undefined && third !== null) {
    if (typeof third !== 'object' || Array.isArray(third)) {
      throw new ValueError(
        `${owner}: the third argument must be a name or { name, trainable }, got ${describe(third)}; write new ${owner}(inputs, outputs, { name })`,
      );
    }
    rest = normalizeOptions(owner, third, ['name', 'trainable']);
  }
  return { ...rest, inputs: first, outputs: second } as ModelArgs;
}
