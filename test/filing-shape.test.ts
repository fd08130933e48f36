// Every filing has the one shape (schema, sections, figures, rules, content builders with tests, index), and the core
// stays readable: no file over 400 lines, no function over 80.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { FILINGS } from '../src/core/filings/index.ts';

const FILINGS_DIR = 'src/core/filings';
/** Modules of content/ that are not chapters: the merge, and helpers the chapters share. */
const NOT_CHAPTERS = new Set(['index.ts', 'shared.ts', 'vars.ts']);

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe.each(FILINGS.map((f) => [f.id, f] as const))('%s', (id, def) => {
  const dir = join(FILINGS_DIR, id);

  it('has schema, sections, figures, rules, content and index', () => {
    for (const f of ['schema.ts', 'sections.ts', 'figures.ts', 'rules.ts', 'content/index.ts', 'index.ts']) expect(existsSync(join(dir, f)), f).toBe(true);
  });

  it('has a unit test beside every chapter module', () => {
    const chapters = readdirSync(join(dir, 'content')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !NOT_CHAPTERS.has(f));
    expect(chapters.length).toBeGreaterThan(0);
    for (const f of chapters) expect(existsSync(join(dir, 'content', f.replace(/\.ts$/, '.test.ts'))), f).toBe(true);
  });

  it('builds content only for its own sections', () => {
    const ids = new Set(def.sections.map((s) => s.id));
    for (const key of Object.keys(def.content)) expect(ids.has(key), key).toBe(true);
  });
});

describe('src/core size', () => {
  const files = tsFiles('src/core').filter((f) => !f.endsWith('.test.ts'));

  it.each(files)('%s has at most 400 lines', (f) => {
    expect(readFileSync(f, 'utf8').split('\n').length).toBeLessThanOrEqual(400);
  });

  it('has no function over 80 lines', () => {
    const long: string[] = [];
    for (const f of files) {
      const src = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isFunctionLike(node) && 'body' in node && node.body) {
          const first = src.getLineAndCharacterOfPosition(node.getStart(src)).line;
          const last = src.getLineAndCharacterOfPosition(node.getEnd()).line;
          if (last - first + 1 > 80) long.push(`${relative('.', f)}:${first + 1} (${last - first + 1} lines)`);
        }
        ts.forEachChild(node, visit);
      };
      visit(src);
    }
    expect(long).toEqual([]);
  });
});
