// Walks a Handlebars template's AST the way the Handlebars runtime will run it in strict mode: contexts are pushed
// only where the runtime pushes them (so `../` means what it will mean), data frames by {{#each}}, block params,
// guards on optional values. Reports names the view does not have, helpers and partials that are not allowed, loops
// nested over the same list; records every value mustache and the section wrappers for the HTML checks after it.
import type { LintProblem } from './problem.ts';
import type { SectionEvent } from './sections.ts';
import { ANY, BOOL, NUMBER, TEXT, describeNames, itemScope, namesOf, nestedLoopText, notAValue, walkShape, type ObjectShape, type Resolved, type Scope, type Shape } from './view-shape.ts';

/** A {{value}} mustache: where it is, what it prints, and whether it prints a section's id (for data-section). */
export interface ValueAt {
  start: number;
  end: number;
  written: string;
  shape: Shape | undefined;
  /** The section whose `id` this prints, when it does. */
  sectionId?: string;
}

export type PlacedEvent = SectionEvent & { offset: number };

export type Report = (code: string, severity: 'error' | 'warning', offset: number, tag: string | undefined, zh: string, en: string) => void;

interface Env {
  /** The runtime's context stack (its `depths`), outermost first; `../` counts back from the last. */
  contexts: Scope[];
  params: ReadonlyMap<string, Scope>;
  /** Data frames: the root's, then one per {{#each}}; each sees its own fields and its parents'. */
  frames: ReadonlyArray<ReadonlyMap<string, Shape>>;
  guards: ReadonlySet<Shape>;
  /** Paths of the lists the enclosing loops go over, innermost last. */
  loops: readonly string[];
}

const BUILTIN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'helperMissing', 'blockHelperMissing']);
const EACH_DATA: ReadonlyMap<string, Shape> = new Map([
  ['index', NUMBER],
  ['key', TEXT],
  ['first', BOOL],
  ['last', BOOL],
]);

export interface Located {
  offset(pos: hbs.AST.Position): number;
  snippet(node: hbs.AST.Node): string;
}

export class HbsWalker {
  readonly values: ValueAt[] = [];
  readonly events: PlacedEvent[] = [];
  readonly contents: hbs.AST.ContentStatement[] = [];
  private readonly root: Scope;
  private readonly src: Located;
  private readonly report: Report;
  private readonly file: string;
  private readonly problems: LintProblem[];

  constructor(root: ObjectShape, src: Located, report: Report, file: string, problems: LintProblem[]) {
    this.root = { shape: root, path: '' };
    this.src = src;
    this.report = report;
    this.file = file;
    this.problems = problems;
  }

  run(ast: hbs.AST.Program): void {
    this.walk(ast, { contexts: [this.root], params: new Map(), frames: [new Map([['root', this.root.shape]])], guards: new Set(), loops: [] });
  }

  private at(node: hbs.AST.Node): number {
    return this.src.offset(node.loc.start);
  }

  private walk(program: hbs.AST.Program | undefined, env: Env): void {
    for (const stmt of program?.body ?? []) {
      if (stmt.type === 'ContentStatement') this.contents.push(stmt as hbs.AST.ContentStatement);
      else if (stmt.type === 'MustacheStatement') this.mustache(stmt as hbs.AST.MustacheStatement, env);
      else if (stmt.type === 'BlockStatement') this.block(stmt as hbs.AST.BlockStatement, env);
      else if (stmt.type === 'PartialStatement' || stmt.type === 'PartialBlockStatement') this.partial(stmt as hbs.AST.PartialStatement, env);
      else if (stmt.type === 'DecoratorBlock' || stmt.type === 'Decorator') {
        this.report('decorator_not_allowed', 'error', this.at(stmt), this.src.snippet(stmt), '模板不能使用装饰器（{{* …}}）。', 'Templates cannot use decorators ({{* …}}).');
      }
    }
  }

