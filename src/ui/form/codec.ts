// The form codec: every input of a generated form is named `<kind>:<JSON Pointer>`, so the submitted entries alone
// rebuild the JSON value (in the browser from FormData, on the server from a posted form) without a second
// description of the fields. Empty inputs leave their field out; markers make empty objects and lists exist.

/**
 * t text · n number (`1,234.5` → 1234.5; not a number stays text, so the schema names the field) · v number or text ·
 * bz/be the Chinese and English sides of text (`{zh, en}` when English is given) · vz/ve the same for a value that may
 * be a number · lz/le a list of texts, one per line (English lines pair with Chinese ones) · l a list of plain
 * texts · m one value of a list of choices · s a choice · c a checkbox (a hidden `false` comes first) · j a JSON
 * literal (discriminator radios) · o / a an object / list that exists even when empty.
 */
export const KINDS = ['t', 'n', 'v', 'bz', 'be', 'vz', 've', 'lz', 'le', 'l', 'm', 's', 'c', 'j', 'o', 'a'] as const;
export type Kind = (typeof KINDS)[number];

export function fieldName(kind: Kind, pointer: string): string {
  return `${kind}:${pointer}`;
}

function parseName(name: string): { kind: Kind; pointer: string } | undefined {
  const i = name.indexOf(':');
  if (i < 0) return undefined;
  const kind = name.slice(0, i) as Kind;
  const pointer = name.slice(i + 1);
  if (!(KINDS as readonly string[]).includes(kind) || (pointer !== '' && !pointer.startsWith('/'))) return undefined;
  return { kind, pointer };
}

