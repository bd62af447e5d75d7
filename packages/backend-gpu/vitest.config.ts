import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

// The GPU kernels run in headless Chromium (Debian's `chromium`; no browser is downloaded), whose
// WebGL2 and WebGPU are SwiftShader: correct, slow. A Node project checks the errors without WebGL.
// Tests run against the sources of sibling packages, so no build of them is needed first.
const CHROMIUM = process.env.HORN_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const WEBGPU_FLAGS = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader', '--enable-features=Vulkan'];

const chromium = (flags: string[]) => ({
  enabled: true,
  headless: true,
  screenshotFailures: false,
  provider: playwright({ launchOptions: { executablePath: CHROMIUM, args: flags } }),
  instances: [{ browser: 'chromium' as const }],
});

export default defineConfig({
  resolve: {
    alias: {
      '@horn/tensor': fileURLToPath(new URL('../tensor/src/index.ts', import.meta.url)),
      '@horn/autograd': fileURLToPath(new URL('../autograd/src/index.ts', import.meta.url)),
      '@horn/layers': fileURLToPath(new URL('../layers/src/index.ts', import.meta.url)),
    },
  },
  optimizeDeps: { include: ['gpu.js'] },
  test: {
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'node', environment: 'node', include: ['src/**/*.node.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'webgl2',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.node.test.ts', 'src/**/*.webgpu.test.ts'],
          browser: chromium(FLAGS),
        },
      },
      {
        extends: true,
        test: { name: 'webgpu', include: ['src/**/*.webgpu.test.ts'], browser: chromium([...FLAGS, ...WEBGPU_FLAGS]) },
      },
    ],
  },
});
