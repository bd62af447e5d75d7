// The window attrs of conv and pool kernels, decoded as the cpu kernels decode them (one
// definition, in @horn/tensor), under the names this package's kernels use.
export {
  readWindowAttrs as readWindow,
  type WindowAttrs as Window,
  windowOutSize as outSize,
} from '@horn/tensor';
