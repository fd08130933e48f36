// npm run render -- <input.json> --filing <id> --format docx|pdf|html --locale zh-CN|en|bilingual --out <dir>
import { readFileSync, mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../config.ts';
import { isAppError } from '../../../core/errors.ts';
import { FORMATS, LOCALES, type Format } from '../../../render/document-job.ts';
import { renderFiling } from '../../../usecases/render-filing.ts';
import type { DocLocale } from '../../../core/format/format.ts';
import { createNodeRenderServices } from '../services.ts';

const USAGE = 'usage: npm run render -- <input.json> --filing <id> [--format docx|pdf|html] [--locale zh-CN|en|bilingual] [--out dir] [--version x.y.z] [--draft]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      filing: { type: 'string' },
      format: { type: 'string', default: 'docx' },
      locale: { type: 'string', default: 'zh-CN' },
      out: { type: 'string', default: 'out' },
      version: { type: 'string' },
      draft: { type: 'boolean', default: false },
    },
  });
  const file = positionals[0];
  if (!file || !values.filing) {
    console.error(USAGE);
    return 2;
  }
  if (!(FORMATS as readonly string[]).includes(values.format!) || !(LOCALES as readonly string[]).includes(values.locale!)) {
    console.error(USAGE);
    return 2;
  }
  let input: unknown;
  try {
    input = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${file}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  // One render: starting worker threads would cost more than it saves.
  const services = await createNodeRenderServices(loadConfig(process.env), undefined, { inline: true });
  try {
    const r = await renderFiling(services, {
      filingId: values.filing,
      format: values.format as Format,
      locale: values.locale as DocLocale,
      input,
      ...(values.version ? { version: values.version } : {}),
      draft: values.draft ?? false,
    });
    mkdirSync(values.out!, { recursive: true });
    const path = join(values.out!, r.fileName);
    writeFileSync(`${path}.tmp`, r.bytes);
    renameSync(`${path}.tmp`, path);
    console.log(path);
    return 0;
  } catch (e) {
    if (isAppError(e)) {
      const lang = (process.env.LANG ?? '').startsWith('zh') ? 'zh-CN' : 'en';
      console.error(`${e.code}: ${e.messageIn(lang)}`);
      for (const i of e.issues) console.error(`  ${i.path || '/'}: ${i.message[lang]}`);
      if (Object.keys(e.details).length) console.error(JSON.stringify(e.details, null, 2));
      return 1;
    }
    throw e;
  } finally {
    await services.close();
  }
}

process.exitCode = await main();
