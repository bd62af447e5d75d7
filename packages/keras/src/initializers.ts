/**
 * `keras.initializers`: initializer classes, and `get` / `serialize` for ids and configs.
 * @example new keras.initializers.GlorotUniform({ seed: 1 }).apply([3, 2])
 */
export {
  Constant,
  GlorotNormal,
  GlorotUniform,
  getInitializer as get,
  HeNormal,
  HeUniform,
  Identity,
  Initializer,
  LecunNormal,
  LecunUniform,
  Ones,
  Orthogonal,
  RandomNormal,
  RandomUniform,
  serializeInitializer as serialize,
  TruncatedNormal,
  VarianceScaling,
  Zeros,
} from '@horn/layers';
