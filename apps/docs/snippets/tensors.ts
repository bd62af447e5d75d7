/**
 * The course's chapter 2 and 4.1 in Horn: tensors and their shapes, NumPy broadcasting, the
 * matrix products the course works through, and one step of gradient descent on the linear unit
 * ŷ = wx + b with the gradient from GradientTape instead of by hand.
 */
import { GradientTape, variable } from '@horn/autograd';
import { matmul, mul, square, sub, type Tensor, tensor } from '@horn/tensor';

// #region products
/** The course's np.dot examples, by the shapes it writes next to them. */
export function matrixProducts(): Record<string, Tensor> {
  const a = tensor([[1, 2, 3]]); // (1, 3)
  const b = tensor([[2], [2], [2]]); // (3, 1)
  const m = tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]); // (2, 3)
  const n = tensor([
    [1, 2],
    [1, 2],
    [1, 2],
  ]); // (3, 2)
  return {
    'x * w, element by element': mul(tensor([1, 2, 3]), tensor([4, 5, 6])),
    '(1,3)(3,1) => (1,1)': matmul(a, b),
    '(3,1)(1,3) => (3,3)': matmul(b, a),
    '(2,3)(3,1) => (2,1)': matmul(m, b),
    '(2,3)(3,2) => (2,2)': matmul(m, n),
    // Broadcasting: a row plus a column is a table, as in NumPy.
    '(1,3) + (3,1) => (3,3)': a.add(b),
    // A bias b is added to every row: XW + b.
    '(2,3)(3,1) + b => (2,1)': matmul(m, b).add(1),
  };
}
// #endregion products

// #region step
/**
 * One gradient-descent step on ŷ = wx + b with J = ½(ŷ − y)², at the course's point x = 2,
 * y = 2, w = −1, b = 0: GradientTape finds ∂J/∂w = (ŷ − y)x = −8 and ∂J/∂b = ŷ − y = −4.
 */
export function gradientDescentStep(learningRate = 0.01) {
  const x = 2;
  const y = 2;
  const w = variable(-1);
  const b = variable(0);
  const tape = new GradientTape();
  const cost = tape.run(() => mul(square(sub(w.mul(x).add(b), y)), 0.5));
  const [dw, db] = tape.gradient(cost, [w, b]) as Tensor[];
  w.assignSub(dw.mul(learningRate)); // w = w − α·∂J/∂w
  b.assignSub(db.mul(learningRate));
  return {
    cost: cost.dataSync()[0],
    dw: dw.dataSync()[0],
    db: db.dataSync()[0],
    w: w.dataSync()[0],
    b: b.dataSync()[0],
  };
}
// #endregion step
