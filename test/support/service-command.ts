// How `npm start` runs the service (its Node flags and the bundled entry), read from package.json, so tests and
// benchmarks that start the service as a process start it exactly as it is run.
import { readFileSync } from 'node:fs';

const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
const m = /(?:^|&& )node ((?:--[\w-]+(?:=\S+)? )*)(\S+\.js)$/.exec(start);
if (!m) throw new Error(`package.json's start script does not end in "node [flags] <entry>.js": ${start}`);

/** The arguments after `node`: flags, then the entry (.generated/node/main.js, built by scripts/build-node.ts). */
export const SERVICE_ARGS: readonly string[] = [...m[1]!.trim().split(/\s+/).filter(Boolean), m[2]!];
