import { Dense, Input } from '@horn/layers';
import { SGD } from '@horn/optimizers';
import { tensor, tidy } from '@horn/tensor';
import { describe, expect, test, vi } from 'vitest';
import { Sequential } from '../index.js';
import { formatFilepath, LambdaCallback, type Logs, ModelCheckpoint } from './index.js';

const scripted = (monitor: string, values: number[]) =>
  new LambdaCallback({
    onEpochEnd: (epoch: number, logs?: Logs) => {
      if (logs) logs[monitor] = values[epoch];
    },
  });

/** A model whose save / saveWeights record the path and the weights at that moment (a stand-in for the saving module). */
function stubbedModel() {
  const model = new Sequential([Input({ shape: [1] }), new Dense({ units: 1 })]);
  model.compile({ optimizer: new SGD({ learningRate: 0.1 }), loss: 'mse' });
  const saves: { kind: string; path: string; weights: number[]; overwrite?: boolean }[] = [];
  const snapshot = () => tidy(() => model.getWeights().map((w) => w.dataSync()[0]));
  const stubs = {
    save: async (path: string, options?: { overwrite?: boolean }) =>
      void saves.push({ kind: 'model', path, weights: snapshot(), overwrite: options?.overwrite }),
    saveWeights: async (path: string) => void saves.push({ kind: 'weights', path, weights: snapshot() }),
  };
  return { model: Object.assign(model, stubs), saves, snapshot };
}

const data = () => [tensor([[1], [2]]), tensor([[2], [4]])] as const;

describe('formatFilepath', () => {
  test('fills Python format fields as Keras does', () => {
    expect(formatFilepath('ckpt/{epoch:02d}-{val_loss:.2f}', { epoch: 3, val_loss: 0.1234 })).toBe('ckpt/03-0.12');
    expect(formatFilepath('m-{epoch}', { epoch: 12 })).toBe('m-12');
    expect(formatFilepath('{loss:.3e}|{acc:.1%}|{acc:8.3f}|{acc}', { loss: 0.000123, acc: 0.5 })).toBe(
      '1.230e-04|50.0%|   0.500|0.5',
    );
    expect(() => formatFilepath('{val_acc:.2f}', { epoch: 1 })).toThrow(/no value for '\{val_acc\}'; available: epoch/);
    expect(() => formatFilepath('{epoch:02d}', { epoch: 1.5 })).toThrow(/needs an integer/);
  });
});

describe('ModelCheckpoint', () => {
  test('saveBestOnly saves only improvements, so the last save is the best model', async () => {
    const { model, saves, snapshot } = stubbedModel();
    const [x, y] = data();
    const weightsAt: number[][] = [];
    const ckpt = new ModelCheckpoint('ckpt/model-{epoch:02d}-{val_loss:.2f}', { saveBestOnly: true });
    await model.fit(x, y, {
      epochs: 5,
      verbose: 0,
      validationData: [x, y],
      callbacks: [
        scripted('val_loss', [0.5, 0.4, 0.6, 0.3, 0.35]),
        new LambdaCallback({ onEpochEnd: () => void weightsAt.push(snapshot()) }),
        ckpt,
      ],
    });
    expect(saves.map((s) => s.path)).toEqual(['ckpt/model-01-0.50', 'ckpt/model-02-0.40', 'ckpt/model-04-0.30']);
    expect(saves.every((s) => s.kind === 'model' && s.overwrite === true)).toBe(true);
    expect(saves[2].weights).toEqual(weightsAt[3]);
    expect(ckpt.best).toBe(0.3);
    expect(ckpt.saved).toEqual(saves.map((s) => s.path));
  });

  test('saves every epoch without saveBestOnly; weights only; max mode; verbose lines', async () => {
    const { model, saves } = stubbedModel();
    const [x, y] = data();
    const lines: string[] = [];
    const stream = { write: (s: string) => void lines.push(s) };
    await model.fit(x, y, {
      epochs: 2,
      verbose: 0,
      callbacks: [new ModelCheckpoint('w-{epoch}', { saveWeightsOnly: true })],
    });
    expect(saves.map((s) => `${s.kind} ${s.path}`)).toEqual(['weights w-1', 'weights w-2']);
    saves.length = 0;
    await model.fit(x, y, {
      epochs: 3,
      verbose: 0,
      callbacks: [
        scripted('val_accuracy', [0.7, 0.9, 0.8]),
        new ModelCheckpoint('best', { monitor: 'val_accuracy', saveBestOnly: true, verbose: 1, stream }),
      ],
    });
    expect(saves.map((s) => s.path)).toEqual(['best', 'best']);
    expect(lines).toEqual([
      '\nEpoch 1: val_accuracy improved from -inf to 0.70000, saving model to best\n',
      '\nEpoch 2: val_accuracy improved from 0.70000 to 0.90000, saving model to best\n',
      '\nEpoch 3: val_accuracy did not improve from 0.90000\n',
    ]);
  });

  test('saveFreq in batches; a missing monitor warns and skips; bad options throw', async () => {
    const { model, saves } = stubbedModel();
    const [x, y] = data();
    await model.fit(x, y, {
      epochs: 2,
      batchSize: 1,
      verbose: 0,
      callbacks: [new ModelCheckpoint('b-{epoch}-{batch}', { saveFreq: 3 })],
    });
    expect(saves.map((s) => s.path)).toEqual(['b-2-1']);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await model.fit(x, y, { verbose: 0, callbacks: [new ModelCheckpoint('never', { saveBestOnly: true })] });
    expect(String(warn.mock.calls[0][0])).toMatch(/only with val_loss available/);
    warn.mockRestore();
    expect(() => new ModelCheckpoint('')).toThrow(/filepath must be a non-empty string/);
    expect(() => new ModelCheckpoint('p', { saveFreq: 0 })).toThrow(/saveFreq must be 'epoch' or a positive integer/);
  });
});
