// Build step: the Node service as JavaScript in .generated/node/ (what `npm start` runs), bundled by esbuild from
// src/runtime/node/: the service and each of its threads start without Node stripping TypeScript in every isolate
// (about 20 MB a thread, measured), and what only the render workers use (docxtemplater, pdf-lib, Handlebars, the lint)
// sits in chunks of its own that the main thread never loads. Packages stay in node_modules (not bundled).
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { build } from 'esbuild';

const out = join(process.argv[2] ?? '.generated', 'node');
const result = await build({
  // Each name is a thread's entry (threadEntry in src/runtime/node/own-files.ts finds them by these names).
  entryPoints: {
    main: 'src/runtime/node/main.ts',
    'render-worker': 'src/runtime/node/render-worker.ts',
    'audit-writer-thread': 'src/runtime/node/audit-writer-thread.ts',
  },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  packages: 'external',
  // Every output in one folder: a chunk finds the thread entries beside itself (import.meta.url).
  outdir: out,
  chunkNames: 'chunk-[hash]',
  write: false,
  legalComments: 'none',
  logLevel: 'error',
});
// A whole new folder, then swapped in: a service starting meanwhile never sees half of one.
const tmp = `${out}.${process.pid}.tmp`;
rmSync(tmp, { recursive: true, force: true });
for (const f of result.outputFiles) {
  const path = join(tmp, relative(out, f.path));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, f.contents);
}
rmSync(out, { recursive: true, force: true });
renameSync(tmp, out);
const bytes = result.outputFiles.reduce((n, f) => n + f.contents.length, 0);
console.log(`bundled the Node service (${result.outputFiles.length} files, ${(bytes / 1024).toFixed(0)} KiB) into ${out}/`);
