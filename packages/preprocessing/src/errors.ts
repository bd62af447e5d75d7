import { ValueError } from '@horn/tensor';

/**
 * An estimator used before `fit`: scikit-learn's `NotFittedError` (a ValueError there too).
 * @example new StandardScaler().transform([[1]]); // NotFittedError: StandardScaler: this instance is not fitted yet...
 */
export class NotFittedError extends ValueError {}
