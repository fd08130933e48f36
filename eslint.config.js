// Lint: typescript-eslint recommended, plus the layering rule that keeps the core pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
    // The core runs unchanged on Node and Workers: no runtime APIs, no rendering engines.
    files: ['src/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'hono', 'hono/*', 'puppeteer-core', 'node-cron', 'docxtemplater', 'pizzip', 'handlebars', 'handlebars/*', '../../render/*', '../../runtime/*', '../../http/*'], message: 'src/core is pure: no runtime, engine or outer-layer imports.' }] },
      ],
    },
  },
  {
    files: ['src/render/**/*.ts', 'src/templates/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'puppeteer-core', 'node-cron', 'hono', 'hono/*'], message: 'Rendering is runtime-neutral; Node-only code lives in src/runtime/node.' }] }],
    },
  },
  {
    // The HTTP app runs on Node and Workers alike: Hono yes, Node APIs and the browser driver no.
    files: ['src/http/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*', 'puppeteer-core', 'node-cron', '@hono/node-server', '../runtime/*'], message: 'src/http is runtime-neutral; wire Node adapters in src/runtime/node.' }] }],
    },
  },
);
