type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';

/** One character of a camelCase name in Keras' spelling, given the character before it. */
type SnakePiece<C extends string, Before extends string> = Before extends ''
  ? C
  : C extends Digit
    ? Before extends Digit
      ? C
      : `_${C}`
    : C extends Lowercase<C>
      ? C
      : `_${Lowercase<C>}`;

/**
 * A camelCase name in Keras' snake_case, the exact inverse of the runtime's `snakeToCamel`: an
 * upper-case letter becomes `_` + lower-case, and a digit run after a letter gets an `_` in front
 * (`kernelInitializer` -> `kernel_initializer`, `beta1` -> `beta_1`, `l1` -> `l_1`). Tail-recursive
 * over the characters, so long names stay cheap for the compiler.
 * @example
 * type K = SnakeCase<'kernelInitializer'>; // 'kernel_initializer'
 */
export type SnakeCase<S extends string, Before extends string = '', Done extends string = ''> = string extends S
  ? string
  : S extends `${infer C}${infer Rest}`
    ? SnakeCase<Rest, C, `${Done}${SnakePiece<C, Before>}`>
    : Done;

/** The string keys of `T` whose snake_case spelling differs from them. */
type RenamedKeys<T> = { [K in keyof T & string]-?: SnakeCase<K> extends K ? never : K }[keyof T & string];

/** The renamed keys `T` requires (`kernelSize` of Conv2D): either spelling must be given. */
type RequiredRenamedKeys<T> = {
  [K in RenamedKeys<T>]-?: Record<never, never> extends Pick<T, K> ? never : K;
}[RenamedKeys<T>];

/** One required option in exactly one of its two spellings, as the runtime refuses both at once. */
type EitherSpelling<T, K extends keyof T & string> =
  | ({ [P in K]: T[K] } & { [P in SnakeCase<K>]?: never })
  | ({ [P in SnakeCase<K>]: T[K] } & { [P in K]?: never });

/** The intersection, over the required renamed keys `R`, of each key's either-spelling union. */
type EverySpelledOnce<T, R extends keyof T & string> = (
  R extends unknown
    ? (each: EitherSpelling<T, R>) => void
    : never
) extends (each: infer I) => void
  ? I
  : never;

/** The optional renamed keys of `T` in snake_case, each optional with the camelCase key's type. */
type OptionalSnakeKeys<T> = {
  [K in Exclude<RenamedKeys<T>, RequiredRenamedKeys<T>> as SnakeCase<K>]?: T[K];
};

/** Keras' one-word aliases (`{ clipnorm: 'clipNorm' }`), each optional with its target's type. */
type AliasKeys<T, A> = { [P in keyof A]?: A[P] extends keyof T ? T[A[P]] : never };

/** One object type with the members of `X` (an intersection), so that an all-optional result stays a weak type. */
type Flatten<X> = { [K in keyof X]: X[K] };

type KerasOptionsOf<T, A, R extends keyof T & string> = [R] extends [never]
  ? Flatten<T & OptionalSnakeKeys<T> & AliasKeys<T, A>>
  : EverySpelledOnce<T, R> extends infer Each
    ? Each extends unknown
      ? Flatten<Omit<T, R> & OptionalSnakeKeys<T> & AliasKeys<T, A> & Each>
      : never
    : never;

/**
 * An options object as a constructor or function that runs `normalizeOptions` accepts it: the
 * camelCase options `T`, plus for every key its Keras snake_case spelling (`kernel_initializer`,
 * `use_bias`, `beta_1` and `l_1`, which the runtime reads as `beta1` and `l1`; `units` has one spelling),
 * plus the aliases `A` maps to a key of `T` (the optimizers' `clipnorm`). A required option may be
 * given in either spelling but not both; for an optional one, giving both is refused only at run
 * time (typing that for every optional key would cost the compiler 2^n unions). Unknown keys, such as the typo `kernel_initialiser`, stay
 * type errors. Nested objects (an initializer's `{ className, config }`) are not mapped.
 * @example
 * interface DenseConfig { units: number; useBias?: boolean; kernelInitializer?: string }
 * const a: KerasOptions<DenseConfig> = { units: 8, use_bias: false, kernel_initializer: 'zeros' };
 * const b: KerasOptions<DenseConfig> = { units: 8, useBias: false }; // camelCase still works
 */
export type KerasOptions<T, A = Record<never, never>> = T extends unknown
  ? KerasOptionsOf<T, A, RequiredRenamedKeys<T>>
  : never;
