import { normalizeOptions, ValueError } from '@horn/tensor';
import type { Callback, CallbackParams } from '../callbacks/callback.js';
import { CallbackList } from '../callbacks/callback-list.js';
import { defaultOutputStream } from '../callbacks/output-stream.js';
import { ProgbarLogger } from '../callbacks/progbar-logger.js';
import type { TrainableModel } from './trainable-model.js';

/**
 * 0: silent; 1: a progress bar; 2: one line per epoch; `'auto'`: 1 on a terminal, else 2.
 * @example await model.fit(x, y, { epochs: 3, verbose: 0 });
 */
export type Verbosity = 0 | 1 | 2 | 'auto';

/**
 * Resolves `verbose`: `'auto'` (the default) is 1 when the progress stream (a listed
 * `ProgbarLogger`'s, else `process.stdout`) is a TTY, else 2.
 * @example resolveVerbose('fit', 'auto', []) // 2 when piped
 */
export function resolveVerbose(op: string, verbose: Verbosity | undefined, callbacks: readonly Callback[]): 0 | 1 | 2 {
  if (verbose === undefined || verbose === 'auto') {
    const progbar = callbacks.find((cb): cb is ProgbarLogger => cb instanceof ProgbarLogger);
    const tty = progbar ? progbar.isTTY : defaultOutputStream().isTTY === true;
    return tty ? 1 : 2;
  }
  if (verbose !== 0 && verbose !== 1 && verbose !== 2) {
    throw new ValueError(`${op}: verbose must be 0, 1, 2 or 'auto', got ${JSON.stringify(verbose)}`);
  }
  return verbose;
}

/**
 * The callback list of a run: the given callbacks, a `ProgbarLogger` first when verbose (unless one
 * is listed), a `History` last for `fit`; bound to the model, with the params set.
 * @example const list = callbackListFor(model, args.callbacks, params, true);
 */
export function callbackListFor(
  model: TrainableModel,
  callbacks: readonly Callback[] | undefined,
  params: CallbackParams,
  addHistory: boolean,
): CallbackList {
  return new CallbackList(callbacks ?? [], { addHistory, addProgbar: params.verbose !== 0, model, params });
}

/**
 * The options of a run in camelCase: Keras' snake_case names are renamed (`batch_size` ->
 * `batchSize`), options set to undefined are dropped, and an unknown name (a typo) is refused
 * with the closest valid one and the list of valid ones.
 * @example args = checkOptionKeys('fit', args, ['epochs', 'batchSize']);
 */
export function checkOptionKeys<T extends object>(op: string, args: T, valid: readonly string[]): T {
  if (args === null || typeof args !== 'object' || Array.isArray(args)) {
    throw new ValueError(
      `${op}: expected an options object, got ${JSON.stringify(args)}; Keras' positional arguments are named options here, e.g. { ${valid[0]}: ... }`,
    );
  }
  return normalizeOptions(op, args, valid) as T;
}
