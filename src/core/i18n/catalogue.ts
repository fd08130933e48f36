// Message catalogues (locales/*.json) and lookup by dotted key.
import zhCN from '../../../locales/zh-CN.json' with { type: 'json' };
import en from '../../../locales/en.json' with { type: 'json' };

export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

type Tree = { [key: string]: string | Tree };

const CATALOGUES: Record<Lang, Tree> = { 'zh-CN': zhCN as Tree, en: en as Tree };

const MEMO: Record<Lang, Map<string, string | undefined>> = { 'zh-CN': new Map(), en: new Map() };

/** The string at a dotted key, or undefined. Keys are split on `.` only; answers are memoised (the catalogues are fixed). */
export function lookup(lang: Lang, key: string): string | undefined {
  const memo = MEMO[lang];
  if (memo.has(key)) return memo.get(key);
  const found = walk(lang, key);
  memo.set(key, found);
  return found;
}

function walk(lang: Lang, key: string): string | undefined {
  let node: string | Tree | undefined = CATALOGUES[lang];
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export class MissingMessageError extends Error {
  constructor(lang: Lang, key: string) {
    super(`missing message "${key}" in locales/${lang}.json`);
  }
}

/** The string at a dotted key; a missing key is a bug in the catalogue, so it throws. */
export function message(lang: Lang, key: string, vars?: Record<string, string | number>): string {
  const found = lookup(lang, key);
  if (found === undefined) throw new MissingMessageError(lang, key);
  if (!vars) return found;
  return found.replace(/\{(\w+)\}/g, (_, name: string) => (name in vars ? String(vars[name]) : `{${name}}`));
}

/** Both languages of one key. */
export function messages(key: string, vars?: Record<string, string | number>): { zh: string; en: string } {
  return { zh: message('zh-CN', key, vars), en: message('en', key, vars) };
}

/** All keys (dotted) under a prefix in one language, for self-checks. */
export function keysUnder(lang: Lang, prefix: string): string[] {
  let node: string | Tree | undefined = CATALOGUES[lang];
  for (const part of prefix.split('.')) {
    if (node === undefined || typeof node === 'string') return [];
    node = node[part];
  }
  const out: string[] = [];
  const walk = (n: string | Tree, path: string): void => {
    if (typeof n === 'string') out.push(path);
    else for (const [k, v] of Object.entries(n)) walk(v, path ? `${path}.${k}` : k);
  };
  if (node !== undefined) walk(node, '');
  return out;
}
