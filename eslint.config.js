// Lint: typescript-eslint recommended, the layering rule (runtime → http → usecases → render/templates → core)
// whatever the depth of the importing file, and size limits for the outer layers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** An import that reaches into one of these top-level folders of src/, by any number of `../`. */
const into = (...layers) => `^(\\.{1,2}/)+(?:[\\w.-]+/)*?(?:${layers.join('|')})(/|$)`;
const layer = (layers, message, packages = []) => ({
  'no-restricted-imports': ['error', { patterns: [{ regex: into(...layers), message }, ...(packages.length ? [{ group: packages, message }] : [])] }],
});
const NODE_ONLY = ['node:*', 'puppeteer-core', 'node-cron', '@hono/node-server'];
const ENGINES = ['docxtemplater', 'pizzip', 'handlebars', 'handlebars/*'];

export default tseslint.config(
  { ignores: ['node_modules/', '.generated/', 'out/', 'data/', '.scratch/', 'templates/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // The core runs unchanged on Node and Workers: no runtime APIs, no rendering engines, nothing of the outer layers.
    files: ['src/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: layer(['render', 'templates', 'usecases', 'http', 'runtime'], 'src/core is pure: no runtime, engine or outer-layer imports.', [...NODE_ONLY, 'hono', 'hono/*', ...ENGINES]),
  },
  {
    files: ['src/render/**/*.ts', 'src/templates/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: layer(['usecases', 'http', 'runtime'], 'Rendering is runtime-neutral and below the use cases; Node-only code lives in src/runtime/node.', [...NODE_ONLY, 'hono', 'hono/*']),
  },
  {
    // Storage adapters and their SQL run on Node and Workers alike: they know the core's ports and nothing above them.
    files: ['src/storage/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: layer(['render', 'templates', 'usecases', 'http', 'runtime'], 'src/storage implements the core ports for every runtime; Node-only code lives in src/runtime/node.', [...NODE_ONLY, 'hono', 'hono/*', ...ENGINES]),
  },
  {
    // Use cases are what the routes and the command line share: no HTTP, no runtime.
    files: ['src/usecases/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: layer(['http', 'runtime'], 'src/usecases knows neither HTTP nor the runtime; both call it.', [...NODE_ONLY, 'hono', 'hono/*', '@hono/*']),
  },
  {
    // The HTTP app runs on Node and Workers alike: Hono yes, Node APIs and the browser driver no.
    files: ['src/http/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: layer(['runtime'], 'src/http is runtime-neutral; wire Node adapters in src/runtime/node.', NODE_ONLY),
  },
  {
    // Small enough to read in one sitting.
    files: ['src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 80 }],
    },
  },
);
