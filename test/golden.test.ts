// Golden output hashes: every valid sample (and every noncompliant one as a draft) as DOCX and HTML in every locale
// renders to the bytes recorded in test/golden/outputs.json. A deliberate change of output updates that file in the
// same commit (`npm run golden:update`) and says why; anything else that moves a byte fails here.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderFiling } from '../src/usecases/render-filing.ts';
import { FILINGS } from '../src/core/filings/index.ts';
import { testServices } from './support/services.ts';
import type { NodeRenderServices } from '../src/runtime/node/services.ts';

const GOLDEN = 'test/golden/outputs.json';
const UPDATE = process.env.GOLDEN_UPDATE === '1';
const FORMATS = ['docx', 'html'] as const;
const LOCALES = ['zh-CN', 'en', 'bilingual'] as const;
/**
 * Each sample renders with the version in force on its own date, and pinned to the typeset version (1.1.0, in force
 * from 2026-12-01, after every sample's date), so both stay covered.
 */
const PINNED = ['1.1.0'] as const;

interface Case {
  key: string;
  filingId: string;
  input: unknown;
  draft: boolean;
  version?: string;
}

function cases(): Case[] {
  return FILINGS.flatMap((f) => {
    const dir = join('samples', f.id);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .filter((n) => n.endsWith('.json') && !n.startsWith('invalid'))
      .sort()
      .flatMap((n) => {
        const base = { key: `${f.id}/${n.replace(/\.json$/, '')}`, filingId: f.id, input: JSON.parse(readFileSync(join(dir, n), 'utf8')) as unknown, draft: n.startsWith('noncompliant-') };
        return [base, ...PINNED.map((version) => ({ ...base, key: `${base.key}@${version}`, version }))];
      });
  });
}

let services: NodeRenderServices;
const seen: Record<string, string> = {};
const golden: Record<string, string> = existsSync(GOLDEN) ? (JSON.parse(readFileSync(GOLDEN, 'utf8')) as Record<string, string>) : {};

beforeAll(async () => {
  services = await testServices();
});
afterAll(async () => {
  await services.close();
  if (UPDATE) writeFileSync(GOLDEN, JSON.stringify(Object.fromEntries(Object.entries(seen).sort(([a], [b]) => a.localeCompare(b))), null, 2) + '\n');
});

describe('golden outputs', () => {
  it.each(cases().map((c) => [c.key, c] as const))('%s renders the recorded bytes', async (_, c) => {
    for (const format of FORMATS) {
      for (const locale of LOCALES) {
        const r = await renderFiling(services, { filingId: c.filingId, format, locale, input: c.input, draft: c.draft, ...(c.version ? { version: c.version } : {}) });
        const id = `${c.key} ${format} ${locale}`;
        seen[id] = createHash('sha256').update(r.bytes).digest('hex');
        if (!UPDATE) expect(seen[id], id).toBe(golden[id]);
      }
    }
  });

  it('the golden list names no output that is not rendered', () => {
    if (UPDATE) return;
    const expected = cases().flatMap((c) => FORMATS.flatMap((f) => LOCALES.map((l) => `${c.key} ${f} ${l}`)));
    expect(Object.keys(golden).sort()).toEqual(expected.sort());
  });
});
