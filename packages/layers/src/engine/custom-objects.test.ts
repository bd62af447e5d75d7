import { type Tensor, ValueError } from '@horn/tensor';
import { describe, expect, test } from 'vitest';
import {
  customClass,
  deserializeLayer,
  Layer,
  type LayerConfig,
  serializeLayer,
  TimeDistributed,
  withCustomObjects,
} from '../index.js';

/** A user layer whose constructor takes a number, so it needs its own fromConfig. */
class Scale extends Layer {
  static override readonly className: string = 'Scale';
  static override readonly configKeys: readonly string[] = ['factor'];
  static fromConfigCalls = 0;
  constructor(
    readonly factor: number,
    config: LayerConfig = {},
  ) {
    super(config);
  }
  override call(x: Tensor): Tensor {
    return x.mul(this.factor);
  }
  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), factor: this.factor };
  }
  static override fromConfig<T>(this: new (config: never) => T, config: Record<string, unknown>): T {
    Scale.fromConfigCalls++;
    const { factor, ...rest } = config;
    return new Scale(factor as number, rest as LayerConfig) as unknown as T;
  }
}

describe('deserialization with customObjects (Keras custom_objects)', () => {
  test('a class given in customObjects is used, through its own fromConfig', () => {
    const saved = serializeLayer(new Scale(3, { name: 'triple' }));
    expect(() => deserializeLayer(saved)).toThrow("unknown class 'Scale'");
    const calls = Scale.fromConfigCalls;
    const again = deserializeLayer(saved, { Scale });
    expect(again).toBeInstanceOf(Scale);
    expect((again as Scale).factor).toBe(3);
    expect(again.name).toBe('triple');
    expect(Scale.fromConfigCalls).toBe(calls + 1);
    // The scope ends with the call.
    expect(customClass('Scale')).toBeUndefined();
  });

  test('nested entries see the custom objects (a wrapped custom layer)', () => {
    const td = new TimeDistributed({ layer: new Scale(2) });
    const again = deserializeLayer(serializeLayer(td), { Scale }) as TimeDistributed;
    expect(again.layer).toBeInstanceOf(Scale);
    expect((again.layer as Scale).factor).toBe(2);
  });

  test('a customObjects entry that is not a class is refused by name', () => {
    expect(() => withCustomObjects({ Scale: 3 as never }, () => 0)).toThrow(ValueError);
    expect(() => withCustomObjects({ Scale: {} as never }, () => 0)).toThrow(
      "customObjects: 'Scale' must be a class with a static fromConfig(config) (a Layer subclass), got object",
    );
  });
});
