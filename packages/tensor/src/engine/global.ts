import { CpuBackend } from '../cpu/backend.js';
import { registerCpuKernels } from '../cpu/register.js';
import { Engine } from './engine.js';

/**
 * The process-wide engine every op dispatches through.
 * @example
 * ENGINE.backendName; // 'cpu'
 * ENGINE.memory().numTensors; // as memory()
 */
export const ENGINE = new Engine();
ENGINE.registerBackend('cpu', () => new CpuBackend(), 0);
registerCpuKernels();
