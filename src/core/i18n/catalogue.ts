// Message catalogues (locales/*.json) and lookup by dotted key.
import zhCN from '../../../locales/zh-CN.json' with { type: 'json' };
import en from '../../../locales/en.json' with { type: 'json' };

export type Lang = 'zh-CN' | 'en';

/** A catalogue: nested objects of strings, addressed by dotted keys. */
export type CatalogueTree = { [key: string]: string | CatalogueTree };

const CATALOGUES: Record<Lang, CatalogueTree> = { 'zh-CN': zhCN as CatalogueTree, en: en as CatalogueTree };

const MEMO: Record<Lang, Map<string, string | undefined>> = { 'zh-CN': new Map(), en: new Map() };

/** The string at a dotted key, or undefined. Keys are split on `.` only; answers are memoised (the catalogues are fixed). */
export function lookup(lang: Lang, key: string): string | undefined {
  const memo = MEMO[lang];
  if (memo.has(key)) return memo.get(key);
  const found = lookupIn(CATALOGUES[lang], key);
  memo.set(key, found);
  return found;
}

/** The string at a dotted key of any catalogue tree, or undefined. */
export function lookupIn(tree: CatalogueTree | undefined, key: string): string | undefined {
  let node: string | CatalogueTree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** Fills `{name}` placeholders; a placeholder without a value stays as written. */
export function fill(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

class MissingMessageError extends Error {
  constructor(lang: Lang, key: string) {
    super(`missing message "${key}" in locales/${lang}.json`);
  }
}

/** The string at a dotted key; a missing key is a bug in the catalogue, so it throws. */
export function message(lang: Lang, key: string, vars?: Record<string, string | number>): string {
  const found = lookup(lang, key);
  if (found === undefined) throw new MissingMessageError(lang, key);
  return fill(found, vars);
}

