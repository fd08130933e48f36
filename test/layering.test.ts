// The layering guard in eslint.config.js (runtime → http → usecases → render/templates → core) fails an import that
// reaches upwards, whatever the depth of the importing file, and lets the downward ones through.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function layerErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layer guard', () => {
  it.each([
    ['src/core/errors-extra.ts', "import x from '../render/render-document.ts';"],
    ['src/core/filings/feasibility-study/content/deep/part.ts', "import x from '../../../../../render/render-document.ts';"],
    ['src/core/filings/feasibility-study/content/deep/part.ts', "import x from '../../../../../usecases/keys.ts';"],
    ['src/core/compliance/rules/extra.ts', "import x from '../../../http/app.ts';"],
    ['src/core/compliance/rules/extra.ts', "import x from '../../../runtime/node/compose.ts';"],
    ['src/core/format/extra.ts', "import x from 'node:fs';"],
    ['src/core/format/extra.ts', "import x from 'pizzip';"],
    ['src/render/docx/extra.ts', "import x from '../../usecases/services.ts';"],
    ['src/render/extra.ts', "import x from '../http/app.ts';"],
    ['src/templates/lint/deep/extra.ts', "import x from '../../../runtime/node/compose.ts';"],
    ['src/templates/build/extra.ts', "import x from 'node:path';"],
    ['src/usecases/extra.ts', "import x from '../http/problem.ts';"],
    ['src/usecases/deep/extra.ts', "import x from '../../runtime/node/services.ts';"],
    ['src/usecases/extra.ts', "import x from 'hono';"],
    ['src/http/routes/extra.ts', "import x from '../../runtime/node/compose.ts';"],
    ['src/http/routes/extra.ts', "import x from 'node:crypto';"],
    ['src/storage/extra.ts', "import x from 'node:sqlite';"],
    ['src/storage/extra.ts', "import x from '../http/app.ts';"],
  ])('refuses %s: %s', async (file, source) => {
    expect(await layerErrors(file, source)).toHaveLength(1);
  });

  it.each([
    ['src/core/filings/feasibility-study/content/deep/part.ts', "import x from '../../../../../errors.ts';"],
    ['src/render/docx/extra.ts', "import x from '../../core/errors.ts';"],
    ['src/render/extra.ts', "import x from './render-document.ts';"],
    ['src/usecases/extra.ts', "import x from '../render/render-document.ts';"],
    ['src/usecases/extra.ts', "import x from '../templates/lint/index.ts';"],
    ['src/http/routes/extra.ts', "import x from '../../usecases/keys.ts';"],
    ['src/runtime/node/extra.ts', "import x from '../../http/app.ts';"],
    ['src/runtime/node/extra.ts', "import x from 'node:fs';"],
    ['src/storage/extra.ts', "import x from '../core/ports.ts';"],
    ['src/http/extra.ts', "import x from '../storage/memory-abuse-stores.ts';"],
  ])('lets %s import %s', async (file, source) => {
    expect(await layerErrors(file, source)).toEqual([]);
  });
});
