// The workbench's client script (bundled by scripts/build-client.ts, served from /assets): wires the generated
// forms (lists, optional parts, variants, autosave with the server's checks, progress), the live preview, the
// English fields switch and the links of error summaries; every page works without it, only less conveniently.
import { Autosave } from './autosave.ts';
import { controlFor, fieldFor, showProgress } from './checks.ts';
import { wireStructure } from './structure.ts';

const messages = (): Record<string, string> => {
  try {
    return JSON.parse(document.getElementById('wb-messages')?.textContent ?? '{}') as Record<string, string>;
  } catch {
    return {};
  }
};

function wirePreview(form: HTMLFormElement, m: Record<string, string>): void {
  const frame = document.getElementById('preview') as HTMLIFrameElement | null;
  const state = document.getElementById('preview-state');
  if (!frame) return;
  let timer: number | undefined;
  form.addEventListener('wb:saved', (e) => {
    const { revision, valid, errors } = (e as CustomEvent<{ revision: number; valid: boolean; errors: number }>).detail;
    if (state) {
      state.hidden = valid;
      state.textContent = (m.previewNeedsValid ?? '').replace('{n}', String(errors));
    }
    if (!valid) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      const locale = (document.getElementById('download-locale') as HTMLSelectElement | null)?.value ?? 'zh-CN';
      frame.src = `${frame.dataset.base}?locale=${encodeURIComponent(locale)}&rev=${revision}`;
    }, 400);
  });
}

/** Error and finding links move the focus to the field, as well as scrolling to it. */
function wireLinks(form: HTMLFormElement | null): void {
  document.addEventListener('click', (e) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-ptr]');
    if (!a || !form) return;
    const wrapper = fieldFor(form, a.dataset.ptr!);
    const control = wrapper && controlFor(wrapper, a.dataset.ptr!);
    if (!control) return;
    e.preventDefault();
    control.scrollIntoView({ block: 'center' });
    control.focus();
  });
}

function wireEnglish(m: Record<string, string>): void {
  const button = document.querySelector<HTMLButtonElement>('[data-toggle-english]');
  const stored = localStorage.getItem('wb:english');
  const hasEnglish = Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('.en-side input, .en-side textarea')).some((i) => i.value.trim() !== '');
  const set = (on: boolean) => {
    document.body.classList.toggle('show-en', on);
    if (button) {
      button.setAttribute('aria-pressed', String(on));
      button.textContent = on ? (m.hideEnglish ?? '') : (m.showEnglish ?? '');
    }
  };
  set(stored === null ? hasEnglish || document.documentElement.lang === 'en' : stored === '1');
  button?.addEventListener('click', () => {
    const on = !document.body.classList.contains('show-en');
    localStorage.setItem('wb:english', on ? '1' : '0');
    set(on);
  });
}

function wireForm(form: HTMLFormElement, m: Record<string, string>, csrf: string): void {
  const saver = new Autosave(form, m, csrf);
  // Progress is counted over the whole form: once after a burst of changes, not on every keystroke or added row.
  let progressTimer: number | undefined;
  const changed = () => {
    saver.changed();
    window.clearTimeout(progressTimer);
    progressTimer = window.setTimeout(() => showProgress(form, m), 300);
  };
  wireStructure(form, changed);
  form.addEventListener('input', changed);
  form.addEventListener('change', (e) => {
    const el = e.target as HTMLInputElement;
    if (el.matches('[data-kind-switch]')) {
      // Another kind of report is another form: save with the new kind, then show its form.
      const hadKind = Array.from(form.querySelectorAll<HTMLInputElement>('[data-kind-switch]')).some((r) => r.defaultChecked);
      if (hadKind && !window.confirm(m.switchKindConfirm ?? '')) {
        for (const r of Array.from(form.querySelectorAll<HTMLInputElement>('[data-kind-switch]'))) r.checked = r.defaultChecked;
        return;
      }
      void saver.save(false).then(() => location.reload());
      return;
    }
    changed();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void saver.save(false).then((ok) => {
      if (!ok) return;
      const summary = document.getElementById('error-summary');
      if (summary && !summary.hidden) summary.focus();
    });
  });
  window.addEventListener('pagehide', () => saver.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') saver.flush();
  });
  wirePreview(form, m);
  showProgress(form, m);
  // The data holds parts the form does not show (another kind of report was chosen): one save drops them.
  void saver.recover().then(() => (form.hasAttribute('data-normalize') ? saver.save(true) : undefined));
  if (sessionStorage.getItem('wb:restored')) {
    sessionStorage.removeItem('wb:restored');
    const status = document.getElementById('save-status');
    if (status) status.textContent = m.restored ?? '';
  }
}

function start(): void {
  const m = messages();
  const csrf = document.querySelector<HTMLMetaElement>('meta[name=csrf-token]')?.content ?? '';
  const form = document.querySelector<HTMLFormElement>('form[data-autosave]');
  if (form && !form.hasAttribute('data-final')) {
    wireForm(form, m, csrf);
  } else if (form) showProgress(form, m);
  wireLinks(form);
  wireEnglish(m);
  document.querySelector<HTMLElement>('[data-focus]')?.focus();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
