// Vitest global set-up: bundles the Node service from the current sources (scripts/build-node.ts, well under a
// second), so a test that starts the service as `npm start` does never runs a bundle older than the code.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-node.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
