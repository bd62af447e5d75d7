import type { KerasOptions } from '@horn/tensor';
import { normalizeOptions, type Tensor, ValueError } from '@horn/tensor';
import { Layer, type LayerConfig, type LayerShape } from '../engine/layer.js';
import { L1L2 } from '../regularizers/regularizer.js';

/**
 * Options of {@link ActivityRegularization}.
 * @example
 * const reg = new ActivityRegularization({ l1: 0.01, l2: 0.1 });
 * reg.apply(tensor([[1, -2]])).arraySync(); // [[1, -2]]: the input passes through
 * reg.losses.map((l) => l.arraySync()); // [0.53]: 0.01 * 3 + 0.1 * 5
 */
export interface ActivityRegularizationConfig extends Omit<LayerConfig, 'activityRegularizer'> {
  /** The L1 factor: adds `l1 · sum(|x|)`. Default 0. */
  l1?: number;
  /** The L2 factor: adds `l2 · sum(x²)`. Default 0. */
  l2?: number;
}

/**
 * Passes its input through and adds `(l1 · sum(|x|) + l2 · sum(x²)) / batchSize` to `losses`
 * (Keras 3's `ActivityRegularization`: the penalty of the base layer's activity regularizer, divided
 * by the batch size since Keras 3.15).
 * @example
 * const layer = new ActivityRegularization({ l1: 0.01, l2: 0.1 });
 * layer.apply(tensor([[1, 2, 3], [4, 5, 6]]));
 * layer.losses[0].arraySync(); // 4.655 = (0.01 · 21 + 0.1 · 91) / 2
 */
export class ActivityRegularization extends Layer<ActivityRegularizationConfig> {
  static override readonly className: string = 'ActivityRegularization';
  static override readonly configKeys: readonly string[] = ['l1', 'l2'];
  readonly l1: number;
  readonly l2: number;

  constructor(given: KerasOptions<ActivityRegularizationConfig> = {}) {
    // Keras' spellings are read here, before the base class normalizes (it runs after l1/l2 are needed).
    const config = normalizeOptions('ActivityRegularization', given ?? {}, null) as ActivityRegularizationConfig;
    if ((config as LayerConfig)?.activityRegularizer !== undefined) {
      throw new ValueError(
        'ActivityRegularization: pass l1 and l2, not activityRegularizer (the layer builds its own L1L2 regularizer)',
      );
    }
    for (const option of ['l1', 'l2'] as const) {
      const v = config?.[option];
      if (v !== undefined && !(typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
        throw new ValueError(
          `ActivityRegularization: ${option} must be a non-negative finite number, got ${JSON.stringify(v)}`,
        );
      }
    }
    const regularizer = new L1L2({ l1: config?.l1 ?? 0, l2: config?.l2 ?? 0 });
    super({ ...config, activityRegularizer: regularizer } as ActivityRegularizationConfig);
    this.supportsMasking = true; // as Keras 3
    this.l1 = regularizer.l1;
    this.l2 = regularizer.l2;
  }

  override call(x: Tensor): Tensor {
    return x;
  }

  override computeOutputShape(inputShape: LayerShape): LayerShape {
    return inputShape;
  }

  override getConfig(): Record<string, unknown> {
    const { activityRegularizer: _, ...base } = super.getConfig();
    return { ...base, l1: this.l1, l2: this.l2 };
  }
}
