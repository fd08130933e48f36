// Every shipped HTML template through the eval-free interpreter (the path uploaded templates take on Workers): every
// golden case in every locale renders the very bytes recorded for Handlebars' precompiled template.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilingId } from '../src/core/filings/index.ts';
import type { HtmlTemplateFn } from '../src/core/ports.ts';
import { templateVersionDirs, requireManifest } from '../src/runtime/node/template-folders.ts';
import type { NodeRenderServices } from '../src/runtime/node/services.ts';
import type { RenderServices } from '../src/usecases/services.ts';
import { interpretTemplate } from '../src/templates/hbs-interpreter.ts';
import { renderFiling } from '../src/usecases/render-filing.ts';
import { testServices } from './support/services.ts';

const golden = JSON.parse(readFileSync('test/golden/outputs.json', 'utf8')) as Record<string, string>;
const htmlCases = Object.keys(golden).filter((k) => k.split(' ')[1] === 'html');
const sources = new Map<string, string>(
  templateVersionDirs('templates').map((dir) => {
    const m = requireManifest(dir);
    return [`${m.filing}@${m.version}`, readFileSync(join(dir, m.files.html.name), 'utf8')] as const;
  }),
);

let services: NodeRenderServices;
let interpreted: RenderServices;
const used = new Set<string>();
beforeAll(async () => {
  services = await testServices();
  const cache = new Map<string, HtmlTemplateFn>();
  // Inline, not in the worker pool: the pool's threads load templates themselves and would not ask this store.
  const { work: _pool, ...inline } = services;
  interpreted = {
    ...inline,
    templates: {
      ...services.templates,
      async html(filingId: FilingId, version: string) {
        const key = `${filingId}@${version}`;
        used.add(key);
        if (!cache.has(key)) cache.set(key, interpretTemplate(sources.get(key)!));
        return cache.get(key)!;
      },
    },
  };
});
afterAll(() => services.close());

describe('the interpreter on the shipped templates', () => {
  it.each(htmlCases)('%s', async (id) => {
    // `<filing>/<sample>[@<pinned version>] <format> <locale>`
    const [ref, , locale] = id.split(' ') as [string, string, 'zh-CN' | 'en' | 'bilingual'];
    const [sample, version] = ref.split('@') as [string, string | undefined];
    const [filingId, name] = sample.split('/') as [string, string];
    const input = JSON.parse(readFileSync(join('samples', filingId, `${name}.json`), 'utf8')) as unknown;
    const r = await renderFiling(interpreted, { filingId, format: 'html', locale, input, draft: name.startsWith('noncompliant-'), ...(version ? { version } : {}) });
    expect(createHash('sha256').update(r.bytes).digest('hex')).toBe(golden[id]);
  });

  it('went through every shipped template', () => {
    expect([...used].sort()).toEqual([...sources.keys()].sort());
  });
});
