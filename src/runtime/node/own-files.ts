// Where the service finds its own files and its threads' entries, whether it runs from its TypeScript sources or as the
// bundle `npm start` runs (.generated/node/, scripts/build-node.ts): the two sit at different depths of the project.
const bundled = !import.meta.url.endsWith('.ts');

/** The project's root folder (with a trailing slash). */
export const PROJECT_ROOT = new URL(bundled ? '../../' : '../../../', import.meta.url);

/** A worker thread's entry: `src/runtime/node/<name>.ts`, or bundled, `.generated/node/<name>.js`. */
export function threadEntry(name: 'render-worker' | 'audit-writer-thread'): URL {
  return new URL(`./${name}.${bundled ? 'js' : 'ts'}`, import.meta.url);
}
