// npm run templates:lint [-- <dir> …]: lints every template version under templates/ (or the version folders given)
// and prints every problem with file, tag and explanation; exits 1 when any problem is an error.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filingById } from '../src/core/filings/index.ts';
import { readManifest, templateVersionDirs } from '../src/runtime/node/template-folders.ts';
import { lintTemplateVersion } from '../src/templates/lint/index.ts';

const lang = (process.env.LANG ?? '').startsWith('zh') ? 'zh' : 'en';
const dirs = process.argv.length > 2 ? process.argv.slice(2) : templateVersionDirs('templates');

let errors = 0;
let warnings = 0;
for (const dir of dirs) {
  const parsed = readManifest(dir);
  if (!parsed.ok) {
    console.error(parsed.error);
    errors++;
    continue;
  }
  const m = parsed.manifest;
  const def = filingById(m.filing)!;
  const result = lintTemplateVersion({
    filing: def,
    docx: new Uint8Array(readFileSync(join(dir, m.files.docx.name))),
    html: readFileSync(join(dir, m.files.html.name), 'utf8'),
    date: m.effectiveFrom,
  });
  for (const p of result.problems) {
    if (p.severity === 'error') errors++;
    else warnings++;
    console.log(`${dir}${p.file ? `/${p.file}` : ''}: ${p.severity} ${p.code}${p.tag ? ` ${p.tag}` : ''}: ${p.explanation[lang]}`);
  }
  if (!result.problems.length) console.log(`${dir}: ok`);
}
console.log(`${dirs.length} version(s), ${errors} error(s), ${warnings} warning(s)`);
process.exitCode = errors ? 1 : 0;
