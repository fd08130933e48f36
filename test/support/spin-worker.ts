// A worker for the pool's own tests: `spin` keeps its thread busy for the given milliseconds (as a runaway render
// would), `echo` answers at once, `crash` dies, `grow` allocates until its heap limit stops it.
import { parentPort } from 'node:worker_threads';

const held: unknown[] = [];
parentPort!.on('message', (m: { id: number; kind: string; payload: { args: unknown } }) => {
  if (m.kind === 'spin') {
    const end = Date.now() + (m.payload.args as number);
    while (Date.now() < end) {
      /* busy */
    }
  }
  if (m.kind === 'crash') process.exit(3);
  if (m.kind === 'grow') for (;;) held.push(new Array(1 << 16).fill(held.length));
  parentPort!.postMessage({ id: m.id, ok: true, value: m.payload.args });
});
parentPort!.postMessage({ ready: true });
