// Shows the problems of the last check in the page: each error at its field (aria-invalid, message), the error
// summary linking to every field, the project's own problems, the compliance findings, and each section's progress.

export interface FieldError {
  path: string;
  message: string;
}
export interface Finding {
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  path: string;
  message: string;
  citations: string[];
}

type Messages = Record<string, string>;
export const fill = (s: string, vars: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

const isOn = (el: Element) => el.closest('[data-off]') === null;
const CONTROL = 'input:not([type=hidden]), select, textarea';

/** The field that shows a problem at `pointer`: its own, else the nearest enclosing one that is on. */
export function fieldFor(form: Element, pointer: string): HTMLElement | undefined {
  let p = pointer;
  for (;;) {
    const found = Array.from(form.querySelectorAll<HTMLElement>(`[data-ptr="${CSS.escape(p)}"]`)).find(isOn);
    if (found) return found;
    if (!p) return undefined;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

/** The control to focus for a problem: the one named after the pointer, else the field's first. */
export function controlFor(wrapper: Element, pointer: string): HTMLElement | undefined {
  const controls = Array.from(wrapper.querySelectorAll<HTMLElement>(CONTROL)).filter(isOn);
  return controls.find((c) => (c.getAttribute('name') ?? '').endsWith(`:${pointer}`)) ?? controls[0];
}

/** The field's name as the page shows it: its label or legend, or in a table its column and row. */
export function nameOf(wrapper: Element, control: Element | undefined): string {
  const ids = control?.getAttribute('aria-labelledby');
  if (wrapper.classList.contains('cell') && ids) {
    const [column, row] = ids.split(' ').map((id) => document.getElementById(id)?.cloneNode(true) as HTMLElement | undefined);
    column?.querySelector('.optional')?.remove();
    return `${column?.textContent?.trim() ?? ''} ${row?.textContent?.trim() ?? ''}`.trim();
  }
  const label = wrapper.querySelector(':scope > label.label, :scope > legend')?.cloneNode(true) as HTMLElement | undefined;
  label?.querySelector('.optional')?.remove();
  return label?.textContent?.trim() ?? '';
}

function ownError(wrapper: Element): HTMLElement | null {
  return wrapper.querySelector(':scope > .error-message');
}

export function showErrors(form: HTMLFormElement, errors: FieldError[], m: Messages): void {
  for (const el of Array.from(form.querySelectorAll<HTMLElement>('.error-message'))) {
    el.textContent = '';
    el.hidden = true;
  }
  for (const el of Array.from(form.querySelectorAll('[aria-invalid]'))) el.removeAttribute('aria-invalid');
  for (const el of Array.from(form.querySelectorAll('.has-error'))) el.classList.remove('has-error');
  const own = errors.filter((e) => !e.path.startsWith('/project'));
  const links: HTMLElement[] = [];
  for (const e of own) {
    const wrapper = fieldFor(form, e.path);
    const control = wrapper && controlFor(wrapper, e.path);
    const message = wrapper && ownError(wrapper);
    if (message && !message.textContent) {
      message.textContent = e.message;
      message.hidden = false;
      wrapper.classList.add('has-error');
    }
    control?.setAttribute('aria-invalid', 'true');
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = control ? `#${control.id}` : '#';
    a.dataset.ptr = e.path;
    const name = wrapper ? nameOf(wrapper, control) : '';
    a.textContent = name ? `${name}${document.documentElement.lang === 'en' ? ': ' : '：'}${e.message}` : e.message;
    li.append(a);
    links.push(li);
  }
  const summary = document.getElementById('error-summary');
  if (summary) {
    summary.hidden = own.length === 0;
    summary.querySelector('h2')!.textContent = fill(m.errorSummary ?? '', { n: own.length });
    summary.querySelector('ul')!.replaceChildren(...links);
  }
  const project = document.getElementById('project-problems');
  if (project) {
    const mine = errors.filter((e) => e.path.startsWith('/project'));
    project.hidden = mine.length === 0;
    project.querySelector('ul')!.replaceChildren(
      ...mine.map((e) => {
        const li = document.createElement('li');
        li.textContent = `${e.path.replace(/^\/project\//, '')}: ${e.message}`;
        return li;
      }),
    );
  }
}

export function showFindings(form: HTMLFormElement, findings: Finding[], valid: boolean, m: Messages): void {
  const state = document.getElementById('findings-state');
  const list = document.getElementById('findings-list');
  if (!state || !list) return;
  state.hidden = valid && findings.length > 0;
  state.textContent = valid ? (m.findingsNone ?? '') : (m.findingsWait ?? '');
  list.replaceChildren(
    ...findings.map((f) => {
      const li = document.createElement('li');
      li.className = `finding sev-${f.severity}`;
      li.dataset.ptr = f.path;
      const sev = document.createElement('span');
      sev.className = 'sev';
      sev.textContent = m[`severity_${f.severity}`] ?? f.severity;
      const rule = document.createElement('strong');
      rule.className = 'rule';
      rule.textContent = f.ruleId;
      const a = document.createElement('a');
      const wrapper = fieldFor(form, f.path);
      const control = wrapper && controlFor(wrapper, f.path);
      a.href = control ? `#${control.id}` : '#';
      a.dataset.ptr = f.path;
      a.textContent = f.message;
      const cite = document.createElement('span');
      cite.className = 'cite';
      cite.textContent = f.citations.join('；');
      li.append(sev, ' ', rule, ' ', a, cite);
      return li;
    }),
  );
}

function filled(wrapper: Element): boolean {
  if (wrapper.hasAttribute('data-arr')) return wrapper.querySelector('[data-rows] > [data-row]') !== null;
  const controls = Array.from(wrapper.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(CONTROL)).filter((c) => isOn(c) && !c.closest('.en-side'));
  return controls.some((c) => (c instanceof HTMLInputElement && (c.type === 'checkbox' || c.type === 'radio') ? c.checked || c.type === 'checkbox' : c.value.trim() !== ''));
}

/** Each section's filled required fields and errors, in the navigation beside the form. */
export function showProgress(form: HTMLFormElement, m: Messages): void {
  for (const section of Array.from(form.querySelectorAll<HTMLElement>('[data-section]'))) {
    const id = section.dataset.section!;
    const required = Array.from(section.querySelectorAll('[data-req]')).filter((w) => isOn(w) && !w.closest('template'));
    const done = required.filter(filled).length;
    const errors = Array.from(section.querySelectorAll<HTMLElement>('.error-message')).filter((e) => !e.hidden).length;
    const progress = document.querySelector<HTMLElement>(`[data-progress="${CSS.escape(id)}"]`);
    if (progress) {
      progress.textContent = fill(m.progress ?? '', { done, total: required.length });
      progress.classList.toggle('complete', done === required.length && errors === 0);
    }
    const badge = document.querySelector<HTMLElement>(`[data-errors="${CSS.escape(id)}"]`);
    if (badge) {
      badge.hidden = errors === 0;
      badge.textContent = fill(m.sectionErrors ?? '', { n: errors });
    }
  }
}
