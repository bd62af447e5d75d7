// The child process of the crash-save test (bundled by it with esbuild): saves two models, A and
// B, over each other into one directory (`first` first), forever, until the parent kills it with SIGKILL.
import type { ModelArtifacts } from '../saving/artifacts.js';
import { fileSystemHandler } from '../saving/file-handler.js';

const [dir, shardBytes, first] = [process.argv[2], Number(process.argv[3]), process.argv[4]];

/** The artifacts of model `tag`: n float32 weights whose values say which model they belong to. */
export function killTestArtifacts(tag: 'A' | 'B'): ModelArtifacts {
  const n = tag === 'A' ? 3000 : 700;
  const values = Float32Array.from({ length: n }, (_, i) => (tag === 'A' ? i : -i - 0.5));
  return {
    modelTopology: { class_name: 'Sequential', config: { name: tag, layers: [] } },
    weightSpecs: [{ name: `${tag}/kernel`, shape: [n], dtype: 'float32' }],
    weightData: values.buffer,
    format: 'layers-model',
    generatedBy: 'kill-test',
    convertedBy: null,
  };
}

async function main(): Promise<void> {
  const handler = fileSystemHandler(dir, { shardBytes });
  const models = [killTestArtifacts('A'), killTestArtifacts('B')];
  process.stdout.write('ready\n');
  for (let k = first === 'B' ? 1 : 0; ; k++) await handler.save!(models[k % 2]);
}

if (dir !== undefined && process.argv[1]?.endsWith('kill-save-child.mjs')) void main();
