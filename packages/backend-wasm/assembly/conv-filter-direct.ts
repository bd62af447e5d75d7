// The filter gradient of a one-channel, 3-wide convolution without im2col or packing.
import { gDh, gH, gKh, gOh, gOw, gSh, gSw, gW } from './conv-geometry';

/**
 * dW += Σ x-window · dy over output rows r0 .. r0 + nrows (a row being (batch, oy)) for a
 * one-channel input, windows 3 wide at column dilation 1, no padding (an MNIST CNN's first layer).
 * Per output row, window row ky and 8 output channels, 6 accumulators (3 taps x 2 vectors) sweep
 * the row's pixels, whose dy (o floats each) stays in L1 across the o / 8 sweeps. dw is
 * [kh, 3, 1, o], zeroed or holding a partial sum; o must be a multiple of 8.
 */
export function convFilterGradC1K3(x: usize, dy: usize, dw: usize, o: i32, r0: i32, nrows: i32): void {
  const rowBytes = <usize>(gW * 4);
  const sx = <usize>(gSw * 4);
  const oBytes = <usize>(o * 4);
  for (let r = r0; r < r0 + nrows; r++) {
    const b = r / gOh;
    const oy = r - b * gOh;
    const dyRow = dy + <usize>r * <usize>gOw * oBytes;
    for (let ky = 0; ky < gKh; ky++) {
      const xRow = x + <usize>(b * gH + oy * gSh + ky * gDh) * rowBytes;
      const w0 = dw + <usize>(ky * 3) * oBytes;
      for (let jr = 0; jr < o; jr += 8) {
        let a00 = f32x4.splat(0);
        let a01 = f32x4.splat(0);
        let a10 = f32x4.splat(0);
        let a11 = f32x4.splat(0);
        let a20 = f32x4.splat(0);
        let a21 = f32x4.splat(0);
        let dp = dyRow + <usize>(jr * 4);
        let xp = xRow;
        for (let ox = 0; ox < gOw; ox++) {
          const d0 = v128.load(dp);
          const d1 = v128.load(dp, 16);
          const x0 = v128.load32_splat(xp);
          const x1 = v128.load32_splat(xp, 4);
          const x2 = v128.load32_splat(xp, 8);
          a00 = f32x4.add(a00, f32x4.mul(x0, d0));
          a01 = f32x4.add(a01, f32x4.mul(x0, d1));
          a10 = f32x4.add(a10, f32x4.mul(x1, d0));
          a11 = f32x4.add(a11, f32x4.mul(x1, d1));
          a20 = f32x4.add(a20, f32x4.mul(x2, d0));
          a21 = f32x4.add(a21, f32x4.mul(x2, d1));
          dp += oBytes;
          xp += sx;
        }
        const p0 = w0 + <usize>(jr * 4);
        const p1 = p0 + oBytes;
        const p2 = p1 + oBytes;
        v128.store(p0, f32x4.add(v128.load(p0), a00));
        v128.store(p0, f32x4.add(v128.load(p0, 16), a01), 16);
        v128.store(p1, f32x4.add(v128.load(p1), a10));
        v128.store(p1, f32x4.add(v128.load(p1, 16), a11), 16);
        v128.store(p2, f32x4.add(v128.load(p2), a20));
        v128.store(p2, f32x4.add(v128.load(p2, 16), a21), 16);
      }
    }
  }
}
