/**
 * Ints per worker in the shared control block: [0] job sequence number, [1] last job done,
 * [2] call count (-1: exit), [3] error flag, then the calls: function index, argument count, arguments.
 * @example new SharedArrayBuffer(workers * SLOT_INTS * 4)
 */
export const SLOT_INTS = 512;

/**
 * The source of a pool worker, as a string so it loads the same way everywhere: an `eval` worker
 * in Node (`worker_threads`), a Blob URL worker in browsers. It instantiates the module over the
 * shared memory, then loops: wait for a new job number, run its calls, publish the number as done.
 * It spins briefly before sleeping in `Atomics.wait`, since a wake-up costs tens of microseconds
 * and kernels of one training step come in quick succession.
 * @example new Worker(WORKER_SOURCE, { eval: true }) // Node
 */
export const WORKER_SOURCE = `
'use strict';
const SLOT_INTS = ${SLOT_INTS};
const SPINS = 4000;
function start(init, post) {
  const { module, memory, control, slot, names } = init;
  const instance = new WebAssembly.Instance(module, {
    env: { memory, abort() { throw new Error('@horn/backend-wasm: the WebAssembly module aborted in a worker'); } },
  });
  const fns = names.map((n) => instance.exports[n]);
  const ctl = new Int32Array(control);
  const base = slot * SLOT_INTS;
  post('ready');
  let seen = Atomics.load(ctl, base);
  for (;;) {
    let spins = 0;
    while (Atomics.load(ctl, base) === seen && spins < SPINS) spins++;
    if (Atomics.load(ctl, base) === seen) Atomics.wait(ctl, base, seen);
    seen = Atomics.load(ctl, base);
    const count = ctl[base + 2];
    if (count < 0) return;
    let at = base + 4;
    try {
      for (let i = 0; i < count; i++) {
        const f = fns[ctl[at]];
        const argc = ctl[at + 1];
        const args = [];
        for (let j = 0; j < argc; j++) args.push(ctl[at + 2 + j]);
        f(...args);
        at += 2 + argc;
      }
    } catch (e) {
      Atomics.store(ctl, base + 3, 1);
    }
    Atomics.store(ctl, base + 1, seen);
    Atomics.notify(ctl, base + 1);
  }
}
if (typeof require === 'function' && typeof process !== 'undefined' && process.versions && process.versions.node) {
  const { parentPort } = require('node:worker_threads');
  parentPort.once('message', (init) => start(init, (m) => parentPort.postMessage(m)));
} else {
  self.onmessage = (e) => { self.onmessage = null; start(e.data, (m) => self.postMessage(m)); };
}
`;
