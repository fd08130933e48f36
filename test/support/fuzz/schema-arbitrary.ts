// Values shaped by a JSON Schema (OpenAPI 3.1 / 2020-12, as /openapi.json states the request bodies): the keywords the
// document uses — $ref, const, enum, anyOf/oneOf, type, properties/required/additionalProperties, items with their
// counts, string lengths, patterns and dates, number bounds — each turned into a fast-check arbitrary. Written here
// because the published generators target Zod 3 or fast-check 1; this one needs only the document.
import fc from 'fast-check';

type Schema = boolean | { [k: string]: unknown };
export interface SchemaRoot {
  components: { schemas: Record<string, unknown> };
}

const MAX_DEPTH = 12;

function str(s: Record<string, unknown>): fc.Arbitrary<string> {
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = Math.min(typeof s.maxLength === 'number' ? s.maxLength : min + 24, min + 24);
  if (typeof s.pattern === 'string') return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length >= min && (typeof s.maxLength !== 'number' || x.length <= s.maxLength));
  if (s.format === 'date') return fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  // Chinese text is what the filings mostly carry; ASCII keeps the other fields honest.
  return fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), minLength: min, maxLength: max }));
}

function num(s: Record<string, unknown>, integer: boolean): fc.Arbitrary<number> {
  const min = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + (integer ? 1 : 1e-6) : -1e9;
  const max = typeof s.maximum === 'number' ? s.maximum : typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum - (integer ? 1 : 1e-6) : 1e12;
  return integer ? fc.integer({ min: Math.ceil(Math.max(min, Number.MIN_SAFE_INTEGER)), max: Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER)) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => Math.round(x * 100) / 100);
}

function obj(root: SchemaRoot, s: Record<string, unknown>, depth: number): fc.Arbitrary<unknown> {
  const props = (s.properties ?? {}) as Record<string, Schema>;
  const required = new Set((s.required ?? []) as string[]);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) {
    // Deep optional members are left out, so a value stays a size a request can carry.
    if (!required.has(k) && depth > 6) continue;
    model[k] = schemaArbitrary(root, v, depth + 1);
  }
  const known = fc.record(model, { requiredKeys: [...required].filter((k) => k in model) });
  if (s.additionalProperties === false || Object.keys(props).length) return known;
  const extra = s.additionalProperties && typeof s.additionalProperties === 'object' ? schemaArbitrary(root, s.additionalProperties as Schema, depth + 1) : fc.jsonValue({ maxDepth: 2 });
  return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), extra, { maxKeys: 4 });
}

function typed(root: SchemaRoot, s: Record<string, unknown>, type: string, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return str(s);
    case 'integer':
      return num(s, true);
    case 'number':
      return num(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const min = typeof s.minItems === 'number' ? s.minItems : 0;
      const max = Math.min(typeof s.maxItems === 'number' ? s.maxItems : min + 3, min + 3);
      return fc.array(s.items === undefined ? fc.jsonValue({ maxDepth: 2 }) : schemaArbitrary(root, s.items as Schema, depth + 1), { minLength: min, maxLength: max });
    }
    default:
      return obj(root, s, depth);
  }
}

/** An arbitrary of values the schema describes (mostly valid; patterns and bounds are honoured, formats partly). */
export function schemaArbitrary(root: SchemaRoot, schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (schema === undefined || schema === true || (typeof schema === 'object' && Object.keys(schema).length === 0)) return fc.jsonValue({ maxDepth: 2 });
  if (schema === false) return fc.constant(null);
  if (depth > MAX_DEPTH) return fc.constant(null);
  const s = schema;
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace('#/components/schemas/', '');
    return fc.constant(null).chain(() => schemaArbitrary(root, root.components.schemas[name] as Schema, depth + 1));
  }
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const alternatives = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => schemaArbitrary(root, a, depth + 1)));
  if (Array.isArray(s.type)) return fc.oneof(...(s.type as string[]).map((t) => typed(root, s, t, depth)));
  if (typeof s.type === 'string') return typed(root, s, s.type, depth);
  if (s.properties) return obj(root, s, depth);
  return fc.jsonValue({ maxDepth: 2 });
}