  private partial(p: hbs.AST.PartialStatement, env: Env): void {
    const dynamic = p.name.type === 'SubExpression';
    this.report(
      dynamic ? 'dynamic_partial' : 'partial_not_allowed',
      'error',
      this.at(p),
      this.src.snippet(p),
      dynamic ? '动态 partial {{> (…)}} 按运行时的数据选择模板，曾导致远程代码执行（CVE-2026-33937）；模板必须自成一体。' : '模板必须自成一体，不能使用 partial（{{> …}}）：服务不登记任何 partial。',
      dynamic
        ? 'A dynamic partial {{> (…)}} picks a template from run-time data and has led to remote code execution (CVE-2026-33937); templates must be self-contained.'
        : 'Templates must be self-contained and cannot use partials ({{> …}}): the service registers none.',
    );
    if (dynamic) this.expr(p.name, env);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Names
  // -------------------------------------------------------------------------------------------------------------

  private unknown(node: hbs.AST.Node, written: string, env: Env, parts?: readonly string[]): void {
    const here = env.contexts[env.contexts.length - 1]!;
    const names = [...namesOf(here.shape), ...env.params.keys()];
    const atRoot = parts !== undefined && env.contexts.length > 1 && walkShape(this.root, parts, new Set()) !== undefined;
    const hint = atRoot ? { zh: `（根上下文中有它：请写 @root.${parts.join('.')}）`, en: ` (the root has it: write @root.${parts.join('.')})` } : { zh: '', en: '' };
    this.report(
      'unknown_tag',
      'error',
      this.at(node),
      written,
      `${written} 不对应本申报材料视图中的任何字段${hint.zh}（在此位置可用：${describeNames(names)}）。`,
      `${written} names no field of this filing's view${hint.en} (available here: ${describeNames(names)}).`,
    );
  }

  private resolve(path: hbs.AST.PathExpression, env: Env): Resolved | undefined {
    const parts = path.parts;
    if (path.data) {
      const [head, ...rest] = parts;
      if (head === undefined) return undefined;
      // @../x reads the data frame of an enclosing {{#each}}; frames copy their parents' fields.
      const frames = env.frames.slice(0, env.frames.length - path.depth);
      const frame = [...frames].reverse().find((f) => f.has(head));
      if (!frame) return undefined;
      return walkShape({ shape: frame.get(head)!, path: head === 'root' ? '' : undefined }, rest, env.guards);
    }
    if (path.depth > 0) {
      const base = env.contexts[env.contexts.length - 1 - path.depth];
      return base ? walkShape(base, parts, env.guards) : undefined;
    }
    const explicitThis = /^(this|\.)([./]|$)/.test(path.original);
    const param = !explicitThis && parts.length ? env.params.get(parts[0]!) : undefined;
    if (param) return walkShape(param, parts.slice(1), env.guards);
    return walkShape(env.contexts[env.contexts.length - 1]!, parts, env.guards);
  }

  /** Resolves a path used as a value or condition, reporting unknown and unguarded names. */
  private path(path: hbs.AST.PathExpression, env: Env): Resolved | undefined {
    const written = this.src.snippet(path);
    const r = this.resolve(path, env);
    if (!r) {
      this.unknown(path, written, env, path.data || path.depth > 0 ? undefined : path.parts);
      return undefined;
    }
    if (r.unguarded !== undefined) {
      this.report(
        'unguarded_optional',
        'error',
        this.at(path),
        written,
        `${written} 经过 ${r.unguarded}，而它对某些输入为 false；请放在 {{#if ${r.unguarded}}}…{{/if}} 之内，否则严格模式下这些输入无法渲染。`,
        `${written} goes through ${r.unguarded}, which is false for some inputs; put it inside {{#if ${r.unguarded}}}…{{/if}}, or strict mode fails on those inputs.`,
      );
    }
    return r;
  }

  private helperName(node: hbs.AST.Node, name: string, written: string): void {
    const offset = this.at(node);
    if (name === 'helperMissing' || name === 'blockHelperMissing') {
      this.report(
        'helper_missing_call',
        'error',
        offset,
        written,
        `不能调用 ${name}：它是 Handlebars 的内部兜底 helper，直接调用被记录为不安全的用法。`,
        `${name} must not be called: it is Handlebars' internal fallback helper and calling it directly is documented as unsafe.`,
      );
    } else if (name === 'lookup') {
      this.report('dynamic_lookup', 'error', offset, written, 'lookup 按运行时的值取字段，无法检查，也曾被用来访问原型；请直接写字段名。', 'lookup reads a field named at run time, which cannot be checked and has been used to reach prototypes; name the field directly.');
    } else if (name === 'log') {
      this.report('log_helper', 'warning', offset, written, 'log 会把数据写进服务器日志；模板里不需要它。', 'log writes data to the server log; templates have no use for it.');
    }
  }

  private expr(e: hbs.AST.Expression, env: Env): Resolved | undefined {
    if (e.type === 'PathExpression') return this.path(e as hbs.AST.PathExpression, env);
    if (e.type === 'SubExpression') {
      const sub = e as hbs.AST.SubExpression;
      this.helperName(sub, sub.path.original, this.src.snippet(sub));
      for (const p of sub.params) this.expr(p, env);
      for (const pair of sub.hash?.pairs ?? []) this.expr(pair.value, env);
      return { shape: ANY, path: undefined };
    }
    return { shape: TEXT, path: undefined };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Statements
  // -------------------------------------------------------------------------------------------------------------

  private mustache(node: hbs.AST.MustacheStatement, env: Env): void {
    const written = this.src.snippet(node);
    const offset = this.at(node);
    if (!node.escaped) {
      this.report(
        'unescaped_output',
        'error',
        offset,
        written,
        `${written} 不转义地输出 HTML（{{{…}}} 或 {{& …}}）。调用方的文字会原样进入文档，可注入标签、脚本和外部地址；请用 {{…}}。`,
        `${written} outputs HTML unescaped ({{{…}}} or {{& …}}). Caller text would enter the document as markup, able to inject tags, scripts and outside addresses; use {{…}}.`,
      );
    }
    let r: Resolved | undefined;
    const isCall = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (node.path.type === 'PathExpression') {
      const path = node.path as hbs.AST.PathExpression;
      const simpleName = !path.data && path.depth === 0 && path.parts.length === 1 ? path.parts[0]! : undefined;
      if ((simpleName !== undefined && BUILTIN_HELPERS.has(simpleName)) || isCall) {
        if (simpleName !== undefined && BUILTIN_HELPERS.has(simpleName)) this.helperName(node, simpleName, written);
        if (simpleName !== undefined && ['if', 'unless', 'each', 'with'].includes(simpleName)) {
          this.report('helper_misuse', 'error', offset, written, `${simpleName} 是块 helper，要写成 {{#${simpleName} …}}…{{/${simpleName}}}。`, `${simpleName} is a block helper: write {{#${simpleName} …}}…{{/${simpleName}}}.`);
        }
        // (an unknown helper: precompile with knownHelpersOnly already reported it)
        for (const p of node.params) this.expr(p, env);
        r = { shape: ANY, path: undefined };
      } else {
        r = this.path(path, env);
        if (r) notAValue(r.shape, written, { file: this.file }, this.problems, 'html');
      }
    } else {
      // {{"name"}} / {{true}}: a literal used as a name is a lookup of that key.
      const literal = String((node.path as unknown as { original?: unknown; value?: unknown }).original ?? (node.path as unknown as { value?: unknown }).value);
      r = walkShape(env.contexts[env.contexts.length - 1]!, [literal], env.guards);
      if (!r) this.unknown(node, written, env);
    }
    const last = node.path.type === 'PathExpression' ? (node.path as hbs.AST.PathExpression).parts.at(-1) : undefined;
    const sectionId = r?.parent?.kind === 'object' && last === 'id' ? r.parent.section : undefined;
    this.values.push({ start: offset, end: this.src.offset(node.loc.end), written, shape: r?.shape, ...(sectionId !== undefined ? { sectionId } : {}) });
  }

  /** A new runtime context: pushed unless it is the current one (the runtime compares them and pushes only a new one). */
  private enter(env: Env, scope: Scope, extra: { frame?: ReadonlyMap<string, Shape>; params?: Scope[]; blockParams?: readonly string[]; guard?: Shape; loop?: string } = {}): Env {
    const current = env.contexts[env.contexts.length - 1]!;
    const same = current.path !== undefined && current.path === scope.path;
    const params = new Map(env.params);
    (extra.blockParams ?? []).forEach((bp, i) => params.set(bp, extra.params?.[i] ?? { shape: ANY, path: undefined }));
    return {
      contexts: same ? env.contexts : [...env.contexts, scope],
      params,
      frames: extra.frame ? [...env.frames, extra.frame] : env.frames,
      guards: extra.guard ? new Set([...env.guards, extra.guard]) : env.guards,
      loops: extra.loop !== undefined ? [...env.loops, extra.loop] : env.loops,
    };
  }

  private guarded(env: Env, shape: Shape | undefined): Env {
    return shape ? { ...env, guards: new Set([...env.guards, shape]) } : env;
  }

  private block(node: hbs.AST.BlockStatement, env: Env): void {
    const name = node.path.original;
    const written = `{{#${this.src.snippet(node.path)}${node.params.length ? ' ' + node.params.map((p) => this.src.snippet(p)).join(' ') : ''}}}`;
    this.helperName(node, name, written);
    const builtin = !node.path.data && node.path.depth === 0 && node.path.parts.length === 1 && BUILTIN_HELPERS.has(name);
    if (builtin && ['if', 'unless', 'with', 'each'].includes(name) && node.params.length !== 1) {
      this.report('helper_misuse', 'error', this.at(node), written, `{{#${name}}} 需要恰好一个参数。`, `{{#${name}}} takes exactly one argument.`);
    }
    if (builtin && (name === 'if' || name === 'unless')) return this.conditional(node, name, written, env);
    if (builtin && name === 'with') return this.withBlock(node, written, env);
    if (builtin && name === 'each') return this.eachBlock(node, written, env);
    if (builtin || node.params.length || (node.hash?.pairs.length ?? 0) > 0) {
      // lookup/log/helperMissing as blocks, or an unknown helper (reported by precompile): nothing to check inside.
      for (const p of node.params) this.expr(p, env);
      const unknown = { shape: ANY, path: undefined };
      this.walk(node.program, this.enter(env, unknown));
      this.walk(node.inverse, this.enter(env, unknown));
      return;
    }
    this.simpleBlock(node, written, env);
  }

  private conditional(node: hbs.AST.BlockStatement, name: string, written: string, env: Env): void {
    const p0 = node.params[0];
    const shape = p0 ? this.expr(p0, env)?.shape : undefined;
    const p0path = p0?.type === 'PathExpression' ? (p0 as hbs.AST.PathExpression) : undefined;
    const wrapper = name === 'if' && env.contexts.length === 1 && p0path && !p0path.data && p0path.depth === 0 && p0path.parts.length === 1 && p0path.parts[0]!.startsWith('s_') && node.params.length === 1;
    const id = wrapper ? p0path.parts[0]!.slice(2) : undefined;
    if (id !== undefined) this.events.push({ kind: 'open', id, tag: written, offset: this.at(node) });
    this.walk(node.program, name === 'if' ? this.guarded(env, shape) : env);
    if (id !== undefined) this.events.push({ kind: 'close', id, offset: this.programEnd(node) });
    this.walk(node.inverse, name === 'unless' ? this.guarded(env, shape) : env);
  }

  /** Where a block's main program ends (before its {{else}} or close): a section wrapper closes there. */
  private programEnd(node: hbs.AST.BlockStatement): number {
    const last = node.program?.body.at(-1);
    return last ? this.src.offset(last.loc.end) : this.at(node) + 1;
  }

  private withBlock(node: hbs.AST.BlockStatement, written: string, env: Env): void {
    const scope = (node.params[0] ? this.expr(node.params[0], env) : undefined) ?? { shape: ANY, path: undefined };
    if (scope.shape.kind !== 'object' && scope.shape.kind !== 'any') {
      this.report(
        'with_not_object',
        'error',
        this.at(node),
        written,
        `{{#with}} 只能进入对象；${written} 给的是${scope.shape.kind === 'list' ? '列表（请用 {{#each}}）' : '单个值（请用 {{#if}}）'}。`,
        `{{#with}} enters an object; ${written} gives ${scope.shape.kind === 'list' ? 'a list (use {{#each}})' : 'a single value (use {{#if}})'}.`,
      );
    }
    this.walk(node.program, this.enter(env, scope, { params: [scope], blockParams: node.program?.blockParams, guard: scope.shape }));
    this.walk(node.inverse, env);
  }

  private loop(node: hbs.AST.BlockStatement, list: Resolved, written: string, env: Env): Env {
    const nested = nestedLoopText(list.path, env.loops, written);
    if (nested) this.report(nested.code, 'error', this.at(node), written, nested.zh, nested.en);
    const item = list.shape.kind === 'list' ? itemScope(list as Scope & { shape: Extract<Shape, { kind: 'list' }> }) : { shape: ANY, path: undefined };
    return this.enter(env, item, { frame: EACH_DATA, params: [item, { shape: NUMBER, path: undefined }], blockParams: node.program?.blockParams, guard: list.shape, ...(list.path !== undefined ? { loop: list.path } : {}) });
  }

  private eachBlock(node: hbs.AST.BlockStatement, written: string, env: Env): void {
    const list = (node.params[0] ? this.expr(node.params[0], env) : undefined) ?? { shape: ANY, path: undefined };
    if (list.shape.kind !== 'list' && list.shape.kind !== 'any') {
      this.report('each_not_list', 'error', this.at(node), written, `{{#each}} 只能循环列表；${written} 给的不是列表。`, `{{#each}} loops over a list; ${written} does not give one.`);
    }
    this.walk(node.program, this.loop(node, list, written, env));
    this.walk(node.inverse, env);
  }

  /** {{#name}}…{{/name}}: blockHelperMissing loops over a list, enters an object, keeps the context for true. */
  private simpleBlock(node: hbs.AST.BlockStatement, written: string, env: Env): void {
    const r = this.path(node.path, env) ?? { shape: ANY, path: undefined };
    const kind = r.shape.kind;
    if (kind === 'text' || kind === 'number' || kind === 'rawxml') {
      this.report(
        'block_on_value',
        'error',
        this.at(node),
        written,
        `${written} 以单个值为块：块内的上下文会变成这个值本身，字段都找不到了。要按它是否为空来显示，请写 {{#if …}}。`,
        `${written} makes a single value the block's context, where no field can be found. To show something depending on it, write {{#if …}}.`,
      );
    }
    const inner = kind === 'list' ? this.loop(node, r, written, env) : kind === 'bool' ? this.guarded(env, r.shape) : this.enter(env, r, { params: [r], blockParams: node.program?.blockParams, guard: r.shape });
    this.walk(node.program, inner);
    this.walk(node.inverse, env);
  }
}

