// npm run bench:workers [-- --runs 20] [-- --only bundle|fonts|renders] : the Worker's size as wrangler would upload it
// (and what makes it up), its memory for the heaviest requests the limits admit (bench/workers-memory.ts, the bundle
// under Node with a 128 MB heap), what a draft revision costs D1, the embedded fonts (the static assets beside it, the
// slices a median and the largest filing carry, and the CPU time of inlining them on workerd), and the largest filing
// rendered on local workerd: wall time per request and the workerd process's CPU time per render (read from /proc,
// since Date.now() does not advance during computation inside a Worker), beside Node in-process.
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { FILINGS } from '../src/core/filings/index.ts';
import { validSamples } from '../src/runtime/node/sample-files.ts';
import { createNodeRenderServices } from '../src/runtime/node/services.ts';
import { renderFiling } from '../src/usecases/render-filing.ts';
import { SqliteStore } from '../src/runtime/node/sqlite-store.ts';
import { sqlReminderStore } from '../src/storage/sql-reminder-store.ts';
import { sqlRetentionStore } from '../src/storage/sql-retention-store.ts';
import { sqlWorkbenchStore } from '../src/storage/sql-workbench-store.ts';
import { runRetention } from '../src/usecases/retention.ts';
import { embedFonts } from '../src/render/font-embed.ts';
import { fileSliceSource } from '../src/runtime/node/font-slices.ts';
import { configWithoutRateLimiter, startWorkerd, wranglerCli } from '../test/support/workerd-harness.ts';
import { median, timeEach } from './support.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, only: { type: 'string' } } });
const runs = Number(values.runs);
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

function bundle(): string {
  const out = mkdtempSync(join(tmpdir(), 'workers-bundle-'));
  wranglerCli(['deploy', '--dry-run', '--outdir', out, '--metafile', join(out, 'meta.json')]);
  const js = readFileSync(join(out, 'main.js'));
  console.log(`bundle: ${kib(js.length)} uncompressed, ${kib(gzipSync(js).length)} gzip (Workers limits: 3 MiB gzip free, 10 MiB paid)`);
  const meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  const byPackage = new Map<string, number>();
  for (const o of Object.values(meta.outputs)) {
    for (const [path, { bytesInOutput }] of Object.entries(o.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
      const name = m ? m[1]! : path.startsWith('.generated/') ? path : path.split('/').slice(0, 2).join('/');
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
    }
  }
  const top = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 10);
  console.log(`largest parts: ${top.map(([n, b]) => `${n} ${kib(b)}`).join(', ')}`);
  return out;
}

interface MemoryCase {
  name: string;
  status?: number;
  /** The largest heap V8 reported at a collection during the request (MB), with --trace-gc. */
  peakMb: number;
  heapAfterMb?: number;
  externalAfterMb?: number;
}

// `[pid:isolate]  123 ms: Scavenge 9.0 (10.9) -> 8.6 (11.9) MB, …`: the heap in use before the collection comes first.
const GC_LINE = /ms: [A-Za-z -]+? ([\d.]+) \([\d.]+\) -> [\d.]+ \([\d.]+\) MB/;

/** The bundle's heaviest requests in a Node child whose whole V8 heap (young and old generation) is limited to `limitMb`. */
function memoryRun(bundleDir: string, limitMb: number, trace: boolean): { cases: MemoryCase[]; failedAt?: string } {
  const args = [`--max-heap-size=${limitMb}`, '--expose-gc', ...(trace ? ['--trace-gc'] : []), 'bench/workers-memory.ts', bundleDir];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const cases: MemoryCase[] = [];
  let current: MemoryCase | undefined;
  for (const line of child.stdout.split('\n')) {
    const gc = GC_LINE.exec(line);
    if (gc && current) current.peakMb = Math.max(current.peakMb, Number(gc[1]));
    if (line.startsWith('@@start ')) current = { name: line.slice(8), peakMb: 0 };
    if (line.startsWith('@@end ') && current) {
      const [status, , heap, external] = line.slice(6).split(' ').map(Number);
      cases.push({ ...current, status: status!, heapAfterMb: heap! / 2 ** 20, externalAfterMb: external! / 2 ** 20 });
      current = undefined;
    }
  }
  if (child.status !== 0 && !current) throw new Error(`memory run failed before its first request: ${child.stderr.slice(-2000)}`);
  return child.status === 0 ? { cases } : { cases, failedAt: current!.name };
}

/**
 * Memory per isolate (128 MB on Workers): the built bundle's render path under Node, first with a 128 MB old space
 * and the heap traced at each collection, then with smaller limits until a request no longer fits.
 */
