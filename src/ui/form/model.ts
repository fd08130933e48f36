// The form model: a filing's input JSON Schema (the same zod schema validation uses) turned into the kinds of field a
// person fills in: text (short, long, bilingual, dates), numbers and amounts, choices, checkboxes, lists of lines,
// groups (optional ones can be left out), discriminated variants, and lists of rows as tables or as cards.
import { isBilingual, objectBranches, type JsonSchema } from '../../core/filings/json-schema.ts';

export type Scalar = string | number | boolean;

export type FieldNode =
  | { type: 'text'; long: boolean; bilingual: boolean; date: boolean; pattern?: string }
  | { type: 'number'; integer: boolean; unit?: 'wan' | 'percent'; min?: number; max?: number }
  | { type: 'value'; bilingual: boolean }
  | { type: 'choice'; options: Scalar[] }
  | { type: 'bool' }
  | { type: 'lines'; bilingual: boolean; long: boolean }
  | { type: 'multi'; options: string[] }
  | GroupNode
  | { type: 'variants'; discriminator: string; variants: Array<{ value: Scalar; group: GroupNode }> }
  | { type: 'table'; item: GroupNode; columns: Column[] }
  | { type: 'cards'; item: GroupNode | Extract<FieldNode, { type: 'variants' }> }
  | { type: 'unknown' };

export interface GroupNode {
  type: 'group';
  props: Prop[];
}

export interface Prop {
  key: string;
  /** Dotted path with `*` for array items: the key of titles and help in the field catalogues. */
  path: string;
  required: boolean;
  node: FieldNode;
}

