import { runKernelMulti } from '@horn/tensor';
import type { GradientSpec } from '../registry.js';

/**
 * LSTMCell `{ z, cPrev } -> [h, c]`: one fused LSTMCellGrad pass from both output gradients (a
 * missing one arrives as zeros) gives `dz` and `dcPrev`; the gate activations are recomputed from
 * `z`, so the forward keeps nothing extra.
 */
const lstmCellGradient: GradientSpec = {
  name: 'LSTMCell',
  grad: (_dy, { z, cPrev }, _attrs, [, c], [dh, dc]) => {
    let both: ReturnType<typeof runKernelMulti> | undefined;
    const grads = () => {
      both ??= runKernelMulti('LSTMCellGrad', { z, cPrev, c, dh, dc });
      return both;
    };
    return { z: () => grads()[0], cPrev: () => grads()[1] };
  },
};

/** Gradients of the fused recurrent kernels. */
export const recurrentGradients: GradientSpec[] = [lstmCellGradient];
