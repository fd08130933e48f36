// How the browser process is started and cleaned up after: its flags, and its profile folder in the temporary
// directory, named after the service process that owns it, so folders left by a service that was killed (kill -9
// skips every clean-up) are recognised and removed at the next start. A folder some running browser still names as
// its profile is never touched, whoever started it.
import { mkdtempSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Chromium flags: headless, no background traffic, and a dead proxy as a backstop for anything interception misses. */
export function chromiumArgs(): string[] {
  const args = [
    '--headless=new',
    '--disable-gpu',
    // No separate GPU process (nothing is displayed); one process less per browser.
    '--in-process-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-sync',
    '--disable-domain-reliability',
    // SpareRendererForSitePerProcess: Chromium's own idle renderer kept ready; the printer keeps its own spare context.
    // WebUIOmniboxPopup, WebUIOmniboxAimPopup: Chromium 15x preloads the address bar's popup as a WebUI renderer for
    // every window, so each context the printer opens would cost a second renderer process (~65 MB) nothing uses.
    '--disable-features=Translate,MediaRouter,OptimizationHints,SpareRendererForSitePerProcess,WebUIOmniboxPopup,WebUIOmniboxAimPopup',
    '--no-first-run',
    '--no-default-browser-check',
    '--mute-audio',
    '--proxy-server=127.0.0.1:9',
    '--proxy-bypass-list=<-loopback>',
  ];
  // Chromium refuses its sandbox as root; elsewhere the sandbox stays on.
  if (typeof process.getuid === 'function' && process.getuid() === 0) args.push('--no-sandbox');
  return args;
}

const PREFIX = 'filing-chromium-';

/** A new profile folder owned by this process. */
export function newProfileDir(root = tmpdir()): string {
  return mkdtempSync(join(root, `${PREFIX}${process.pid}-`));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Profile folders named on the command line of a running process (Linux /proc); undefined where that cannot be read. */
async function profilesInUse(): Promise<Set<string> | undefined> {
  let pids: string[];
  try {
    pids = (await readdir('/proc')).filter((d) => /^\d+$/.test(d));
  } catch {
    return undefined;
  }
  const used = new Set<string>();
  for (const pid of pids) {
    try {
      for (const arg of (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0')) if (arg.startsWith('--user-data-dir=')) used.add(arg.slice('--user-data-dir='.length));
    } catch {
      /* ended meanwhile */
    }
  }
  return used;
}

/**
 * Removes the profile folders no live owner and no running browser claims; returns their names. A folder named after
 * a live service process is left, as is one of the older unnamed kind when browsers cannot be listed. Asynchronous
 * throughout: a temporary directory full of old folders must not hold the service up.
 */
export async function removeStaleProfiles(root = tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = (await readdir(root)).filter((n) => n.startsWith(PREFIX));
  } catch {
    return removed;
  }
  const inUse = await profilesInUse();
  for (const name of names) {
    const owner = /^filing-chromium-(\d+)-/.exec(name);
    if (owner && (Number(owner[1]) === process.pid || alive(Number(owner[1])))) continue;
    if (inUse ? inUse.has(join(root, name)) : !owner) continue;
    // An unnamed folder may belong to a browser being launched right now, before its command line names it.
    try {
      const st = await stat(join(root, name));
      if (!owner && Date.now() - st.mtimeMs < 60_000) continue;
      await rm(join(root, name), { recursive: true, force: true, maxRetries: 2 });
      removed.push(name);
    } catch {
      /* gone already, or another process is removing it too */
    }
  }
  return removed;
}
