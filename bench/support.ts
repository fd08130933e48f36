// Timing and memory helpers for the benchmarks: medians, throughput loops and peak RSS of this process and Chromium.
import { readFileSync, readdirSync } from 'node:fs';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
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

/** Resident set size in bytes of a process and all its descendants (Linux /proc). */
export function treeRss(rootPid: number): number {
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
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      /* process ended */
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

/** Samples a value every `ms` until stopped, keeping the peak. */
export function peakSampler(read: () => number, ms = 250): { stop(): number } {
  let peak = read();
  const timer = setInterval(() => {
    peak = Math.max(peak, read());
  }, ms);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, read());
    },
  };
}

export const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
export const ms = (x: number) => `${x.toFixed(1)} ms`;
