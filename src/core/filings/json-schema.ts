// A filing's input as JSON Schema (zod's own, 2020-12), and the same schema with every field's title, help text and
// option labels from the field catalogues: what GET /v1/filings/{id} serves and the workbench's forms are built from.
import { z } from 'zod';
import { fieldHelp, fieldTitle, optionLabel, type FieldScope } from '../i18n/fields.ts';
import type { Lang } from '../i18n/catalogue.ts';

export type JsonSchema = { [key: string]: unknown };

/** The input JSON Schema of a zod schema (what a caller sends: defaults make fields optional). */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const asList = (v: unknown): JsonSchema[] => (Array.isArray(v) ? (v as JsonSchema[]) : []);

/** Text in one or both languages: a string, or `{ zh, en? }`. */
export function isBilingual(node: JsonSchema): boolean {
  const any = asList(node.anyOf);
  return any.length === 2 && any.some((b) => b.type === 'string') && any.some((b) => b.type === 'object' && (b.properties as JsonSchema | undefined)?.zh !== undefined);
}

/** The object branches of a union (discriminated variants), or the node itself when it is an object. */
export function objectBranches(node: JsonSchema): JsonSchema[] {
  if (node.type === 'object') return [node];
  return [...asList(node.oneOf), ...asList(node.anyOf)].filter((b) => b.type === 'object' && !isBilingual(node));
}

export interface FieldVisit {
  path: string;
  node: JsonSchema;
  /** The property's own enumerated values, if any (also inside a union such as `1–5 | secret…`). */
  options: Array<string | number | boolean>;
}

function enumValues(node: JsonSchema): Array<string | number | boolean> {
  const own = Array.isArray(node.enum) ? (node.enum as Array<string | number | boolean>) : [];
  return [...own, ...asList(node.anyOf).flatMap((b) => (Array.isArray(b.enum) ? (b.enum as Array<string | number | boolean>) : []))];
}

/**
 * Visits every property of the schema, depth first, with its dotted path (`*` for array items); variants of a union
 * share their paths. Bilingual text is one field, not an object of two.
 */
export function visitFields(node: JsonSchema, visit: (v: FieldVisit) => void, path = ''): void {
  for (const branch of objectBranches(node)) {
    for (const [key, child] of Object.entries((branch.properties ?? {}) as Record<string, JsonSchema>)) {
      const p = path ? `${path}.${key}` : key;
      visit({ path: p, node: child, options: enumValues(child).concat(child.type === 'array' ? enumValues((child.items ?? {}) as JsonSchema) : []) });
      visitInside(child, p, visit);
    }
  }
}

function visitInside(child: JsonSchema, p: string, visit: (v: FieldVisit) => void): void {
  if (isBilingual(child)) return;
  if (child.type === 'array') {
    const item = (child.items ?? {}) as JsonSchema;
    if (objectBranches(item).length) visitFields(item, visit, `${p}.*`);
    return;
  }
  visitFields(child, visit, p);
}

/** A deep copy of the schema with `title`, `description` and `x-enumLabels` on every property, in one language. */
export function describeJsonSchema(schema: JsonSchema, scope: FieldScope, lang: Lang): JsonSchema {
  const copy = structuredClone(schema);
  visitFields(copy, ({ path, node, options }) => {
    const title = fieldTitle(scope, path, lang);
    const help = fieldHelp(scope, path, lang);
    if (title) node.title = title;
    if (help) node.description = help;
    if (options.length) node['x-enumLabels'] = Object.fromEntries(options.map((o) => [String(o), optionLabel(scope, path, o, lang) ?? String(o)]));
  });
  return copy;
}
