// npm run soak [-- --renders 2000] [--concurrency 4] : the service over loopback under a long mixed load (every sample
// of every filing, DOCX/HTML/PDF, every locale, no two requests alike), printing the resident memory of its Node
// process and of its Chromium tree every 100 renders, and whether both stay within ±20 % of their median once warm.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FILINGS } from '../src/core/filings/index.ts';
import { SqliteStore } from '../src/runtime/node/sqlite-store.ts';
import { validSamples } from '../src/runtime/node/sample-files.ts';
import { createApiKey } from '../src/usecases/keys.ts';
import { mb, median, serviceRss, startService, verdict } from './support.ts';

const { values } = parseArgs({ options: { renders: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '4' } } });
const total = Number(values.renders);
const concurrency = Number(values.concurrency);
const EVERY = Math.max(10, Math.round(total / 20));

type Named = { project: { name: string | { zh: string; en?: string } } };
const samples = FILINGS.flatMap((f) => validSamples(f.id).map((p) => ({ filing: f.id, input: JSON.parse(readFileSync(p, 'utf8')) as Named })));
const formats = ['docx', 'html', 'pdf'] as const;
const locales = ['zh-CN', 'en', 'bilingual'] as const;
/** Request i: a sample, a format and a locale in turn, the project's name marked with i so no two are alike. */
const request = (i: number) => {
  const s = samples[i % samples.length]!;
  const name = s.input.project.name;
  const project = { ...s.input.project, name: typeof name === 'string' ? `${name}（${i}）` : { ...name, zh: `${name.zh}（${i}）` } };
  return { path: `/v1/filings/${s.filing}/render?format=${formats[i % 3]}&locale=${locales[Math.floor(i / 3) % 3]}`, body: JSON.stringify({ ...s.input, project }) };
};

const dir = mkdtempSync(join(tmpdir(), 'filing-soak-'));
const store = new SqliteStore(join(dir, 'db.sqlite'));
const key = (await createApiKey(store, { name: 'soak', role: 'admin', now: new Date().toISOString() })).secret;
await store.close();
const svc = await startService({ DATABASE_PATH: join(dir, 'db.sqlite'), TEMPLATE_STORE_DIR: join(dir, 'blobs'), RATE_LIMIT_PER_MINUTE: '100000' });
const pid = svc.server.pid!;
console.log(`soak: ${total} mixed renders (${samples.length} samples × docx/html/pdf × 3 locales), ${concurrency} at once\n`);
console.log('renders   node RSS   Chromium PSS (summed RSS)   renders/s   failures');

const points: Array<{ n: number; node: number; chromium: number; chromiumPss: number }> = [];
let next = 0;
let done = 0;
let failures = 0;
const statuses: Record<number, number> = {};
let t0 = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < total) {
      const r = request(next++);
      const res = await fetch(`${svc.base}${r.path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: r.body });
      await res.arrayBuffer();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status !== 200) failures++;
      if (++done % EVERY === 0) {
        const rss = serviceRss(pid);
        points.push({ n: done, ...rss });
        const rate = EVERY / ((performance.now() - t0) / 1000);
        t0 = performance.now();
        console.log(`${String(done).padStart(7)}   ${mb(rss.node).padStart(8)}   ${`${mb(rss.chromiumPss)} (${mb(rss.chromium)})`.padStart(24)}   ${rate.toFixed(1).padStart(9)}   ${failures}`);
      }
    }
  }),
);

/** Within ±20 % of the median once warm (the first tenth of the run left out). */
function flat(series: number[]): { ok: boolean; min: number; max: number; med: number } {
  const warm = series.slice(Math.ceil(series.length / 10));
  const med = median(warm);
  const min = Math.min(...warm);
  const max = Math.max(...warm);
  return { ok: max <= med * 1.2 && min >= med * 0.8, min, max, med };
}
const node = flat(points.map((p) => p.node));
const chromium = flat(points.map((p) => p.chromiumPss));
console.log(`\nanswers: ${Object.entries(statuses).map(([s, n]) => `${s}×${n}`).join(', ')}`);
console.log(`node RSS once warm: median ${mb(node.med)}, ${mb(node.min)}–${mb(node.max)} (flat ±20 %: ${verdict(node.ok)}; ≤ 300 MB: ${verdict(node.max <= 300 * 1024 * 1024)})`);
console.log(`Chromium tree PSS once warm: median ${mb(chromium.med)}, ${mb(chromium.min)}–${mb(chromium.max)} (flat ±20 %: ${verdict(chromium.ok)}; ≤ 1 GB: ${verdict(chromium.max <= 1024 * 1024 * 1024)})`);
await svc.stop();