function memory(bundleDir: string): void {
  const mb = (n: number) => `${n.toFixed(0)} MB`;
  const full = memoryRun(bundleDir, 128, true);
  if (full.failedAt) console.log(`memory: with a 128 MB heap the run failed at: ${full.failedAt}`);
  // Buffers are the whole Node process's (the bench's own bodies and node:sqlite included): an upper bound for the Worker's.
  for (const c of full.cases) console.log(`memory ${c.name}: ${c.status}, heap peak ${c.peakMb ? mb(c.peakMb) : 'below the first collection'}, ${mb(c.heapAfterMb!)} heap and ${mb(c.externalAfterMb!)} buffers after`);
  for (const limit of [112, 96, 80, 64]) {
    const r = memoryRun(bundleDir, limit, false);
    if (r.failedAt) {
      console.log(`memory: every request completes in a ${limit + 16} MB V8 heap; in ${limit} MB it runs out at: ${r.failedAt}`);
      return;
    }
  }
  console.log('memory: every request completes in a 64 MB V8 heap');
}

/**
 * What a draft costs D1 (the same SQLite pages as node:sqlite): the median sample saved 50 times, two or three times a day,
 * bytes on disk per revision, then the revisions the retention keeps 120 days later under the default settings.
 */
async function draftGrowth(): Promise<void> {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'workers-growth-')), 'db.sqlite'));
  try {
    const wb = sqlWorkbenchStore(store.sql);
    const bySize = FILINGS.flatMap((f) => validSamples(f.id).map((p) => ({ filingId: f.id, path: p, size: statSync(p).size }))).sort((a, b) => a.size - b.size);
    const sample = bySize[Math.floor(bySize.length / 2)]!;
    const data = JSON.parse(readFileSync(sample.path, 'utf8')) as Record<string, unknown>;
    const start = Date.parse('2026-01-05T01:00:00Z');
    const iso = (t: number) => new Date(t).toISOString();
    await wb.insertProject({ id: 'p', org: 'default', title: 'p', data: { project: {} } as never, revision: 1, createdAt: iso(start), updatedAt: iso(start), updatedBy: null });
    await wb.insertDraft({ id: 'd', projectId: 'p', filingId: sample.filingId, title: 'd', data, revision: 1, status: 'open', createdAt: iso(start), updatedAt: iso(start), updatedBy: null });
    const pages = () => Number((store.db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count) * Number((store.db.prepare('PRAGMA page_size').get() as { page_size: number }).page_size);
    const before = pages();
    const saves = 50;
    let t = start;
    for (let i = 1; i < saves; i++) {
      // Two or three saves a working day, a few hours apart.
      t += i % 5 === 0 ? 86_400_000 - 5 * 3_600_000 : 2 * 3_600_000;
      const r = await wb.saveDraft('d', i, { data: { ...data, note: `revision ${i + 1}` }, kind: 'save', at: iso(t), by: null });
      if (!r.ok) throw new Error('save refused');
    }
    const perRevision = (pages() - before) / saves;
    const config = loadConfig({});
    const later = new Date(t + 120 * 86_400_000);
    await runRetention({ store: sqlRetentionStore(store.sql), leases: sqlReminderStore(store.sql), instance: 'bench', config: { draftHistoryKeepDays: config.DRAFT_HISTORY_KEEP_DAYS, draftHistoryKeepLatest: config.DRAFT_HISTORY_KEEP_LATEST, reminderRunsKeepDays: config.REMINDER_RUNS_KEEP_DAYS, auditLogKeepDays: 0, maxRowsPerRun: config.RETENTION_MAX_ROWS_PER_RUN, intervalMs: 3_600_000 } }, later);
    const kept = (await wb.listRevisions('d')).length;
    console.log(`draft history: ${sample.path} (${kib(sample.size)}) costs ${kib(perRevision)} of database a revision; of ${saves} revisions over ${Math.round((t - start) / 86_400_000)} days, ${kept} are kept 120 days later (DRAFT_HISTORY_KEEP_DAYS ${config.DRAFT_HISTORY_KEEP_DAYS}, DRAFT_HISTORY_KEEP_LATEST ${config.DRAFT_HISTORY_KEEP_LATEST})`);
  } finally {
    await store.close();
  }
}

/** CPU time (ms) of every workerd process below this one. */
function workerdCpuMs(): number {
  const ticks = 100; // USER_HZ on Linux
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const info = new Map<number, { ppid: number; comm: string; cpu: number }>();
  for (const pid of procs) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      info.set(Number(pid), { ppid: Number(f[1]), comm, cpu: Number(f[11]) + Number(f[12]) });
    } catch {
      // the process ended while listed
    }
  }
  const mine = (pid: number): boolean => pid === process.pid || (pid > 1 && info.has(pid) && mine(info.get(pid)!.ppid));
  let total = 0;
  for (const [pid, p] of info) if (p.comm.startsWith('workerd') && mine(pid)) total += p.cpu;
  return (total / ticks) * 1000;
}

