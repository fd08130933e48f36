// Lists, optional parts and variants of a generated form in the browser: add, remove and reorder rows (names, ids
// and labels follow the row's new place), paste rows from a spreadsheet, switch optional parts and variants on
// and off (what is off submits nothing).

const REWRITTEN = ['name', 'id', 'for', 'data-ptr', 'data-row', 'data-arr', 'aria-describedby', 'aria-labelledby', 'aria-controls'];
const NEW_ROW = '__new__';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Rewrites a pointer prefix in every attribute that carries pointers, templates included. */
export function rewrite(root: ParentNode, from: string, to: string): void {
  const re = new RegExp(`(^|[: ])${escapeRe(from)}(?=$|[/@:|= ])`, 'g');
  const visit = (el: Element) => {
    for (const a of REWRITTEN) {
      const v = el.getAttribute(a);
      if (v !== null && v.includes(from)) el.setAttribute(a, v.replace(re, (_m, pre: string) => pre + to));
    }
    if (el instanceof HTMLTemplateElement) rewrite(el.content, from, to);
  };
  if (root instanceof Element) visit(root);
  for (const el of Array.from(root.querySelectorAll('*'))) visit(el);
}

/** Inputs under a part that is off are disabled, so they submit nothing. */
export function refreshDisabled(scope: ParentNode): void {
  for (const el of Array.from(scope.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | HTMLButtonElement>('input, select, textarea, button'))) {
    el.disabled = el.closest('[data-off]') !== null;
  }
}

function rowsOf(list: Element): HTMLElement[] {
  const holder = list.querySelector(':scope [data-rows]')!;
  return Array.from(holder.children).filter((c): c is HTMLElement => c instanceof HTMLElement && c.hasAttribute('data-row'));
}

/** Gives every row of a list the pointer of its place and its number (two passes, so no two rows ever share one). */
export function renumber(list: Element): void {
  const arr = list.getAttribute('data-arr')!;
  const rows = rowsOf(list);
  rows.forEach((row, i) => rewrite(row, row.getAttribute('data-row')!, `${arr}/~tmp${i}`));
  rows.forEach((row, i) => {
    rewrite(row, `${arr}/~tmp${i}`, `${arr}/${i}`);
    for (const n of Array.from(row.querySelectorAll('[data-rownum]'))) if (n.closest('[data-row]') === row) n.textContent = String(i + 1);
  });
}

let focusNext: HTMLElement | undefined;
/** Focus moves once per burst of added rows (each focus lays the page out again, which is slow on a long form). */
function focusSoon(el: HTMLElement | null | undefined): void {
  if (!el) return;
  if (!focusNext) requestAnimationFrame(() => {
    focusNext?.focus();
    focusNext = undefined;
  });
  focusNext = el;
}

export function addRow(list: Element, focus = true): HTMLElement {
  const tpl = list.querySelector<HTMLTemplateElement>(':scope > template[data-row-template]')!;
  const arr = list.getAttribute('data-arr')!;
  const fragment = document.importNode(tpl.content, true);
  const n = rowsOf(list).length;
  rewrite(fragment, `${arr}/${NEW_ROW}`, `${arr}/${n}`);
  const row = fragment.firstElementChild as HTMLElement;
  for (const el of Array.from(row.querySelectorAll('[data-rownum]'))) if (el.closest('[data-row]') === row) el.textContent = String(n + 1);
  list.querySelector(':scope [data-rows]')!.appendChild(fragment);
  refreshDisabled(row);
  if (focus) focusSoon(row.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea'));
  return row;
}

function rowAction(button: HTMLButtonElement): void {
  const row = button.closest<HTMLElement>('[data-row]')!;
  const list = row.closest('[data-arr]')!;
  const act = button.dataset.act;
  const rows = rowsOf(list);
  const i = rows.indexOf(row);
  if (act === 'remove') {
    const next = rows[i + 1] ?? rows[i - 1];
    row.remove();
    renumber(list);
    (next?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea') ?? list.querySelector<HTMLElement>(':scope > [data-act=add]'))?.focus();
    return;
  }
  const j = act === 'up' ? i - 1 : i + 1;
  if (j < 0 || j >= rows.length) return;
  if (act === 'up') rows[j]!.before(row);
  else rows[j]!.after(row);
  renumber(list);
  row.querySelector<HTMLButtonElement>(`[data-act=${act}]`)?.focus();
}

/** Tab-separated rows as spreadsheets copy them; a quoted cell may hold tabs, line breaks and doubled quotes. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const TRUE = /^(1|true|yes|y|是|√|✓|x)$/i;

function setCell(td: Element, value: string): void {
  const control = td.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input:not([type=hidden]), select, textarea');
  if (!control) return;
  const v = value.trim();
  if (control instanceof HTMLSelectElement) {
    const option = Array.from(control.options).find((o) => o.value === v || o.text.trim() === v);
    control.value = option ? option.value : '';
  } else if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = TRUE.test(v);
  else control.value = v;
}

/** Pastes a block of cells from the cell it is pasted into, adding rows as needed. */
function paste(e: ClipboardEvent): void {
  const target = e.target as Element;
  const td = target.closest('td[data-col]');
  const row = td?.closest<HTMLElement>('tr[data-row]');
  const text = e.clipboardData?.getData('text/plain') ?? '';
  if (!td || !row || !/[\t\n]/.test(text.replace(/\n$/, ''))) return;
  e.preventDefault();
  const list = row.closest('[data-arr]')!;
  const cells = parseTsv(text.replace(/\r?\n$/, ''));
  const start = rowsOf(list).indexOf(row);
  const col = Number(td.getAttribute('data-col'));
  cells.forEach((values, r) => {
    const target = rowsOf(list)[start + r] ?? addRow(list, false);
    values.forEach((v, c) => {
      const cell = target.querySelector(`:scope > td[data-col="${col + c}"]`);
      if (cell) setCell(cell, v);
    });
  });
  list.dispatchEvent(new Event('input', { bubbles: true }));
}

function switchOn(body: Element, on: boolean): void {
  if (on) body.removeAttribute('data-off');
  else body.setAttribute('data-off', '');
  (body as HTMLElement).hidden = !on;
}

/** Wires a generated form's lists, optional parts and variants. */
export function wireStructure(form: HTMLFormElement, changed: () => void): void {
  form.addEventListener('click', (e) => {
    const button = (e.target as Element).closest<HTMLButtonElement>('button[data-act]');
    if (!button || !form.contains(button)) return;
    if (button.dataset.act === 'add') addRow(button.closest('[data-arr]')!);
    else rowAction(button);
    changed();
  });
  form.addEventListener('paste', paste);
  form.addEventListener('change', (e) => {
    const el = e.target as HTMLInputElement;
    if (el.matches('[data-presence]')) {
      const body = document.getElementById(el.getAttribute('aria-controls')!)!;
      switchOn(body, el.checked);
      refreshDisabled(body);
    } else if (el.matches('[data-variant-switch]')) {
      const holder = el.closest('[data-variants]')!;
      for (const v of Array.from(holder.querySelectorAll(':scope > .variant'))) {
        switchOn(v, v.getAttribute('data-variant') === el.value);
        refreshDisabled(v);
      }
    }
  });
}