/** A column of a table: a scalar property of the row, or one of a required sub-object's (flattened). */
export interface Column {
  /** Steps from the row: `['task']`, or `['category', 'code']`. */
  keys: string[];
  path: string;
  required: boolean;
  node: FieldNode;
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const SHORT = 200;

const list = (v: unknown): JsonSchema[] => (Array.isArray(v) ? (v as JsonSchema[]) : []);

function textNode(s: JsonSchema, bilingual: boolean): FieldNode {
  const max = typeof s.maxLength === 'number' ? s.maxLength : undefined;
  const pattern = typeof s.pattern === 'string' ? s.pattern : undefined;
  return { type: 'text', long: max !== undefined && max > SHORT, bilingual, date: pattern === DATE_PATTERN, ...(pattern && pattern !== DATE_PATTERN ? { pattern } : {}) };
}

function stringSide(s: JsonSchema): JsonSchema {
  return list(s.anyOf).find((b) => b.type === 'string') ?? {};
}

/** `a | b` where every side is a number, text or a choice. */
function unionNode(s: JsonSchema): FieldNode {
  const branches = list(s.anyOf);
  const ints = branches.find((b) => b.type === 'integer' && typeof b.minimum === 'number' && typeof b.maximum === 'number' && (b.maximum as number) - (b.minimum as number) <= 20);
  const enums = branches.find((b) => Array.isArray(b.enum));
  if (ints && enums && branches.length === 2) {
    const range = Array.from({ length: (ints.maximum as number) - (ints.minimum as number) + 1 }, (_, i) => (ints.minimum as number) + i);
    return { type: 'choice', options: [...range, ...(enums.enum as Scalar[])] };
  }
  if (branches.some((b) => b.type === 'number' || b.type === 'integer')) return { type: 'value', bilingual: branches.some((b) => isBilingual(b)) };
  return { type: 'unknown' };
}

function arrayNode(s: JsonSchema, path: string): FieldNode {
  const item = (s.items ?? {}) as JsonSchema;
  if (isBilingual(item)) return { type: 'lines', bilingual: true, long: (stringSide(item).maxLength as number | undefined ?? 0) > SHORT };
  if (item.type === 'string' && Array.isArray(item.enum)) return { type: 'multi', options: item.enum as string[] };
  if (item.type === 'string') return { type: 'lines', bilingual: false, long: false };
  const inner = nodeOf(item, `${path}.*`);
  if (inner.type === 'group') {
    const columns = flatColumns(inner);
    return columns ? { type: 'table', item: inner, columns } : { type: 'cards', item: inner };
  }
  if (inner.type === 'variants') return { type: 'cards', item: inner };
  return { type: 'unknown' };
}

const SCALAR = new Set(['text', 'number', 'value', 'choice', 'bool', 'lines']);

/** The columns of a row whose fields are all scalar, or scalar inside required sub-objects; undefined otherwise. */
function flatColumns(group: GroupNode): Column[] | undefined {
  const columns: Column[] = [];
  for (const p of group.props) {
    if (SCALAR.has(p.node.type)) columns.push({ keys: [p.key], path: p.path, required: p.required, node: p.node });
    else if (p.node.type === 'group' && p.required && p.node.props.every((q) => SCALAR.has(q.node.type))) {
      for (const q of p.node.props) columns.push({ keys: [p.key, q.key], path: q.path, required: q.required, node: q.node });
    } else return undefined;
  }
  return columns;
}

function groupNode(s: JsonSchema, path: string): GroupNode {
  const required = new Set(list(s.required) as unknown as string[]);
  const props = Object.entries((s.properties ?? {}) as Record<string, JsonSchema>).map(([key, child]) => {
    const p = path ? `${path}.${key}` : key;
    // A default makes a field optional to the caller, and the schema fills it in.
    return { key, path: p, required: required.has(key) && child.default === undefined, node: nodeOf(child, p) };
  });
  return { type: 'group', props };
}

/** The property whose value tells the variants of a union apart (a `const` in every branch). */
function discriminatorOf(branches: JsonSchema[]): string | undefined {
  const first = (branches[0]?.properties ?? {}) as Record<string, JsonSchema>;
  return Object.keys(first).find((k) => branches.every((b) => ((b.properties ?? {}) as Record<string, JsonSchema>)[k]?.const !== undefined));
}

export function nodeOf(s: JsonSchema, path = ''): FieldNode {
  if (isBilingual(s)) return textNode(stringSide(s), true);
  const branches = list(s.oneOf);
  if (branches.length) {
    const d = discriminatorOf(branches);
    if (!d) return { type: 'unknown' };
    return { type: 'variants', discriminator: d, variants: branches.map((b) => ({ value: ((b.properties as Record<string, JsonSchema>)[d]!.const) as Scalar, group: groupNode(b, path) })) };
  }
  if (s.anyOf) return unionNode(s);
  switch (s.type) {
    case 'string':
      return Array.isArray(s.enum) ? { type: 'choice', options: s.enum as Scalar[] } : textNode(s, false);
    case 'number':
    case 'integer': {
      const unit = s['x-unit'] === 'wan' || s['x-unit'] === 'percent' ? (s['x-unit'] as 'wan' | 'percent') : undefined;
      return { type: 'number', integer: s.type === 'integer', ...(unit ? { unit } : {}), ...(typeof s.minimum === 'number' ? { min: s.minimum } : {}), ...(typeof s.maximum === 'number' ? { max: s.maximum } : {}) };
    }
    case 'boolean':
      return { type: 'bool' };
    case 'array':
      return arrayNode(s, path);
    case 'object':
      return groupNode(s, path);
    default:
      return objectBranches(s).length ? groupNode(objectBranches(s)[0]!, path) : { type: 'unknown' };
  }
}

/** The property at a dotted key (`a` or `a.b`) of a group, or of the active variant of a root union. */
export function propAt(root: GroupNode, key: string): Prop | undefined {
  let group: GroupNode | undefined = root;
  let found: Prop | undefined;
  for (const k of key.split('.')) {
    found = group?.props.find((p) => p.key === k);
    group = found?.node.type === 'group' ? found.node : undefined;
  }
  return found;
}
