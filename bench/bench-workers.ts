// npm run bench:workers [-- --runs 20] [-- --only fonts] : the Worker's size as wrangler would upload it (and what makes it up), the
// embedded fonts (the static assets beside it, the slices a median and the largest filing carry, and the CPU time of
// inlining them on workerd), and the largest filing rendered on local workerd: wall time per request and the workerd
// process's CPU time per render (read from /proc, since Date.now() does not advance during computation inside a
// Worker), beside Node in-process.
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { FILINGS } from '../src/core/filings/index.ts';
import { validSamples } from '../src/runtime/node/sample-files.ts';
import { createNodeRenderServices } from '../src/runtime/node/services.ts';
import { renderFiling } from '../src/usecases/render-filing.ts';
import { embedFonts } from '../src/render/font-embed.ts';
import { fileSliceSource } from '../src/runtime/node/font-slices.ts';
import { startWorkerd, wranglerCli } from '../test/support/workerd-harness.ts';
import { median, timeEach } from './support.ts';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' }, only: { type: 'string' } } });
const runs = Number(values.runs);
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

function bundle(): void {
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
  const w = await startWorkerd({}, 'test/workers/fixtures/font-embed-worker.ts');
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

// --only bundle|fonts|renders runs one part.
if (!values.only || values.only === 'bundle') bundle();
if (!values.only || values.only === 'fonts') await fonts();
if (!values.only || values.only === 'renders') await renders();
