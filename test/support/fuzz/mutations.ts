// Wrong values put into a well-formed JSON value one place at a time: every member and item of a body can be addressed
// by its path, given a value of the wrong type, removed, or given something hostile (control characters, lone
// surrogates, template syntax, extreme numbers, deep nesting, huge strings and arrays, a `__proto__` member).
import fc from 'fast-check';

export type Path = Array<string | number>;

/** The path of every member and item below the root, parents before children. */
export function paths(v: unknown, at: Path = []): Path[] {
  if (v === null || typeof v !== 'object') return [];
  const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
  return entries.flatMap(([k, x]) => [[...at, k], ...paths(x, [...at, k])]);
}

export function pointer(path: Path): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** A copy of the value with the member at `path` replaced (or removed when `to` is REMOVE). */
export const REMOVE = Symbol('remove');
export function setAt(v: unknown, path: Path, to: unknown): unknown {
  const copy = structuredClone(v);
  if (path.length === 0) return to === REMOVE ? undefined : to;
  let parent = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (to === REMOVE) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (last === '__proto__') Object.defineProperty(parent, last, { value: to, enumerable: true, writable: true, configurable: true });
  else parent[last] = to;
  return copy;
}

/** A value of another JSON type than v's. */
export function wrongType(v: unknown): unknown {
  if (typeof v === 'string') return v.length ? 12345 : null;
  if (typeof v === 'number') return 'twelve';
  if (typeof v === 'boolean') return 'true';
  if (v === null) return { unexpected: true };
  if (Array.isArray(v)) return { 0: v[0] ?? 'x' };
  return ['x'];
}

const deep = (n: number): unknown => (n === 0 ? 'bottom' : { d: deep(n - 1) });

/** Values no field should take without a clear 4xx, or should take as plain data. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    '',
    ' ',
    '\u0000',
    '\u0007\u001b[31m',
    '\ud800',
    '\udfff\ud800',
    '\uffff',
    '{{constructor.constructor "return process"}}',
    '{{#each this}}{{@key}}{{/each}}',
    '{{> (lookup . "x")}}',
    '<script>alert(1)</script><img src=http://127.0.0.1:9/x>',
    ']]><w:p/><![CDATA[',
    '../../../../etc/passwd',
    'undefined',
    'NaN',
    '[object Object]',
    '2026-02-30',
    '9999-12-31',
    '0000-00-00',
    -0,
    0,
    -1,
    0.1,
    1.5e300,
    -1.5e300,
    2 ** 53 + 2,
    1e-300,
    true,
    false,
    null,
    [],
    {},
    [[[[[]]]]],
  ),
  fc.constant(null).map(() => 'x'.repeat(100_001)),
  fc.constant(null).map(() => Array.from({ length: 10_001 }, () => 1)),
  fc.constant(null).map(() => deep(40)),
  fc.constant(null).map(() => JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.double(),
  fc.integer(),
);

/** One change of a value: a member given the wrong type, removed, given a hostile value, or a member added. */
export function mutation(v: unknown): fc.Arbitrary<unknown> {
  const at = paths(v);
  if (at.length === 0) return fc.oneof(hostileValue, fc.constant(wrongType(v)));
  const path = fc.constantFrom(...at);
  return fc.oneof(
    path.map((p) => setAt(v, p, wrongType(getAt(v, p)))),
    path.map((p) => setAt(v, p, REMOVE)),
    fc.tuple(path, hostileValue).map(([p, h]) => setAt(v, p, h)),
    fc.tuple(path, fc.constantFrom('__proto__', 'constructor', 'unexpected', ''), hostileValue).map(([p, k, h]) => {
      const target = getAt(v, p);
      return target !== null && typeof target === 'object' && !Array.isArray(target) ? setAt(v, [...p, k], h) : setAt(v, p, h);
    }),
  );
}

export function getAt(v: unknown, path: Path): unknown {
  let x = v;
  for (const k of path) x = (x as Record<string | number, unknown>)[k];
  return x;
}
