import { ELU } from '../advanced-activations/elu.js';
import { LeakyReLU } from '../advanced-activations/leaky-relu.js';
import { PReLU } from '../advanced-activations/prelu.js';
import { ReLU } from '../advanced-activations/relu.js';
import { Softmax } from '../advanced-activations/softmax.js';
import { attentionLayerAliases, attentionLayerClasses } from '../attention/registry-list.js';
import { constraintClasses } from '../constraints/get-constraint.js';
import { convLayerAliases, convLayerClasses } from '../conv/registry-list.js';
import { Activation } from '../core/activation.js';
import { ActivityRegularization } from '../core/activity-regularization.js';
import { Dense } from '../core/dense.js';
import { Dropout } from '../core/dropout.js';
import { Flatten } from '../core/flatten.js';
import { GaussianNoise } from '../core/gaussian-noise.js';
import { Lambda } from '../core/lambda.js';
import { Masking } from '../core/masking.js';
import { Permute } from '../core/permute.js';
import { RepeatVector } from '../core/repeat-vector.js';
import { Reshape } from '../core/reshape.js';
import { SpatialDropout2D } from '../core/spatial-dropout2d.js';
import { initializerClasses } from '../initializers/get-initializer.js';
import { Concatenate } from '../merge/concatenate.js';
import { Dot } from '../merge/dot.js';
import { Add, Average, Maximum, Minimum, Multiply, Subtract } from '../merge/elementwise.js';
import { BatchNormalization } from '../normalization/batch-normalization.js';
import { LayerNormalization } from '../normalization/layer-normalization.js';
import { encodingLayerClasses } from '../preprocessing/encoding/registry-list.js';
import { lookupLayerClasses } from '../preprocessing/lookup/registry-list.js';
import { recurrentLayerClasses } from '../recurrent/registry-list.js';
import { regularizerClasses } from '../regularizers/get-regularizer.js';
import { InputLayer } from './input-layer.js';
import type { SerializableClass } from './serialized.js';

/**
 * Every built-in serializable class, listed explicitly (no import side effects): L1's layers,
 * the initializers, regularizers and constraints, and L2's list in conv/registry-list.ts.
 * @example builtinClasses().some((c) => c.className === 'Dense') // true
 */
export function builtinClasses(): SerializableClass[] {
  return [
    ...coreLayerClasses(),
    ...convLayerClasses,
    ...recurrentLayerClasses,
    ...attentionLayerClasses,
    ...lookupLayerClasses,
    ...encodingLayerClasses,
    ...initializerClasses(),
    ...regularizerClasses(),
    ...constraintClasses(),
  ];
}

/**
 * Extra names that resolve to a built-in class (Keras aliases).
 * @example builtinAliases().MaxPool2D // MaxPooling2D
 */
export function builtinAliases(): Record<string, SerializableClass> {
  return { ...convLayerAliases, ...attentionLayerAliases };
}

function coreLayerClasses(): SerializableClass[] {
  return [
    InputLayer,
    Dense,
    Activation,
    Flatten,
    Reshape,
    Permute,
    RepeatVector,
    Dropout,
    SpatialDropout2D,
    GaussianNoise,
    ActivityRegularization,
    Lambda,
    Masking,
    Add,
    Subtract,
    Multiply,
    Average,
    Maximum,
    Minimum,
    Concatenate,
    Dot,
    LeakyReLU,
    PReLU,
    ELU,
    ReLU,
    Softmax,
    BatchNormalization,
    LayerNormalization,
  ];
}
