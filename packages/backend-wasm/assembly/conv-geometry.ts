// The geometry of a 2-D convolution (NHWC input h x w x c, window kh x kw, strides, dilations,
// top/left padding, output oh x ow), held in globals so the kernels take few arguments. Each
// thread's instance has its own globals: every part of a job starts with convGeometry.

/** The geometry of the convolution being run, set by convGeometry before each kernel call. */
export let gH: i32 = 0;
export let gW: i32 = 0;
export let gC: i32 = 0;
export let gKh: i32 = 0;
export let gKw: i32 = 0;
export let gSh: i32 = 1;
export let gSw: i32 = 1;
export let gDh: i32 = 1;
export let gDw: i32 = 1;
export let gPt: i32 = 0;
export let gPl: i32 = 0;
export let gOh: i32 = 0;
export let gOw: i32 = 0;

export function convGeometry(
  h: i32,
  w: i32,
  c: i32,
  kh: i32,
  kw: i32,
  sh: i32,
  sw: i32,
  dh: i32,
  dw: i32,
  pt: i32,
  pl: i32,
  oh: i32,
  ow: i32,
): void {
  gH = h;
  gW = w;
  gC = c;
  gKh = kh;
  gKw = kw;
  gSh = sh;
  gSw = sw;
  gDh = dh;
  gDw = dw;
  gPt = pt;
  gPl = pl;
  gOh = oh;
  gOw = ow;
}
