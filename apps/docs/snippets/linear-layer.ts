/**
 * The course's chapter 5.5 (custom layers) in Horn: Keras's `Linear` layer, y = xW + b, written as
 * a subclass of `Layer`: weights made in `build` from the input shape, math in `call`, options in
 * `getConfig` so that it serializes, and `registerClass` so that a saved model can find it again.
 */
import type { Variable } from '@horn/autograd';
import { Layer, type LayerConfig, type LayerShape, lastDimension, registerClass } from '@horn/layers';
import { add, matmul, type Tensor } from '@horn/tensor';

/** Options of {@link Linear}. */
export interface LinearConfig extends LayerConfig {
  units: number;
}

/** y = xW + b, with W (inputDim, units) and b (units). */
export class Linear extends Layer<LinearConfig> {
  static override readonly className = 'Linear';
  readonly units: number;
  w: Variable | null = null;
  b: Variable | null = null;

  constructor(config: LinearConfig) {
    super(config);
    this.units = config.units;
  }

  override build(inputShape: LayerShape): void {
    this.w = this.addWeight('w', [lastDimension(inputShape, this), this.units], { initializer: 'randomNormal' });
    this.b = this.addWeight('b', [this.units], { initializer: 'zeros' });
  }

  override call(x: Tensor): Tensor {
    return add(matmul(x, this.w!), this.b!);
  }

  override computeOutputShape(inputShape: LayerShape): LayerShape {
    return [...inputShape.slice(0, -1), this.units];
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), units: this.units };
  }
}

registerClass(Linear);
