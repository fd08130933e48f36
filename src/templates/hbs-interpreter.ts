// Renders an HTML template by walking its Handlebars AST: no code is generated from the template, so it runs where
// that is forbidden (Workers) and gives the bytes Handlebars' compiled template gives with the service's options
// (strict, known helpers only, escaping on), for the subset the upload lint allows: paths (this, ../, @data, @root,
// block params, literal names), {{#if}}, {{#unless}}, {{#each}}, {{#with}}, blocks over a value, {{else}}, comments.
// Anything else (partials, decorators, other helpers, sub-expressions) is refused when the template is read.
import Handlebars from 'handlebars';
import { AppError } from '../core/errors.ts';
import type { HtmlTemplateFn } from '../core/ports.ts';
import { HANDLEBARS_COMPILE_OPTIONS } from './manifest.ts';

type Node = hbs.AST.Node;
type Program = hbs.AST.Program;
type Path = hbs.AST.PathExpression;
type Expr = hbs.AST.Expression;
type Data = Record<string, unknown> & { _parent?: Data };

/** Where a program runs: the context stack for ../ (Handlebars' depths), the data frame, the block params in scope. */
interface Env {
  depths: unknown[];
  data: Data;
  params: ReadonlyArray<{ names: readonly string[]; values: readonly unknown[] }>;
}

const KNOWN_HELPERS = new Set(['helperMissing', 'blockHelperMissing', 'each', 'if', 'unless', 'with', 'log', 'lookup']);
const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);

function unsupported(node: Node, what: string): AppError {
  const line = node.loc?.start.line;
  return new AppError({
    code: 'template_invalid',
    message: { 'zh-CN': `模板使用了无法在此运行的写法（第 ${line} 行：${what}）。`, en: `The template uses something that cannot run here (line ${line}: ${what}).` },
    details: { line, construct: what },
  });
}

const scoped = (p: Path) => /^\.|this\b/.test(p.original);
const simpleId = (p: Path) => p.parts.length === 1 && !scoped(p) && !p.depth;

/** A literal in the place of a name ({{"a b"}}) is a lookup of that key, as Handlebars' compiler reads it. */
function asPath(e: Expr): Path {
  if (e.type === 'PathExpression') return e as Path;
  const lit = e as hbs.AST.StringLiteral;
  return { type: 'PathExpression', data: false, depth: 0, parts: [String(lit.original)], original: String(lit.original), loc: e.loc } as Path;
}

/** Handlebars' lookupProperty: own properties only (prototype properties are refused, as by default there). */
function prop(parent: unknown, name: string): unknown {
  if (parent === null || parent === undefined) throw new TypeError(`Cannot read properties of ${parent} (reading '${name}')`);
  const result = (parent as Record<string, unknown>)[name];
  if (result === null || result === undefined) return result;
  return Object.prototype.hasOwnProperty.call(parent, name) ? result : undefined;
}

/** Strict mode's last step of a {{value}}: a name the object does not have is an error, not an empty string. */
function strictProp(obj: unknown, name: string): unknown {
  if (!obj || (typeof obj !== 'object' && typeof obj !== 'function') || !(name in obj)) throw new Handlebars.Exception(`"${name}" not defined in ${String(obj)}`);
  return prop(obj, name);
}

function blockParam(env: Env, name: string): { value: unknown } | undefined {
  for (const scope of env.params) {
    const i = scope.names.indexOf(name);
    if (i >= 0) return { value: scope.values[i] };
  }
  return undefined;
}

/** A path's value; `strict` (values and blocks over a value) makes its last name required. */
function lookup(p: Path, context: unknown, env: Env, strict: boolean): unknown {
  let base: unknown;
  let from = 0;
  let terminalStrict = strict;
  if (p.data) {
    base = env.data;
    for (let d = p.depth; base && d > 0; d--) base = (base as Data)._parent;
  } else {
    const param = !p.depth && !scoped(p) && p.parts.length ? blockParam(env, p.parts[0]!) : undefined;
    if (param) {
      base = param.value;
      from = 1;
      terminalStrict = false;
    } else base = p.depth ? env.depths[p.depth] : context;
  }
  const last = terminalStrict ? p.parts.length - 1 : p.parts.length;
  for (let i = from; i < last; i++) base = prop(base, p.parts[i]!);
  return terminalStrict && p.parts.length > from ? strictProp(base, p.parts[p.parts.length - 1]!) : base;
}

function paramValue(e: Expr, context: unknown, env: Env): unknown {
  switch (e.type) {
    case 'PathExpression':
      return lookup(e as Path, context, env, false);
    case 'StringLiteral':
    case 'NumberLiteral':
    case 'BooleanLiteral':
      return (e as hbs.AST.StringLiteral).value;
    case 'NullLiteral':
      return null;
    case 'UndefinedLiteral':
      return undefined;
    default:
      throw unsupported(e, e.type);
  }
}

const isEmpty = (v: unknown) => (!v && v !== 0) || (Array.isArray(v) && v.length === 0);

function run(program: Program | undefined, context: unknown, outer: Env, data: Data, values: readonly unknown[] = []): string {
  if (!program) return '';
  // Handlebars pushes a context for ../ only when it differs (loosely: its own `!=`) from the one before.
  const depths = context != outer.depths[0] ? [context, ...outer.depths] : outer.depths;
  const params = program.blockParams?.length ? [{ names: program.blockParams, values }, ...outer.params] : outer.params;
  const env: Env = { depths, data, params };
  let out = '';
  for (const stmt of program.body) out += statement(stmt, context, env);
  return out;
}

