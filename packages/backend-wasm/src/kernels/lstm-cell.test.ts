import * as T from '@horn/tensor';
import { beforeAll, describe, test } from 'vitest';
import { expectParity, randomValues, setUpWasm } from '../test-support/parity.js';

beforeAll(setUpWasm);

/** Seeded z [batch, 4·units] (gates far into saturation included) and cPrev, dh, dc [batch, units]. */
function cellInputs(seed: number, batch: number, units: number) {
  const r = T.randomSource(seed);
  const z = T.tensor(randomValues(r, batch * 4 * units, -12, 12), [batch, 4 * units]);
  const [cPrev, dh, dc] = [0, 1, 2].map(() => T.tensor(randomValues(r, batch * units, -2, 2), [batch, units]));
  return { z, cPrev, dh, dc };
}

const SHAPES: [number, number][] = [
  [1, 1],
  [3, 5],
  [64, 64],
  [130, 70],
];

describe('LSTMCell and LSTMCellGrad on wasm', () => {
  for (const [batch, units] of SHAPES) {
    test(`forward matches cpu, batch ${batch}, ${units} units`, () => {
      expectParity(
        () => {
          const { z, cPrev } = cellInputs(batch * 31 + units, batch, units);
          return T.lstmCell(z, cPrev);
        },
        { rtol: 2e-6, atol: 1e-6, label: `LSTMCell ${batch}x${units}`, ranOnWasm: ['LSTMCell'] },
      );
    });

    test(`backward matches cpu, batch ${batch}, ${units} units`, () => {
      expectParity(
        () => {
          const { z, cPrev, dh, dc } = cellInputs(batch * 17 + units, batch, units);
          const [, c] = T.lstmCell(z, cPrev);
          return T.runKernelMulti('LSTMCellGrad', { z, cPrev, c, dh, dc });
        },
        { rtol: 1e-5, atol: 1e-6, label: `LSTMCellGrad ${batch}x${units}`, ranOnWasm: ['LSTMCellGrad'] },
      );
    });
  }
});
