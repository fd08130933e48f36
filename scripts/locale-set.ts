// Sets one filing's entry in both catalogues from two fragment files, keeping every other key as it is:
//   node scripts/locale-set.ts <filing-id> <zh-CN fragment.json> <en fragment.json>
// A fragment is { "title": …, "sections": { … }, "labels": { … } } for that filing.
import { readFileSync, writeFileSync, renameSync, mkdirSync, rmdirSync } from 'node:fs';

const [id, zhPath, enPath] = process.argv.slice(2);
if (!id || !zhPath || !enPath) {
  console.error('usage: node scripts/locale-set.ts <filing-id> <zh-CN fragment.json> <en fragment.json>');
  process.exit(2);
}
const lock = 'locales/.lock';
for (let i = 0; ; i++) {
  try {
    mkdirSync(lock);
    break;
  } catch {
    if (i > 200) throw new Error('locales/.lock is held; remove it if no other run is active');
    await new Promise((r) => setTimeout(r, 50));
  }
}
try {
  for (const [lang, path] of [['zh-CN', zhPath], ['en', enPath]] as const) {
    const file = `locales/${lang}.json`;
    const catalogue = JSON.parse(readFileSync(file, 'utf8')) as { filings: Record<string, unknown> };
    catalogue.filings[id] = JSON.parse(readFileSync(path, 'utf8'));
    const sorted = Object.fromEntries(Object.entries(catalogue.filings));
    catalogue.filings = sorted;
    writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(catalogue, null, 2) + '\n');
    renameSync(`${file}.${process.pid}.tmp`, file);
  }
} finally {
  rmdirSync(lock);
}
console.log(`locales: set filings.${id}`);
