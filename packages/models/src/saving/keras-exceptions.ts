import { activationNames } from '@horn/layers';
import { snakeCase } from './keras-case.js';

/**
 * A config key whose name in model.json is not the generic snake_case of Horn's camelCase key.
 * `scope` is the class name as model.json spells it (`'optimizer'`: every optimizer config).
 * A `readOnly` entry is a spelling other writers use that Horn reads but never writes.
 * @example
 * const rename: KeyRename = KEY_RENAMES[0];
 * rename; // { scope: 'LeakyReLU', horn: 'negativeSlope', keras: 'alpha', why: '...' }
 */
export interface KeyRename {
  scope: string;
  horn: string;
  keras: string;
  readOnly?: boolean;
  why: string;
}

/**
 * A class whose model.json `class_name` differs from Horn's `className`. A `readOnly` entry maps
 * a class other writers use onto a Horn class; Horn never writes it.
 * @example
 * const rename: ClassRename = CLASS_RENAMES[0];
 * rename; // { horn: 'LecunNormal', keras: 'LeCunNormal', why: 'TF.js registers LeCunNormal (...)' }
 */
export interface ClassRename {
  horn: string;
  keras: string;
  readOnly?: boolean;
  why: string;
}

/**
 * A string value other writers use that Horn reads as another value (within a class, for one key).
 * @example
 * const rename: ValueRename = VALUE_RENAMES[0];
 * rename; // { scope: 'VarianceScaling', key: 'distribution', keras: 'normal', horn: 'truncatedNormal', why: '...' }
 */
export interface ValueRename {
  scope: string;
  key: string;
  keras: string;
  horn: string;
  why: string;
}

/**
 * The config keys model.json spells differently from the generic snake_case rule.
 * @example KEY_RENAMES.find((r) => r.horn === 'beta1')?.keras // 'beta_1'
 */
export const KEY_RENAMES: readonly KeyRename[] = [
  {
    scope: 'LeakyReLU',
    horn: 'negativeSlope',
    keras: 'alpha',
    why: 'TF.js and Keras 2 name the slope alpha; Keras 3 names it negative_slope and still reads alpha',
  },
  {
    scope: 'InputLayer',
    horn: 'batchInputShape',
    keras: 'batch_shape',
    readOnly: true,
    why: 'Keras 3 names the InputLayer shape batch_shape (TF.js and Keras 2: batch_input_shape)',
  },
  { scope: 'optimizer', horn: 'beta1', keras: 'beta_1', why: 'Keras spells beta_1 (TF.js reads it as beta1)' },
  { scope: 'optimizer', horn: 'beta2', keras: 'beta_2', why: 'Keras spells beta_2 (TF.js reads it as beta2)' },
  { scope: 'optimizer', horn: 'clipNorm', keras: 'clipnorm', why: 'Keras spells clipnorm in one word' },
  { scope: 'optimizer', horn: 'clipValue', keras: 'clipvalue', why: 'Keras spells clipvalue in one word' },
  { scope: 'optimizer', horn: 'globalClipNorm', keras: 'global_clipnorm', why: 'Keras spells global_clipnorm' },
  {
    scope: 'Momentum',
    horn: 'nesterov',
    keras: 'use_nesterov',
    readOnly: true,
    why: "TF.js' Momentum optimizer (read as SGD) names Nesterov momentum useNesterov",
  },
  {
    scope: 'RMSProp',
    horn: 'rho',
    keras: 'decay',
    readOnly: true,
    why: "TF.js' RMSProp names the moving-average factor decay (Keras: rho)",
  },
];

/**
 * The classes model.json names differently from Horn.
 * @example CLASS_RENAMES.find((r) => r.horn === 'RMSprop')?.keras // 'RMSProp'
 */
export const CLASS_RENAMES: readonly ClassRename[] = [
  {
    horn: 'LecunNormal',
    keras: 'LeCunNormal',
    why: "TF.js registers LeCunNormal (Keras' LecunNormal is read as is)",
  },
  {
    horn: 'LecunUniform',
    keras: 'LeCunUniform',
    why: "TF.js registers LeCunUniform (Keras' LecunUniform is read as is)",
  },
  { horn: 'RMSprop', keras: 'RMSProp', why: "TF.js registers RMSProp (Keras' RMSprop is read as is)" },
  {
    horn: 'SGD',
    keras: 'Momentum',
    readOnly: true,
    why: 'TF.js saves SGD with momentum as its Momentum optimizer',
  },
];

/**
 * String values other writers use that mean another Horn value.
 * @example VALUE_RENAMES[0].keras // 'normal' (read as 'truncatedNormal')
 */
export const VALUE_RENAMES: readonly ValueRename[] = [
  {
    scope: 'VarianceScaling',
    key: 'distribution',
    keras: 'normal',
    horn: 'truncatedNormal',
    why: "TF.js and Keras 2 write 'normal' for the truncated normal distribution",
  },
];

/**
 * Regularizers: TF.js registers only L1L2 (and defaults a missing factor to 0.01), so L1 and L2
 * are written as L1L2 with both factors; an L1L2 with one factor 0 reads back as L1 or L2.
 * @example REGULARIZER_REWRITES.toKeras('L2', { l2: 0.1 }) // { className: 'L1L2', config: { l1: 0, l2: 0.1 } }
 */
export const REGULARIZER_REWRITES = {
  toKeras(className: string, config: Record<string, unknown>): { className: string; config: Record<string, unknown> } {
    if (className === 'L1') return { className: 'L1L2', config: { l1: config.l1, l2: 0 } };
    if (className === 'L2') return { className: 'L1L2', config: { l1: 0, l2: config.l2 } };
    return { className, config };
  },
  fromKeras(
    className: string,
    config: Record<string, unknown>,
  ): { className: string; config: Record<string, unknown> } {
    if (className !== 'L1L2') return { className, config };
    const { l1, l2 } = config;
    if (l1 === 0 && typeof l2 === 'number' && l2 !== 0) return { className: 'L2', config: { l2 } };
    if (l2 === 0 && typeof l1 === 'number' && l1 !== 0) return { className: 'L1', config: { l1 } };
    return { className, config };
  },
};

/**
 * Keys of Keras 3 class objects that carry no config (`module`, `registered_name`, `build_config`): dropped on read.
 * @example DROPPED_KERAS_KEYS.includes('module') // true
 */
export const DROPPED_KERAS_KEYS: readonly string[] = ['module', 'registered_name', 'build_config'];

/**
 * Keys whose string values are names and are never case-converted (as TF.js does).
 * @example NAME_KEYS // ['name']
 */
export const NAME_KEYS: readonly string[] = ['name'];

/**
 * Keys whose nested strings are layer names (`[['dense', 0, 0, {}]]`): never case-converted.
 * @example NAME_LIST_KEYS.includes('inboundNodes') // true
 */
export const NAME_LIST_KEYS: readonly string[] = ['inboundNodes', 'inputLayers', 'outputLayers'];

/**
 * The camelCase enum values Horn's configs hold whose Keras spelling is snake_case: every built-in
 * activation id and the option values (data formats, fan modes, distributions, flip modes,
 * reductions). Other strings (names, 'same', 'relu', 'float32') are written as they are.
 * @example enumValues().includes('channelsLast') // true
 */
export function enumValues(): string[] {
  const options = [
    'channelsLast',
    'channelsFirst',
    'fanIn',
    'fanOut',
    'fanAvg',
    'truncatedNormal',
    'untruncatedNormal',
    'horizontalAndVertical',
    'sumOverBatchSize',
  ];
  return [...activationNames(), ...options].filter((v) => snakeCase(v) !== v);
}
