import {
  Dense,
  deserializeLayer,
  getActivation,
  getConstraint,
  getInitializer,
  getRegisteredClass,
  getRegularizer,
  Input,
} from '@horn/layers';
import { getLoss } from '@horn/losses';
import { getMetric } from '@horn/metrics';
import { deserializeSchedule, getOptimizer } from '@horn/optimizers';
import { tensor } from '@horn/tensor';
import { test } from 'vitest';
import { EarlyStopping, Model, modelFromJSON, Sequential } from './index.js';

const names = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];
test('probe', async () => {
  const run = async (label: string, f: () => unknown) => {
    try {
      const r = await f();
      console.log('ACCEPTED', label, typeof r, String(r).slice(0, 60));
    } catch (e) {
      const m = (e as Error).message;
      const ok = /unknown|valid|known|not a|must/i.test(m) && !/is not a function|Cannot read/.test(m);
      console.log(ok ? 'ok ' : 'BAD', label, (e as Error).constructor.name, m.slice(0, 110));
    }
  };
  for (const n of names) {
    await run(`getActivation ${n}`, () => getActivation(n as never));
    await run(`getInitializer ${n}`, () => getInitializer(n as never));
    await run(`getRegularizer ${n}`, () => getRegularizer(n as never));
    await run(`getConstraint ${n}`, () => getConstraint(n as never));
    await run(`getLoss ${n}`, () => getLoss(n));
    await run(`getMetric ${n}`, () => getMetric(n));
    await run(`getOptimizer ${n}`, () => getOptimizer(n));
    await run(`getOptimizer cls ${n}`, () => getOptimizer({ className: n, config: {} }));
    await run(`deserializeSchedule ${n}`, () => deserializeSchedule({ className: n, config: {} } as never));
    await run(`deserializeLayer ${n}`, () => deserializeLayer({ className: n, config: {} } as never));
    await run(`getRegisteredClass ${n}`, () => getRegisteredClass(n));
    await run(`Dense activation ${n}`, () => new Dense({ units: 2, activation: n as never }));
    await run(`Dense kernelInitializer ${n}`, () => new Dense({ units: 2, kernelInitializer: n as never }));
    await run(`modelFromJSON ${n}`, () => modelFromJSON({ class_name: n, config: {} } as never));
    await run(`modelFromJSON layer ${n}`, () =>
      modelFromJSON({
        class_name: 'Sequential',
        config: { name: 's', layers: [{ class_name: n, config: {} }] },
      } as never),
    );
    const input = Input({ shape: [3] });
    const out = new Dense({ units: 1, name: n === '__proto__' ? 'proto_' : n }).apply(input);
    const model = new Model({ inputs: input, outputs: out });
    await run(`compile loss by output ${n}`, async () => {
      model.compile({ optimizer: 'sgd', loss: 'mse' });
      await model.fit(tensor([[1, 2, 3]]), tensor([[1]]), { verbose: 0 });
      return 'fit';
    });
    await run(`compile loss dict other output ${n}`, async () => {
      model.compile({ optimizer: 'sgd', loss: { [n]: 'mse' } as never });
      return 'compiled';
    });
    const seq = new Sequential([Input({ shape: [3] }), new Dense({ units: 1 })]);
    await run(`compile optimizer ${n}`, () => seq.compile({ optimizer: n, loss: 'mse' }));
    await run(`compile loss ${n}`, () => seq.compile({ optimizer: 'sgd', loss: n }));
    await run(`compile metric ${n}`, () => seq.compile({ optimizer: 'sgd', loss: 'mse', metrics: [n] }));
    await run(`compile lossWeights ${n}`, () =>
      seq.compile({ optimizer: 'sgd', loss: 'mse', lossWeights: { [n]: 1 } as never }),
    );
    await run(`EarlyStopping monitor ${n}`, async () => {
      seq.compile({ optimizer: 'sgd', loss: 'mse' });
      await seq.fit(tensor([[1, 2, 3]]), tensor([[1]]), {
        verbose: 0,
        epochs: 2,
        callbacks: [new EarlyStopping({ monitor: n })],
      });
      return 'fit';
    });
  }
});
