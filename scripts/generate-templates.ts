// Writes a new template version of each filing from its section registry:
//   node scripts/generate-templates.ts [--version 1.0.0] [--effective-from 2020-02-01] [filing …]
// The files land in templates/<filing>/<version>/ and are then maintained like any document.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FILINGS } from '../src/core/filings/index.ts';
import { regulationText } from '../src/core/regulations/documents.ts';
import { message } from '../src/core/i18n/catalogue.ts';
import { buildDocxTemplate } from '../src/templates/build/docx-template.ts';
import { buildHtmlTemplate } from '../src/templates/build/html-template.ts';
import type { TemplateManifest } from '../src/templates/manifest.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    version: { type: 'string', default: '1.0.0' },
    'effective-from': { type: 'string', default: '2020-02-01' },
    force: { type: 'boolean', default: false },
  },
});

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

for (const def of FILINGS) {
  if (positionals.length && !positionals.includes(def.id)) continue;
  const dir = join('templates', def.id, values.version!);
  if (existsSync(join(dir, 'manifest.json')) && !values.force) {
    console.error(`${dir} exists; a published version never changes (use a new --version)`);
    process.exitCode = 1;
    continue;
  }
  mkdirSync(dir, { recursive: true });
  const docx = buildDocxTemplate(def, { version: values.version!, title: message('zh-CN', `filings.${def.id}.title`) });
  const html = buildHtmlTemplate(def);
  const cited = new Set(def.sections.flatMap((s) => s.citations.map((c) => c.doc)));
  const manifest: TemplateManifest = {
    filing: def.id,
    version: values.version!,
    effectiveFrom: values['effective-from']!,
    status: 'published',
    regulationBasis: [...cited].filter((d) => d !== 'customary').map((d) => regulationText(d)!.zh),
    files: {
      docx: { name: `${def.id}.docx`, sha256: sha(docx) },
      html: { name: `${def.id}.hbs`, sha256: sha(html) },
    },
  };
  writeFileSync(join(dir, `${def.id}.docx`), docx);
  writeFileSync(join(dir, `${def.id}.hbs`), html);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`${dir}: ${def.sections.length} sections`);
}