function statement(stmt: hbs.AST.Statement, context: unknown, env: Env): string {
  switch (stmt.type) {
    case 'ContentStatement':
      return (stmt as hbs.AST.ContentStatement).value;
    case 'CommentStatement':
      return '';
    case 'MustacheStatement': {
      const m = stmt as hbs.AST.MustacheStatement;
      const value = lookup(asPath(m.path), context, env, true);
      if (typeof value === 'function') throw unsupported(m, 'a function in the view');
      if (m.escaped) return Handlebars.Utils.escapeExpression(value as string);
      return value === null || value === undefined ? '' : String(value);
    }
    case 'BlockStatement':
      return block(stmt as hbs.AST.BlockStatement, context, env);
    default:
      throw unsupported(stmt, stmt.type);
  }
}

function each(list: unknown, b: hbs.AST.BlockStatement, context: unknown, env: Env): string {
  const frame: Data = { ...env.data, _parent: env.data };
  let out = '';
  let n = 0;
  const iterate = (key: string | number, index: number, last: boolean, value: unknown) => {
    Object.assign(frame, { key, index, first: index === 0, last });
    out += run(b.program, value, env, frame, [value, key]);
  };
  if (list && typeof list === 'object') {
    if (Array.isArray(list)) {
      for (; n < list.length; n++) if (n in list) iterate(n, n, n === list.length - 1, list[n]);
    } else {
      const keys = Object.keys(list);
      for (; n < keys.length; n++) iterate(keys[n]!, n, n === keys.length - 1, (list as Record<string, unknown>)[keys[n]!]);
    }
  }
  return n === 0 ? run(b.inverse, context, env, env.data) : out;
}

function block(b: hbs.AST.BlockStatement, context: unknown, env: Env): string {
  const path = asPath(b.path);
  const name = path.parts[0];
  const helper = simpleId(path) && !path.data && name !== undefined && KNOWN_HELPERS.has(name) && !blockParam(env, name) ? name : undefined;
  if (!helper) {
    // A block over a value ({{#list}}…{{/list}}): Handlebars' blockHelperMissing.
    const value = lookup(path, context, env, true);
    if (value === true) return run(b.program, context, env, env.data);
    if (value === false || value === null || value === undefined) return run(b.inverse, context, env, env.data);
    if (Array.isArray(value)) return value.length ? each(value, b, context, env) : run(b.inverse, context, env, env.data);
    return run(b.program, value, env, env.data);
  }
  const arg = paramValue(b.params[0]!, context, env);
  if (helper === 'each') return each(arg, b, context, env);
  if (helper === 'with') return isEmpty(arg) ? run(b.inverse, context, env, env.data) : run(b.program, arg, env, env.data, [arg]);
  const includeZero = b.hash?.pairs.some((p) => p.key === 'includeZero' && paramValue(p.value, context, env)) ?? false;
  const truthy = !((!includeZero && !arg) || isEmpty(arg));
  return run(truthy === (helper === 'if') ? b.program : b.inverse, context, env, env.data);
}

/** Refuses, before any render, what the interpreter does not run (and the upload lint does not let through). */
function check(program: Program | undefined, scopes: ReadonlyArray<readonly string[]>): void {
  for (const stmt of program?.body ?? []) {
    if (stmt.type === 'ContentStatement' || stmt.type === 'CommentStatement') continue;
    if (stmt.type === 'MustacheStatement') {
      const m = stmt as hbs.AST.MustacheStatement;
      const p = asPath(m.path);
      if (m.params.length || m.hash) throw unsupported(m, 'a helper call');
      if (simpleId(p) && !p.data && KNOWN_HELPERS.has(p.parts[0]!) && !scopes.some((s) => s.includes(p.parts[0]!))) throw unsupported(m, `the helper ${p.parts[0]}`);
      continue;
    }
    if (stmt.type !== 'BlockStatement') throw unsupported(stmt, stmt.type);
    const b = stmt as hbs.AST.BlockStatement;
    const p = asPath(b.path);
    const name = p.parts[0]!;
    const isHelper = simpleId(p) && !p.data && KNOWN_HELPERS.has(name) && !scopes.some((s) => s.includes(name));
    if (isHelper) {
      if (!BLOCK_HELPERS.has(name)) throw unsupported(b, `the helper ${name}`);
      if (b.params.length !== 1) throw unsupported(b, `{{#${name}}} without exactly one argument`);
      if (b.hash && (name === 'each' || name === 'with' || b.hash.pairs.some((h) => h.key !== 'includeZero'))) throw unsupported(b, 'a hash argument');
    } else if (b.params.length || b.hash) throw unsupported(b, `the helper ${p.original}`);
    for (const e of [...b.params, ...(b.hash?.pairs.map((h) => h.value) ?? [])]) if (e.type === 'SubExpression') throw unsupported(e, 'a sub-expression');
    check(b.program, b.program?.blockParams?.length ? [b.program.blockParams, ...scopes] : scopes);
    check(b.inverse, scopes);
  }
}

/** Reads a Handlebars source once; the returned function renders a view (a template error is thrown here, not later). */
export function interpretTemplate(source: string): HtmlTemplateFn {
  const ast = Handlebars.parse(source, HANDLEBARS_COMPILE_OPTIONS as Parameters<typeof Handlebars.parse>[1]);
  check(ast, []);
  return (view) => run(ast, view, { depths: [], data: {}, params: [] }, { root: view });
}
