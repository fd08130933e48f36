// Titles, help texts and option labels of input fields (locales/fields.*.json), by field path: forms and JSON Schemas show them.
import zhCN from '../../../locales/fields.zh-CN.json' with { type: 'json' };
import en from '../../../locales/fields.en.json' with { type: 'json' };
import type { Lang } from './catalogue.ts';

/** `*` for what every filing shares (the project block, the milestones), or a filing id. */
export type FieldScope = string;

interface FieldCatalogue {
  /** By property name: the title a field takes wherever it appears, unless its path has one of its own. */
  names: Record<string, string>;
  nameHelp: Record<string, string>;
  /** By scope, then by path (property names and `*` for array items, joined by dots). */
  paths: Record<string, Record<string, string>>;
  help: Record<string, Record<string, string>>;
  /** Labels of enumerated values, by value; `optionPaths` overrides them where one value means something else. */
  options: Record<string, string>;
  optionPaths: Record<string, Record<string, Record<string, string>>>;
}

const CATALOGUES: Record<Lang, FieldCatalogue> = { 'zh-CN': zhCN as FieldCatalogue, en: en as FieldCatalogue };

/** The last property name of a path (array steps skipped). */
function lastName(path: string): string {
  const parts = path.split('.').filter((p) => p !== '*');
  return parts[parts.length - 1] ?? '';
}

function byPath(table: Record<string, Record<string, string>>, scope: FieldScope, path: string): string | undefined {
  return table[scope]?.[path] ?? table['*']?.[path];
}

/** The field's title: its path's own in the filing, then the shared one, then its property name's. */
export function fieldTitle(scope: FieldScope, path: string, lang: Lang): string | undefined {
  const c = CATALOGUES[lang];
  return byPath(c.paths, scope, path) ?? c.names[lastName(path)];
}

export function fieldHelp(scope: FieldScope, path: string, lang: Lang): string | undefined {
  const c = CATALOGUES[lang];
  return byPath(c.help, scope, path) ?? c.nameHelp[lastName(path)];
}

export function optionLabel(scope: FieldScope, path: string, value: string | number | boolean, lang: Lang): string | undefined {
  const c = CATALOGUES[lang];
  const key = String(value);
  return c.optionPaths[scope]?.[path]?.[key] ?? c.optionPaths['*']?.[path]?.[key] ?? c.options[key];
}
