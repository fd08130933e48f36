// Timing and memory helpers for the benchmarks: medians, throughput loops, a server on loopback, and the RSS of the
// service's Node process and of its Chromium tree.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { SERVICE_ARGS } from '../test/support/service-command.ts';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export async function timeEach(n: number, fn: () => unknown | Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** Documents per second with `concurrency` workers pulling from a shared counter. */
export async function throughput(total: number, concurrency: number, fn: () => Promise<unknown>): Promise<{ perSecond: number; latencies: number[] }> {
  let next = 0;
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < total) {
        const t = performance.now();
        await fn();
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { perSecond: (total / (performance.now() - t0)) * 1000, latencies };
}

function childrenByParent(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(d));
      children.set(ppid, list);
    } catch {
      /* process ended */
    }
  }
  return children;
}

/** Resident set size in bytes of one process (all its threads). */
export function processRss(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/**
 * Proportional set size in bytes (Linux smaps_rollup): each page shared by n processes counts 1/n. Summed over a
 * process tree it is the tree's real footprint; summed RSS counts Chromium's binary, fonts and shared memory once per
 * process (a dozen times for one browser).
 */
function processPss(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

function descendants(rootPid: number): number[] {
  const children = childrenByParent();
  const out: number[] = [];
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Resident set size in bytes of a process and all its descendants (Linux /proc). */
export function treeRss(rootPid: number): number {
  return descendants(rootPid).reduce((sum, pid) => sum + processRss(pid), 0);
}

/** Proportional set size in bytes of a process and all its descendants. */
export function treePss(rootPid: number): number {
  return descendants(rootPid).reduce((sum, pid) => sum + processPss(pid), 0);
}

/** The service's own process (RSS), and the browser tree it started (everything below it), as RSS summed and as PSS. */
export function serviceRss(pid: number): { node: number; chromium: number; chromiumPss: number } {
  const node = processRss(pid);
  const tree = descendants(pid).slice(1);
  return { node, chromium: tree.reduce((sum, p) => sum + processRss(p), 0), chromiumPss: tree.reduce((sum, p) => sum + processPss(p), 0) };
}

/**
 * Samples several values at once every `ms` (each sample may walk /proc: CPU taken from what is measured) until
 * stopped, keeping each one's peak; `peak()` reads the peaks so far without stopping.
 */
export function memorySampler<T extends Record<string, number>>(read: () => T, ms = 1000): { peak(): T; stop(): T } {
  const peak = { ...read() };
  const take = () => {
    for (const [k, v] of Object.entries(read())) (peak as Record<string, number>)[k] = Math.max(peak[k] ?? 0, v);
  };
  const timer = setInterval(take, ms);
  return {
    peak() {
      take();
      return { ...peak };
    },
    stop() {
      clearInterval(timer);
      take();
      return peak;
    },
  };
}


/** Starts the service on loopback (port chosen by the system) and resolves with its base URL once it listens. */
export async function startService(env: Record<string, string>): Promise<{ server: ChildProcess; base: string; stop(): Promise<void> }> {
  const server = spawn(process.execPath, SERVICE_ARGS, { env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  server.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  let base = '';
  for (let i = 0; i < 1200 && !base && server.exitCode === null; i++) {
    base = /listening on (http:\/\/\S+)/.exec(out)?.[1] ?? '';
    if (!base) await new Promise((r) => setTimeout(r, 50));
  }
  if (!base) throw new Error(`the service did not start:\n${out}`);
  // Ready: the browser is up and the database writable.
  for (let i = 0; i < 600; i++) {
    if ((await fetch(`${base}/ready`).catch(() => undefined))?.status === 200) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    server,
    base,
    stop: async () => {
      if (server.exitCode !== null) return;
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    },
  };
}

export const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
export const ms = (x: number) => `${x.toFixed(1)} ms`;
export const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED');

/** CPU time in ms of each thread of a process so far, by thread kind (Linux /proc: the main thread, worker threads, V8's platform threads…). */
export function threadCpuMs(pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, in clock ticks (100 a second on Linux).
      out[name] = (out[name] ?? 0) + (Number(f[11]) + Number(f[12])) * 10;
    } catch {
      /* thread ended */
    }
  }
  return out;
}

export interface Posted {
  status: number;
  ms: number;
  headers: Headers;
}

/**
 * POSTs over node:http with a keep-alive agent: a lean client (as wrk or autocannon are), so what is measured is the
 * service. fetch (undici) cost this client about 4 ms more per request with a 357 KB body on two cores, the same cores
 * the service runs on. With `expect`, the body goes only after `100 Continue`, as curl sends large bodies: a refusal
 * then comes before the body is sent. A request the service drops (connection closed first) is status 0.
 */
export function httpPoster(base: string): (path: string, body: string | Uint8Array, headers: Record<string, string>, o?: { expect?: boolean }) => Promise<Posted> {
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const { hostname, port } = new URL(base);
  return (path, body, headers, o = {}) =>
    new Promise((resolve) => {
      const t = performance.now();
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      const h: Record<string, string | number> = { ...headers, 'content-length': bytes.length };
      if (o.expect) h.expect = '100-continue';
      let answered = false;
      const req = request({ hostname, port, path, method: 'POST', agent, headers: h }, (res) => {
        answered = true;
        res.resume();
        res.on('end', () => {
          const out = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out.set(k, Array.isArray(v) ? v.join(', ') : v);
          resolve({ status: res.statusCode ?? 0, ms: performance.now() - t, headers: out });
        });
      });
      req.on('error', () => {
        if (!answered) resolve({ status: 0, ms: performance.now() - t, headers: new Headers() });
      });
      if (o.expect) req.on('continue', () => req.end(bytes));
      else req.end(bytes);
    });
}
