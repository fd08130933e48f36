// npm run templates:lint [-- <dir> …]: lints every template version under templates/ (or the version folders given)
// and prints every problem with file, tag and explanation; exits 1 when any problem is an error.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { filingById } from '../src/core/filings/filings.ts';
import { TemplateManifest } from '../src/templates/manifest.ts';
import { lintTemplateVersion } from '../src/templates/lint/index.ts';

const lang = (process.env.LANG ?? '').startsWith('zh') ? 'zh' : 'en';
const dirs = process.argv.slice(2);
if (!dirs.length) {
  for (const f of readdirSync('templates', { withFileTypes: true })) {
    if (!f.isDirectory()) continue;
    for (const v of readdirSync(join('templates', f.name), { withFileTypes: true })) if (v.isDirectory()) dirs.push(join('templates', f.name, v.name));
  }
}

let errors = 0;
let warnings = 0;
for (const dir of dirs) {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    console.error(`${dir}: no manifest.json`);
    errors++;
    continue;
  }
  const parsed = TemplateManifest.safeParse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  if (!parsed.success) {
    console.error(`${manifestPath}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    errors++;
    continue;
  }
  const m = parsed.data;
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
