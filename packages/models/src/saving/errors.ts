import { HornError, ValueError } from '@horn/tensor';

/**
 * A saved model that cannot be loaded: a missing, truncated or malformed model.json or weight
 * shard, or a topology Horn cannot build. The message names the file. Loading checks everything
 * before it builds, so this error never leaves a half-loaded model behind.
 * @example
 * try { await loadModel('./broken'); } catch (e) { if (e instanceof ModelFileError) console.error(e.message); }
 */
export class ModelFileError extends ValueError {}

/**
 * A save that could not be written (an unwritable directory, a full disk, a target that is not a
 * saved model). The previous save at that path, if any, is left as it was.
 * @example
 * try { await model.save('/read-only/model'); } catch (e) { if (e instanceof ModelSaveError) console.error(e.message); }
 */
export class ModelSaveError extends HornError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    if (options?.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }
}

/**
 * A shard that is longer than its group still needs: the reader refuses it before reading it.
 * @example throw new ShardTooLongError('group1-shard1of1.bin', 1024);
 */
export class ShardTooLongError extends ModelFileError {
  constructor(shard: string, maxBytes: number, size?: number) {
    super(
      `weight shard '${shard}' is too long: ${size === undefined ? 'more than' : `${size} bytes, over`} the ${maxBytes} bytes its weights need`,
    );
  }
}
