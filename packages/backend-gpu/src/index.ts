export { GpuBackend, type GpuBackendSettings, GpuHandle, type GpuStats } from './backend.js';
export { detectGpu, type GpuInfo, type GpuMode, glRenderer, isSoftwareRenderer, supportedGlModes } from './detect.js';
export type { CompiledKernel, Device, DeviceValue } from './device.js';
export { GpuUnavailableError } from './gpu-unavailable-error.js';
export { gpuKernels } from './kernels/kernel-list.js';
export {
  DEFAULT_MIN_SIZE_ON_GPU,
  type GpuBackendOptions,
  isSoftwareBackend,
  registerGpuBackend,
} from './register.js';
