// Renders every valid sample of every filing in every format and locale into out/ (or the folder given).
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { loadConfig } from '../../config.ts';
import { FILINGS } from '../../core/filings/index.ts';
import { FORMATS, LOCALES } from '../../render/document-job.ts';
import { renderFiling } from '../../usecases/render-filing.ts';
import { isAppError } from '../../core/errors.ts';
import { createNodeRenderServices } from './services.ts';
import { validSamples } from './sample-files.ts';

const outRoot = process.argv[2] ?? 'out';
const services = await createNodeRenderServices(loadConfig(process.env));
let failures = 0;
try {
  for (const def of FILINGS) {
    for (const sample of validSamples(def.id)) {
      const input = JSON.parse(readFileSync(sample, 'utf8'));
      const dir = join(outRoot, def.id, basename(sample, '.json'));
      mkdirSync(dir, { recursive: true });
      for (const locale of LOCALES) {
        for (const format of FORMATS) {
          try {
            const r = await renderFiling(services, { filingId: def.id, format, locale, input });
            const path = join(dir, `${locale}.${format}`);
            writeFileSync(path, r.bytes);
            console.log(`${path}  ${r.bytes.length} bytes  template ${r.templateVersion}`);
          } catch (e) {
            failures++;
            console.error(`${sample} ${format} ${locale}: ${isAppError(e) ? `${e.code} ${e.message} ${JSON.stringify(e.issues.length ? e.issues : e.details)}` : String(e)}`);
          }
        }
      }
    }
  }
} finally {
  await services.close();
}
if (failures) {
  console.error(`${failures} render(s) failed`);
  process.exitCode = 1;
}
