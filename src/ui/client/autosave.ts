// Saving as a person types: every change is kept in this browser at once (so a closed tab or a crash loses nothing)
// and sent to the server a moment later with the revision it was based on; the answer's problems are shown; a stale
// save is refused by the server and said so; what is left in the browser is sent again when the page opens.
import { decodeForm } from '../form/codec.ts';
import { fill, showErrors, showFindings, showProgress, type FieldError, type Finding } from './checks.ts';

const DEBOUNCE_MS = 900;
const MAX_WAIT_MS = 8000;
const BACKUP_MS = 200;

interface Backup {
  base: number;
  data: unknown;
  at: string;
}

interface Answer {
  revision: number;
  valid?: boolean;
  errors: FieldError[];
  findings?: Finding[];
  code?: string;
  detail?: string;
  conflictSeq?: number;
}

export class Autosave {
  private revision: number;
  private timer: number | undefined;
  private backupTimer: number | undefined;
  private firstChange = 0;
  private inflight: Promise<void> | undefined;
  private conflict = false;
  private readonly status = document.getElementById('save-status');

  private readonly form: HTMLFormElement;
  private readonly m: Record<string, string>;
  private readonly csrf: string;

  constructor(form: HTMLFormElement, m: Record<string, string>, csrf: string) {
    this.form = form;
    this.m = m;
    this.csrf = csrf;
    this.revision = Number(form.dataset.revision);
  }

  private get storageKey(): string {
    return `wb:${this.form.dataset.key}`;
  }

  data(): Record<string, unknown> {
    const entries: Array<[string, string]> = [];
    for (const [k, v] of new FormData(this.form)) if (typeof v === 'string' && !k.startsWith('_')) entries.push([k, v]);
    return decodeForm(entries);
  }

  private say(text: string, state = ''): void {
    if (!this.status) return;
    this.status.textContent = text;
    this.status.dataset.state = state;
  }

  private keepLocally(): void {
    try {
      localStorage.setItem(this.storageKey, JSON.stringify({ base: this.revision, data: this.data(), at: new Date().toISOString() } satisfies Backup));
    } catch {
      // Storage full or blocked: the server copy is still made.
    }
  }

  /** A change: kept in the browser almost at once, sent after a pause in typing (or at most every few seconds). */
  changed(): void {
    if (this.conflict) return;
    this.say(this.m.unsaved ?? '', 'dirty');
    window.clearTimeout(this.backupTimer);
    this.backupTimer = window.setTimeout(() => this.keepLocally(), BACKUP_MS);
    const now = Date.now();
    if (!this.firstChange) this.firstChange = now;
    window.clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(DEBOUNCE_MS, this.firstChange + MAX_WAIT_MS - now));
    this.timer = window.setTimeout(() => void this.save(true), wait);
  }

  /** Sends what the form holds now; one save at a time, the next one waits for it. */
  async save(autosave: boolean): Promise<boolean> {
    window.clearTimeout(this.timer);
    this.firstChange = 0;
    if (this.conflict) return false;
    while (this.inflight) await this.inflight;
    let ok = false;
    this.inflight = (async () => {
      const data = this.data();
      this.keepLocally();
      this.say(this.m.saving ?? '', 'saving');
      ok = await this.send(this.revision, data, autosave);
    })();
    await this.inflight;
    this.inflight = undefined;
    return ok;
  }

  private async send(base: number, data: unknown, autosave: boolean, keepalive = false, fromBackup = false): Promise<boolean> {
    const body = this.form.dataset.autosave === 'draft' ? { baseRevision: base, data, autosave } : { baseRevision: base, data };
    let res: Response;
    try {
      res = await fetch(this.form.dataset.api!, { method: 'PUT', keepalive, credentials: 'same-origin', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': this.csrf, 'Accept-Language': document.documentElement.lang }, body: JSON.stringify(body) });
    } catch {
      this.say(this.m.offline ?? '', 'error');
      window.setTimeout(() => this.changed(), 5000);
      return false;
    }
    const answer = (await res.json().catch(() => ({}))) as Answer;
    if (res.ok) {
      this.accepted(answer, data, fromBackup);
      return true;
    }
    if (res.status === 409 && (answer.code === 'draft_conflict' || answer.code === 'project_conflict')) this.stale(answer);
    else this.say(fill(this.m.saveFailed ?? '', { msg: answer.detail ?? String(res.status) }), 'error');
    return false;
  }

  private accepted(a: Answer, sent: unknown, fromBackup: boolean): void {
    this.revision = a.revision;
    this.form.dataset.revision = String(a.revision);
    const hidden = this.form.querySelector<HTMLInputElement>('input[name=_revision]');
    if (hidden) hidden.value = String(a.revision);
    // What was sent is on the server now; anything typed since stays in the browser until its own save. (A
    // recovered copy is not what this page shows: the page is about to show the server's.)
    if (fromBackup || JSON.stringify(this.data()) === JSON.stringify(sent)) localStorage.removeItem(this.storageKey);
    else this.keepLocally();
    const time = new Date().toLocaleTimeString(document.documentElement.lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
    this.say(fill(this.m.saved ?? '', { n: a.revision, time }), 'saved');
    showErrors(this.form, a.errors ?? [], this.m);
    if (a.findings) showFindings(this.form, a.findings, a.valid ?? false, this.m);
    showProgress(this.form, this.m);
    this.form.dispatchEvent(new CustomEvent('wb:saved', { detail: { revision: a.revision, valid: a.valid ?? a.errors.length === 0, errors: a.errors.length } }));
  }

  private stale(a: Answer): void {
    this.conflict = true;
    const box = document.getElementById('conflict');
    this.say(a.detail ?? this.m.conflictTitle ?? '', 'error');
    if (!box) return;
    const title = document.createElement('p');
    title.innerHTML = '';
    title.append(Object.assign(document.createElement('strong'), { textContent: this.m.conflictTitle ?? '' }), ' ', a.detail ?? '');
    const reload = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary', textContent: this.m.conflictReload ?? '' });
    reload.addEventListener('click', () => {
      localStorage.removeItem(this.storageKey);
      location.reload();
    });
    const links = document.createElement('p');
    links.append(reload);
    if (this.form.dataset.history) links.append(' ', Object.assign(document.createElement('a'), { href: this.form.dataset.history, textContent: this.m.conflictHistory ?? '' }));
    box.replaceChildren(title, links);
    box.hidden = false;
    box.focus();
  }

  /** Leaving the page with a change not yet sent: one last try that outlives the page. */
  flush(): void {
    if (this.conflict || this.status?.dataset.state !== 'dirty') return;
    this.keepLocally();
    const data = this.data();
    if (JSON.stringify(data).length < 60_000) void this.send(this.revision, data, true, true);
  }

  /** What a closed tab or a crash left in this browser goes to the server now (a stale one is kept as a conflict). */
  async recover(): Promise<void> {
    let backup: Backup | undefined;
    try {
      backup = JSON.parse(localStorage.getItem(this.storageKey) ?? 'null') as Backup | undefined;
    } catch {
      backup = undefined;
    }
    if (!backup) return;
    if (JSON.stringify(backup.data) === JSON.stringify(this.data())) {
      localStorage.removeItem(this.storageKey);
      return;
    }
    const ok = await this.send(backup.base, backup.data, false, false, true);
    if (ok) {
      sessionStorage.setItem('wb:restored', '1');
      location.reload();
    }
  }
}
