// A channel multiplier m > 1 runs on the multiplier-1 depthwise kernels over c * m channels:
// x with each channel repeated m times, and the input gradient folded back to c channels.

/** dst[p, ci * m + mi] = src[p, ci] over `pixels` pixels of c channels: x for a multiplier m. */
export function expandChannels(src: usize, dst: usize, pixels: i32, c: i32, m: i32): void {
  let s = src;
  let d = dst;
  const count = pixels * c;
  for (let i = 0; i < count; i++) {
    const v = load<f32>(s);
    for (let mi = 0; mi < m; mi++) store<f32>(d + <usize>(mi * 4), v);
    s += 4;
    d += <usize>(m * 4);
  }
}

/** dst[p, ci] = Σ_mi src[p, ci * m + mi]: a multiplier-m input gradient folded back to c channels. */
export function sumChannelGroups(src: usize, dst: usize, pixels: i32, c: i32, m: i32): void {
  let s = src;
  let d = dst;
  const count = pixels * c;
  for (let i = 0; i < count; i++) {
    let v: f32 = 0;
    for (let mi = 0; mi < m; mi++) v += load<f32>(s + <usize>(mi * 4));
    store<f32>(d, v);
    s += <usize>(m * 4);
    d += 4;
  }
}