/** What the embedded fonts weigh: all slices (static assets), and those a median and the largest filing carry. */
async function fonts(): Promise<void> {
  const manifest = JSON.parse(readFileSync('.fonts/slices/manifest.json', 'utf8')) as { faces: Array<{ slices: Array<{ bytes: number }> }> };
  const all = manifest.faces.flatMap((f) => f.slices);
  console.log(`font slices (static assets, not in the bundle): ${all.length} files, ${kib(all.reduce((n, s) => n + s.bytes, 0))} (Workers limits: 25 MiB a file, 20,000 files)`);
  const samples = FILINGS.flatMap((f) => validSamples(f.id).map((p) => ({ filingId: f.id, path: p, size: statSync(p).size }))).sort((a, b) => a.size - b.size);
  const node = await createNodeRenderServices(loadConfig({ ...process.env, RENDER_CACHE_MAX_BYTES: '0' }), undefined, { inline: true });
  const source = fileSliceSource();
  const w = await startWorkerd({}, configWithoutRateLimiter(), { script: 'test/workers/fixtures/font-embed-worker.ts' });
  try {
    for (const [what, s, locale] of [['median', samples[samples.length >> 1]!, 'zh-CN'], ['largest', samples[samples.length - 1]!, 'zh-CN'], ['largest', samples[samples.length - 1]!, 'bilingual']] as const) {
      const input = JSON.parse(readFileSync(s.path, 'utf8')) as unknown;
      const html = new TextDecoder().decode((await renderFiling(node, { filingId: s.filingId, format: 'html', locale, input })).bytes);
      const r = await embedFonts(html, source);
      const onNode = median(await timeEach(runs, () => embedFonts(html, source)));
      const call = async () => {
        const res = await w.fetch('/', { method: 'POST', body: html, headers: { 'x-summary': '1' } });
        if (res.status !== 200) throw new Error(`embedding answered ${res.status}`);
        return ((await res.json()) as { htmlBytes: number }).htmlBytes;
      };
      await timeEach(3, call);
      const cpu0 = workerdCpuMs();
      await timeEach(runs, call);
      const cpu = (workerdCpuMs() - cpu0) / runs;
      console.log(`fonts of the ${what} filing (${s.path}, ${locale}): ${r.slices.length} slices, ${kib(r.fontBytes)} WOFF2; HTML ${kib(html.length)} → ${kib(r.html.length)}; inlining ${cpu.toFixed(0)} ms CPU on workerd (slices read through ASSETS, the isolate's cache warm), ${onNode.toFixed(0)} ms on Node in-process`);
    }
  } finally {
    await w.close();
    await node.close();
  }
}

async function renders(): Promise<void> {
  const all = FILINGS.flatMap((f) => validSamples(f.id).map((p) => ({ filingId: f.id, path: p, size: statSync(p).size })));
  const biggest = all.sort((a, b) => b.size - a.size)[0]!;
  const body = readFileSync(biggest.path, 'utf8');
  console.log(`sample: ${biggest.path} (${kib(biggest.size)})`);
  const admin = 'admin-key-of-the-workers-benchmark-00001';
  const w = await startWorkerd({ ADMIN_API_KEY: admin, RATE_LIMIT_PER_MINUTE: '100000' });
  const node = await createNodeRenderServices(loadConfig(process.env));
  try {
    for (const [format, locale] of [['docx', 'zh-CN'], ['html', 'bilingual'], ['docx', 'bilingual']] as const) {
      const call = async () => {
        const res = await w.fetch(`/v1/filings/${biggest.filingId}/render?format=${format}&locale=${locale}`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body });
        if (res.status !== 200) throw new Error(`render answered ${res.status}: ${await res.text()}`);
        return new Uint8Array(await res.arrayBuffer()).length;
      };
      await timeEach(3, call);
      const cpu0 = workerdCpuMs();
      const wall = median(await timeEach(runs, call));
      const cpu = (workerdCpuMs() - cpu0) / runs;
      const input = JSON.parse(body) as unknown;
      await timeEach(3, () => renderFiling(node, { filingId: biggest.filingId, format, locale, input }));
      const onNode = median(await timeEach(runs, () => renderFiling(node, { filingId: biggest.filingId, format, locale, input })));
      console.log(`${format} ${locale}: workerd ${wall.toFixed(0)} ms wall (median of ${runs}), ${cpu.toFixed(0)} ms CPU a render (workerd process, D1 and R2 included); Node in-process ${onNode.toFixed(0)} ms; ${kib(await call())} out`);
    }
  } finally {
    await w.close();
    await node.close();
  }
}

// --only bundle|fonts|renders runs one part (bundle: its size, memory and a draft revision's cost).
if (!values.only || values.only === 'bundle') {
  memory(bundle());
  await draftGrowth();
}
if (!values.only || values.only === 'fonts') await fonts();
if (!values.only || values.only === 'renders') await renders();
