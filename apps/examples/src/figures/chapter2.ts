/**
 * The figures of the course's chapter 2 (math for deep learning): the cost J(w) = ½(ŷ − y)² and the
 * path gradient descent takes down it (2.2), the diabetes data with the line the course's `Neuron`
 * fits (2.3), the sigmoid, odds and logit curves (2.4), and the logistic cost −log(a) / −log(1 − a)
 * (2.5). Run: `node dist/figures/chapter2.js [dir]`.
 */
import { GradientTape, variable } from '@horn/autograd';
import { diabetes } from '@horn/datasets';
import { linePlot, overlay, scatter, subplots } from '@horn/plot';
import { div, log, mul, neg, sigmoid, square, sub, type Tensor, tensor } from '@horn/tensor';
import { type FigureRunOptions, type FigureWriter, linspace, runFiguresIfMain } from './figure-writer.js';

const values = (t: Tensor) => Array.from(t.dataSync());

/**
 * Gradient descent on J(w) = ½(wx + b − y)² at the course's x = 2, y = 2, b = 0 from w = −1, the
 * gradient dJ/dw = x(ŷ − y) taken by GradientTape. Returns the w and J of every step.
 */
export function gradientDescentPath(learningRate: number, steps: number): { w: number[]; cost: number[] } {
  const w = variable(tensor(-1));
  const path = { w: [] as number[], cost: [] as number[] };
  for (let i = 0; i <= steps; i++) {
    const tape = new GradientTape();
    const cost = tape.run(() => mul(square(sub(w.mul(2), 2)), 0.5));
    path.w.push(w.dataSync()[0]);
    path.cost.push(cost.dataSync()[0]);
    const dw = tape.gradient(cost, w) as Tensor;
    w.assign(sub(w, mul(dw, learningRate)));
  }
  return path;
}

/**
 * The course's `Neuron` (2.3), as it writes it: w = b = 1, then for every sample ŷ = wx + b,
 * err = −(y − ŷ), w −= x·err, b −= err, for `epochs` passes over the diabetes BMI column.
 */
export function neuronFit(x: readonly number[], y: readonly number[], epochs = 100): { w: number; b: number } {
  let w = 1;
  let b = 1;
  for (let e = 0; e < epochs; e++) {
    for (let i = 0; i < x.length; i++) {
      const err = -(y[i] - (x[i] * w + b));
      w -= x[i] * err;
      b -= err;
    }
  }
  return { w, b };
}

/** Draws chapter 2's figures. */
export async function chapter2Figures(writer: FigureWriter, _options: FigureRunOptions = {}): Promise<void> {
  // 2.2: the cost curve over w and the steps gradient descent takes on it.
  const ws = linspace(-1.5, 3, 91);
  const cost = values(mul(square(sub(mul(tensor(ws), 2), 2)), 0.5));
  const path = gradientDescentPath(0.1, 8);
  await writer.write(
    'ch2-gradient-descent',
    '2.2',
    overlay(
      [
        linePlot({ series: [{ name: 'J(w) = ½(2w − 2)²', x: ws, y: cost }], points: false }),
        linePlot({ series: [{ name: 'gradient descent, α = 0.1', x: path.w, y: path.cost }], points: true }),
      ],
      { title: 'Cost and the gradient-descent path (x = 2, y = 2, w from −1)', xLabel: 'w', yLabel: 'J(w)' },
    ),
    { w: path.w, cost: path.cost },
  );

  // 2.3: the diabetes BMI column against the target, and the Neuron's line.
  const { data, target } = diabetes.loadData();
  const bmi = values(data).filter((_, i) => i % 10 === 2);
  const y = values(target);
  const { w, b } = neuronFit(bmi, y);
  const ends = [Math.min(...bmi), Math.max(...bmi)];
  await writer.write(
    'ch2-diabetes-fit',
    '2.3',
    overlay(
      [
        scatter({ series: [{ name: 'diabetes (442 patients)', x: bmi, y }], size: 16 }),
        linePlot({
          series: [{ name: `ŷ = ${w.toFixed(1)}x + ${b.toFixed(1)}`, x: ends, y: ends.map((v) => w * v + b) }],
          points: false,
        }),
      ],
      {
        title: "Linear regression with the course's Neuron (100 epochs)",
        xLabel: 'x (bmi, scaled)',
        yLabel: 'y (target)',
        legend: 'top-left',
      },
    ),
    { w, b },
    1.25,
  );

  // 2.4: sigmoid, odds ratio and logit.
  const z = linspace(-10, 10, 201);
  const s = values(sigmoid(tensor(z)));
  const p = linspace(0, 0.99, 100);
  const odds = values(div(tensor(p), sub(1, tensor(p))));
  const pl = linspace(0.01, 0.99, 99);
  const logit = values(log(div(tensor(pl), sub(1, tensor(pl)))));
  const curve = (name: string, x: number[], yv: number[], title: string, xLabel: string, yLabel: string) =>
    linePlot({ series: [{ name, x, y: yv }], points: false, title, xLabel, yLabel, width: 260, height: 200 });
  await writer.write(
    'ch2-sigmoid-odds-logit',
    '2.4',
    subplots(
      [
        curve('odds', p, odds, 'Odds ratio p / (1 − p)', 'p', 'odds'),
        curve('logit', pl, logit, 'Logit log(p / (1 − p))', 'p', 'logit(p)'),
        curve('sigmoid', z, s, 'Sigmoid 1 / (1 + e^−z)', 'z', 'a'),
      ],
      { cols: 3, spacing: 30 },
    ),
    { 'sigmoid(0)': s[100], 'odds(0.5)': odds[50], 'logit(0.5)': logit[49] },
  );

  // 2.5: the logistic cost for y = 1 and y = 0.
  const a = linspace(0.01, 0.99, 99);
  const yes = values(neg(log(tensor(a))));
  const no = values(neg(log(sub(1, tensor(a)))));
  await writer.write(
    'ch2-logistic-cost',
    '2.5',
    linePlot({
      series: [
        { name: 'y = 1: −log(a)', x: a, y: yes },
        { name: 'y = 0: −log(1 − a)', x: a, y: no },
      ],
      points: false,
      title: 'Logistic regression cost',
      xLabel: 'a (predicted probability)',
      yLabel: 'cost',
    }),
    { 'cost(y=1, a=0.1)': yes[9], 'cost(y=1, a=0.9)': yes[89] },
  );
}

runFiguresIfMain(import.meta.url, chapter2Figures);