export const segments = (pointer: string): string[] => (pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')));
export const pointerOf = (segs: ReadonlyArray<string | number>): string => segs.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');

const INDEX = /^\d+$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** Thousands separators and spaces as people type them, full-width digits as Chinese keyboards give them. */
function normaliseNumber(s: string): string {
  return s.replace(/[０-９．－＋]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/[,，\s]/g, '');
}
function parseNumber(raw: string): number | string | undefined {
  const s = raw.trim();
  if (!s) return undefined;
  const n = normaliseNumber(s);
  return NUMBER.test(n) ? Number(n) : s;
}
function numberOrText(raw: string): number | string | undefined {
  const s = raw.trim();
  if (!s) return undefined;
  const n = normaliseNumber(s);
  return NUMBER.test(n) ? Number(n) : raw;
}
const lines = (raw: string) =>
  raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

type Container = Record<string, unknown> | unknown[];

/** The container at `segs` (created on the way: a numeric step makes a list). */
function containerAt(root: Record<string, unknown>, segs: string[]): Container {
  let node: Container = root;
  segs.forEach((seg, i) => {
    const nextIsIndex = INDEX.test(segs[i + 1] ?? '');
    const holder = node as Record<string, unknown>;
    if (holder[seg] === undefined || holder[seg] === null || typeof holder[seg] !== 'object') holder[seg] = nextIsIndex ? [] : {};
    node = holder[seg] as Container;
  });
  return node;
}

function put(root: Record<string, unknown>, pointer: string, value: unknown): void {
  const segs = segments(pointer);
  const last = segs.pop();
  if (last === undefined) return;
  (containerAt(root, segs) as Record<string, unknown>)[last] = value;
}

function get(root: Record<string, unknown>, pointer: string): unknown {
  let node: unknown = root;
  for (const seg of segments(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

interface Pair {
  zh?: string;
  en?: string;
  numeric?: boolean;
}

function pairValue(p: Pair): unknown {
  const zh = (p.zh ?? '').trim() ? p.zh! : '';
  const en = (p.en ?? '').trim() ? p.en! : '';
  if (!zh && !en) return undefined;
  if (!en) return p.numeric ? numberOrText(zh) : zh;
  return { zh, en };
}

function linesValue(zhRaw: string, enRaw: string | undefined): unknown {
  const zh = lines(zhRaw);
  const en = lines(enRaw ?? '');
  const n = Math.max(zh.length, en.length);
  if (n === 0) return undefined;
  return Array.from({ length: n }, (_, i) => (en[i] ? { zh: zh[i] ?? '', en: en[i] } : zh[i]));
}

/** Holes left by rows removed without renumbering are closed, keeping order. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compact);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compact(v)]));
  return value;
}

/** Places a value whose name's kind needs no other entry (objects, arrays, text, numbers, booleans, JSON); false for the others. */
function placeSimple(root: Record<string, unknown>, kind: string, pointer: string, value: string): boolean {
  switch (kind) {
    case 'o':
      if (get(root, pointer) === undefined) put(root, pointer, {});
      return true;
    case 'a':
      if (get(root, pointer) === undefined) put(root, pointer, []);
      return true;
    case 't':
    case 's':
      if (value.trim()) put(root, pointer, value);
      return true;
    case 'n': {
      const n = parseNumber(value);
      if (n !== undefined) put(root, pointer, n);
      return true;
    }
    case 'v': {
      const n = numberOrText(value);
      if (n !== undefined) put(root, pointer, n);
      return true;
    }
    case 'c':
      put(root, pointer, value === 'true');
      return true;
    case 'j':
      try {
        put(root, pointer, JSON.parse(value));
      } catch {
        put(root, pointer, value);
      }
      return true;
    default:
      return false;
  }
}

/** Rebuilds the JSON value from a form's entries, in document order. */
export function decodeForm(entries: Iterable<[string, string]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  const pairs = new Map<string, Pair>();
  const lineFields = new Map<string, { zh: string; en?: string }>();
  const multi = new Map<string, unknown[]>();
  for (const [name, value] of entries) {
    const parsed = parseName(name);
    if (!parsed || typeof value !== 'string') continue;
    const { kind, pointer } = parsed;
    if (placeSimple(root, kind, pointer, value)) continue;
    switch (kind) {
      case 'bz':
      case 'vz':
      case 'be':
      case 've': {
        const p = pairs.get(pointer) ?? {};
        if (kind === 'bz' || kind === 'vz') p.zh = value;
        else p.en = value;
        if (kind === 'vz' || kind === 've') p.numeric = true;
        if (!pairs.has(pointer)) {
          pairs.set(pointer, p);
          put(root, pointer, undefined);
        }
        break;
      }
      case 'lz':
      case 'l':
      case 'le': {
        const f = lineFields.get(pointer) ?? { zh: '' };
        if (kind === 'le') f.en = value;
        else f.zh = value;
        if (!lineFields.has(pointer)) {
          lineFields.set(pointer, f);
          put(root, pointer, undefined);
        }
        break;
      }
      case 'm': {
        const list = multi.get(pointer) ?? [];
        if (!multi.has(pointer)) {
          multi.set(pointer, list);
          put(root, pointer, list);
        }
        if (value) list.push(value);
        break;
      }
    }
  }
  // Keyed entries were placed in document order above; their values are known only now.
  for (const [pointer, p] of pairs) put(root, pointer, pairValue(p));
  for (const [pointer, f] of lineFields) put(root, pointer, linesValue(f.zh, f.en));
  for (const [pointer, list] of multi) if (list.length === 0) put(root, pointer, undefined);
  return dropUndefined(compact(root)) as Record<string, unknown>;
}

function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, dropUndefined(v)]));
  return value;
}

/** What an input shows for a value: numbers as typed, text sides of `{zh, en}`, lines of lists. */
export function textOf(value: unknown, side: 'zh' | 'en' = 'zh'): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return side === 'zh' ? value : '';
  if (typeof value === 'number' || typeof value === 'boolean') return side === 'zh' ? String(value) : '';
  if (typeof value === 'object' && !Array.isArray(value)) {
    const v = (value as Record<string, unknown>)[side];
    return typeof v === 'string' ? v : '';
  }
  return side === 'zh' ? JSON.stringify(value) : '';
}

export function linesOf(value: unknown, side: 'zh' | 'en' = 'zh'): string {
  if (!Array.isArray(value)) return textOf(value, side);
  return value.map((v) => textOf(v, side)).join('\n');
}

export { get as valueAt };
