// Lints an uploaded HTML (Handlebars) template version: precompiles it with the service's options, then walks the
// AST for unescaped output, partials and decorators, helperMissing, mustaches in style/URL attributes or <style>,
// the sections of the registry (in order, each with its data-section) and every name against the view; and scans
// the static HTML for anything that would load from outside (URLs, <link>/<script>/<iframe>…, @import, url(), meta
// refresh). Every problem is returned at once. Uses the full Handlebars compiler: lint runs on Node at upload.
import Handlebars from 'handlebars';
import type { FilingDefinition } from '../../core/filings/index.ts';
import { HANDLEBARS_COMPILE_OPTIONS } from '../manifest.ts';
import { checkSections, type SectionEvent } from './sections.ts';
import { ANY, describeNames, namesOf, notAValue, viewShape, walkShape as walkScope, type Resolved, type Shape } from './view-shape.ts';
const walkShape = (base: Shape, segments: readonly string[], guards: ReadonlySet<Shape>): Resolved | undefined => walkScope({ shape: base, path: undefined }, segments, guards);
import { lintProblem, type LintProblem } from './problem.ts';

export interface HtmlLintOptions {
  filing: FilingDefinition;
  /** ISO date the version takes effect; decides which sections are required. Omitted: every registry section. */
  date?: string;
  /** Name given in `file` of each problem; default `<filing>.hbs`. */
  fileName?: string;
  limits?: Partial<HtmlLintLimits>;
}

export interface HtmlLintLimits {
  /** Template source length in UTF-16 code units. */
  maxSourceChars: number;
  /** Nesting of block statements; Handlebars' parser grows faster than linearly with it (2,000 levels: 0.7 s, 8,000: 46 s). */
  maxBlockDepth: number;
}

export const DEFAULT_HTML_LIMITS: Readonly<HtmlLintLimits> = Object.freeze({ maxSourceChars: 1024 * 1024, maxBlockDepth: 32 });

/** Deepest nesting of {{#…}} / {{^…}} blocks, comments skipped; a cheap look before the parser. */
function blockDepth(source: string): number {
  let depth = 0;
  let max = 0;
  for (const m of source.matchAll(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|\{\{~?\s*([#/]|\^(?!\s*~?\}\}))/g)) {
    if (m[1] === undefined) continue;
    if (m[1] === '/') depth = Math.max(0, depth - 1);
    else max = Math.max(max, ++depth);
  }
  return max;
}

const BUILTIN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'helperMissing', 'blockHelperMissing']);
const NUMBER: Shape = { kind: 'number' };
const TEXT: Shape = { kind: 'text' };
const BOOL: Shape = { kind: 'bool' };
/** Attributes whose value is a URL, a style or script: a mustache there is not made safe by HTML escaping. */
const DANGEROUS_ATTR = /^(style|href|src|srcset|action|formaction|xlink:href|background|poster|data|ping|on.+)$/;
/** Attributes that load a resource when the page is printed. */
const LOADING_ATTR = new Set(['src', 'srcset', 'poster', 'background', 'data', 'action', 'formaction', 'xlink:href']);

interface Env {
  /** Handlebars contexts; only context-changing blocks (with, each, simple blocks) push one, as `../` counts them. */
  contexts: Shape[];
  params: ReadonlyMap<string, Shape>;
  data: ReadonlyMap<string, Shape>;
  guards: ReadonlySet<Shape>;
}

interface MustacheAt {
  offset: number;
  written: string;
  shape: Shape | undefined;
}

class Source {
  readonly text: string;
  private readonly lineStarts: number[];
  constructor(text: string) {
    this.text = text;
    this.lineStarts = [0];
    for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) this.lineStarts.push(k + 1);
  }
  offset(pos: hbs.AST.Position): number {
    return (this.lineStarts[pos.line - 1] ?? this.text.length) + pos.column;
  }
  line(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  snippet(node: hbs.AST.Node): string {
    return this.text.slice(this.offset(node.loc.start), this.offset(node.loc.end));
  }
}

/** Lints an HTML (Handlebars) template version. Every problem is returned; an empty list means it may be accepted. */
export function lintHtmlTemplate(source: string, opts: HtmlLintOptions): LintProblem[] {
  const { filing, date } = opts;
  const limits: HtmlLintLimits = { ...DEFAULT_HTML_LIMITS, ...opts.limits };
  const file = opts.fileName ?? `${filing.id}.hbs`;
  const problems: LintProblem[] = [];
  const src = new Source(source);
  const at = (offset: number) => ({ zh: `第 ${src.line(offset)} 行`, en: `line ${src.line(offset)}` });
  const report = (code: string, severity: 'error' | 'warning', offset: number, tag: string | undefined, zh: string, en: string) => {
    const l = at(offset);
    problems.push(lintProblem(code, severity, `${l.zh}：${zh}`, `${l.en}: ${en}`, { file, ...(tag !== undefined ? { tag } : {}) }));
  };

  if (source.length > limits.maxSourceChars) {
    problems.push(
      lintProblem(
        'template_too_large',
        'error',
        `模板有 ${source.length} 个字符，超过上限 ${limits.maxSourceChars}。`,
        `The template has ${source.length} characters, more than the limit of ${limits.maxSourceChars}.`,
        { file },
      ),
    );
    return problems;
  }

  const depth = blockDepth(source);
  if (depth > limits.maxBlockDepth) {
    problems.push(
      lintProblem(
        'template_too_deep',
        'error',
        `块（{{#…}}）嵌套了 ${depth} 层，超过上限 ${limits.maxBlockDepth}（本服务的模板只需 6 层左右）；未解析。`,
        `Blocks ({{#…}}) nest ${depth} levels deep, more than the limit of ${limits.maxBlockDepth} (the service's templates need about 6); not parsed.`,
        { file },
      ),
    );
    scanStatic(source.replace(/\{\{[\s\S]*?\}\}\}?/g, (m) => m.replace(/[^\n]/g, '\u0000')), src, file, problems);
    return problems;
  }

  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const line = /line (\d+)/.exec(message)?.[1];
    problems.push(
      lintProblem(
        'hbs_syntax_error',
        'error',
        `Handlebars 语法错误${line ? `（第 ${line} 行）` : ''}：${message}`,
        `Handlebars syntax error${line ? ` (line ${line})` : ''}: ${message}`,
        { file },
      ),
    );
    // Still look for outside resources in the HTML around the (unparsable) mustaches.
    const masked = source.replace(/\{\{[\s\S]*?\}\}\}?/g, (m) => m.replace(/[^\n]/g, '\u0000'));
    scanStatic(masked, src, file, problems);
    return problems;
  }

  try {
    Handlebars.precompile(source, HANDLEBARS_COMPILE_OPTIONS);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const helper = /unknown helper (\S+)/.exec(message)?.[1];
    problems.push(
      helper
        ? lintProblem(
            'unknown_helper',
            'error',
            `使用了未登记的 helper“${helper}”。模板只能用 Handlebars 内置的 if/unless/each/with：${message}`,
            `The template uses the helper "${helper}", which is not registered; only the built-in if/unless/each/with are available: ${message}`,
            { file, tag: helper },
          )
        : lintProblem('hbs_compile_error', 'error', `按服务的选项（strict、knownHelpersOnly）无法编译：${message}`, `It does not compile with the service's options (strict, knownHelpersOnly): ${message}`, { file }),
    );
  }

  const root = viewShape(filing, 'html');
  const events: SectionEvent[] = [];
  const mustaches: MustacheAt[] = [];
  const contents: hbs.AST.ContentStatement[] = [];

  const unknown = (node: hbs.AST.Node, written: string, env: Env, parts?: readonly string[]) => {
    const here = env.contexts[env.contexts.length - 1];
    const names = [...namesOf(here), ...env.params.keys()];
    const atRoot = parts !== undefined && env.contexts.length > 1 && walkShape(root, parts, new Set()) !== undefined;
    const hint = atRoot ? { zh: '（根上下文中有它：请写 @root.' + parts.join('.') + '）', en: ` (the root has it: write @root.${parts.join('.')})` } : { zh: '', en: '' };
    report(
      'unknown_tag',
      'error',
      src.offset(node.loc.start),
      written,
      `${written} 不对应本申报材料视图中的任何字段${hint.zh}（在此位置可用：${describeNames(names)}）。`,
      `${written} names no field of this filing's view${hint.en} (available here: ${describeNames(names)}).`,
    );
  };

  const resolvePath = (path: hbs.AST.PathExpression, env: Env): Resolved | undefined => {
    const parts = path.parts;
    if (path.data) {
      const [head, ...rest] = parts;
      if (head === 'root') return walkShape(env.contexts[0]!, rest, env.guards);
      const d = head !== undefined ? env.data.get(head) : undefined;
      return d ? walkShape(d, rest, env.guards) : undefined;
    }
    if (path.depth > 0) {
      const base = env.contexts[env.contexts.length - 1 - path.depth];
      return base ? walkShape(base, parts, env.guards) : undefined;
    }
    const explicitThis = /^(this|\.)([./]|$)/.test(path.original);
    const param = !explicitThis && parts.length ? env.params.get(parts[0]!) : undefined;
    if (param) return walkShape(param, parts.slice(1), env.guards);
    return walkShape(env.contexts[env.contexts.length - 1]!, parts, env.guards);
  };

  /** Resolves a path used as a value or condition, reporting unknown and unguarded names. */
  const checkPath = (path: hbs.AST.PathExpression, env: Env): Resolved | undefined => {
    const written = src.snippet(path);
    const r = resolvePath(path, env);
    if (!r) {
      unknown(path, written, env, path.data || path.depth > 0 ? undefined : path.parts);
      return undefined;
    }
    if (r.unguarded !== undefined) {
      report(
        'unguarded_optional',
        'error',
        src.offset(path.loc.start),
        written,
        `${written} 经过 ${r.unguarded}，而它对某些输入为 false；请放在 {{#if ${r.unguarded}}}…{{/if}} 之内，否则严格模式下这些输入无法渲染。`,
        `${written} goes through ${r.unguarded}, which is false for some inputs; put it inside {{#if ${r.unguarded}}}…{{/if}}, or strict mode fails on those inputs.`,
      );
    }
    return r;
  };

  const checkHelperName = (node: hbs.AST.Node, name: string, written: string): void => {
    const offset = src.offset(node.loc.start);
    if (name === 'helperMissing' || name === 'blockHelperMissing') {
      report(
        'helper_missing_call',
        'error',
        offset,
        written,
        `不能调用 ${name}：它是 Handlebars 的内部兜底 helper，直接调用被记录为不安全的用法。`,
        `${name} must not be called: it is Handlebars' internal fallback helper and calling it directly is documented as unsafe.`,
      );
    } else if (name === 'lookup') {
      report('dynamic_lookup', 'error', offset, written, 'lookup 按运行时的值取字段，无法检查，也曾被用来访问原型；请直接写字段名。', 'lookup reads a field named at run time, which cannot be checked and has been used to reach prototypes; name the field directly.');
    } else if (name === 'log') {
      report('log_helper', 'warning', offset, written, 'log 会把数据写进服务器日志；模板里不需要它。', 'log writes data to the server log; templates have no use for it.');
    }
  };

  const checkExpr = (expr: hbs.AST.Expression, env: Env): Shape | undefined => {
    if (expr.type === 'PathExpression') return checkPath(expr as hbs.AST.PathExpression, env)?.shape;
    if (expr.type === 'SubExpression') {
      const sub = expr as hbs.AST.SubExpression;
      checkHelperName(sub, sub.path.original, src.snippet(sub));
      for (const p of sub.params) checkExpr(p, env);
      for (const pair of sub.hash?.pairs ?? []) checkExpr(pair.value, env);
      return ANY;
    }
    return TEXT;
  };

  const walk = (program: hbs.AST.Program | undefined, env: Env): void => {
    if (!program) return;
    const body = program.body;
    body.forEach((stmt, k) => {
      switch (stmt.type) {
        case 'ContentStatement': {
          const c = stmt as hbs.AST.ContentStatement;
          contents.push(c);
          const text = src.snippet(c);
          for (const m of text.matchAll(/<section data-section="([^"{}]*)"/g)) events.push({ kind: 'marker', id: m[1]!, tag: m[0] });
          const next = body[k + 1];
          if (text.endsWith('<section data-section="') && next?.type === 'MustacheStatement') {
            const path = (next as hbs.AST.MustacheStatement).path;
            const r = path.type === 'PathExpression' ? resolvePath(path as hbs.AST.PathExpression, env) : undefined;
            const parent = r?.parent;
            const last = path.type === 'PathExpression' ? (path as hbs.AST.PathExpression).parts.at(-1) : undefined;
            if (parent?.kind === 'object' && parent.section !== undefined && last === 'id') {
              events.push({ kind: 'marker', id: parent.section, tag: `<section data-section="${src.snippet(next)}"` });
            } else if (r) {
              report(
                'section_marker_invalid',
                'error',
                src.offset(next.loc.start),
                src.snippet(next),
                `data-section 的值必须是本节的 {{id}}（在 {{#with s_<id>}} 之内）或节的 id 本身。`,
                `The value of data-section must be the section's {{id}} (inside {{#with s_<id>}}) or the section id itself.`,
              );
            }
          }
          break;
        }
        case 'CommentStatement':
          break;
        case 'MustacheStatement':
          mustache(stmt as hbs.AST.MustacheStatement, env);
          break;
        case 'BlockStatement':
          block(stmt as hbs.AST.BlockStatement, env);
          break;
        case 'PartialStatement':
        case 'PartialBlockStatement': {
          const p = stmt as hbs.AST.PartialStatement;
          const dynamic = p.name.type === 'SubExpression';
          report(
            dynamic ? 'dynamic_partial' : 'partial_not_allowed',
            'error',
            src.offset(stmt.loc.start),
            src.snippet(stmt),
            dynamic
              ? '动态 partial {{> (…)}} 按运行时的数据选择模板，曾导致远程代码执行（CVE-2026-33937）；模板必须自成一体。'
              : '模板必须自成一体，不能使用 partial（{{> …}}）：服务不登记任何 partial。',
            dynamic
              ? 'A dynamic partial {{> (…)}} picks a template from run-time data and has led to remote code execution (CVE-2026-33937); templates must be self-contained.'
              : 'Templates must be self-contained and cannot use partials ({{> …}}): the service registers none.',
          );
          if (dynamic) checkExpr(p.name, env);
          break;
        }
        case 'DecoratorBlock':
        case 'Decorator':
          report('decorator_not_allowed', 'error', src.offset(stmt.loc.start), src.snippet(stmt), '模板不能使用装饰器（{{* …}}）。', 'Templates cannot use decorators ({{* …}}).');
          break;
        default:
          break;
      }
    });
  };

  const mustache = (node: hbs.AST.MustacheStatement, env: Env): void => {
    const written = src.snippet(node);
    const offset = src.offset(node.loc.start);
    if (!node.escaped) {
      report(
        'unescaped_output',
        'error',
        offset,
        written,
        `${written} 不转义地输出 HTML（{{{…}}} 或 {{& …}}）。调用方的文字会原样进入文档，可注入标签、脚本和外部地址；请用 {{…}}。`,
        `${written} outputs HTML unescaped ({{{…}}} or {{& …}}). Caller text would enter the document as markup, able to inject tags, scripts and outside addresses; use {{…}}.`,
      );
    }
    let shape: Shape | undefined;
    const isCall = node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
    if (node.path.type === 'PathExpression') {
      const path = node.path as hbs.AST.PathExpression;
      const simpleName = !path.data && path.depth === 0 && path.parts.length === 1 ? path.parts[0]! : undefined;
      if (simpleName !== undefined && BUILTIN_HELPERS.has(simpleName)) {
        checkHelperName(node, simpleName, written);
        if (['if', 'unless', 'each', 'with'].includes(simpleName)) {
          report('helper_misuse', 'error', offset, written, `${simpleName} 是块 helper，要写成 {{#${simpleName} …}}…{{/${simpleName}}}。`, `${simpleName} is a block helper: write {{#${simpleName} …}}…{{/${simpleName}}}.`);
        }
        for (const p of node.params) checkExpr(p, env);
        shape = ANY;
      } else if (isCall) {
        // An unknown helper: precompile (knownHelpersOnly) already reported it.
        for (const p of node.params) checkExpr(p, env);
        shape = ANY;
      } else {
        const r = checkPath(path, env);
        shape = r?.shape;
        if (r) notAValue(r.shape, written, { file }, problems, 'html');
      }
    } else {
      // {{"name"}} / {{true}}: a literal used as a name is a lookup of that key.
      const literal = String((node.path as unknown as { original?: unknown; value?: unknown }).original ?? (node.path as unknown as { value?: unknown }).value);
      const r = walkShape(env.contexts[env.contexts.length - 1]!, [literal], env.guards);
      if (!r) unknown(node, written, env);
      shape = r?.shape;
    }
    mustaches.push({ offset, written, shape });
  };

  const block = (node: hbs.AST.BlockStatement, env: Env): void => {
    const name = node.path.original;
    const written = `{{#${src.snippet(node.path)}${node.params.length ? ' ' + node.params.map((p) => src.snippet(p)).join(' ') : ''}}}`;
    const p0 = node.params[0];
    const blockParams = node.program?.blockParams ?? [];
    const plain = env;
    const withGuard = (e: Env, s: Shape | undefined): Env => (s ? { ...e, guards: new Set([...e.guards, s]) } : e);
    const push = (e: Env, ctx: Shape, extra: { data?: Record<string, Shape>; params?: Shape[] } = {}): Env => {
      const params = new Map(e.params);
      blockParams.forEach((bp, i) => params.set(bp, extra.params?.[i] ?? ANY));
      const data = new Map(e.data);
      for (const [k, v] of Object.entries(extra.data ?? {})) data.set(k, v);
      return { ...e, contexts: [...e.contexts, ctx], params, data };
    };
    const EACH_DATA = { index: NUMBER, key: TEXT, first: BOOL, last: BOOL };
    checkHelperName(node, name, written);
    const isBuiltin = !node.path.data && node.path.depth === 0 && node.path.parts.length === 1 && BUILTIN_HELPERS.has(name);

    if (isBuiltin && (name === 'if' || name === 'unless')) {
      const shape = p0 ? checkExpr(p0, env) : undefined;
      const p0path = p0?.type === 'PathExpression' ? (p0 as hbs.AST.PathExpression) : undefined;
      const sectionWrapper =
        name === 'if' && env.contexts.length === 1 && p0path && !p0path.data && p0path.depth === 0 && p0path.parts.length === 1 && p0path.parts[0]!.startsWith('s_') && node.params.length === 1;
      const id = sectionWrapper ? p0path.parts[0]!.slice(2) : undefined;
      if (id !== undefined) events.push({ kind: 'open', id, tag: written });
      walk(node.program, name === 'if' ? withGuard(plain, shape) : plain);
      if (id !== undefined) events.push({ kind: 'close', id });
      walk(node.inverse, name === 'unless' ? withGuard(plain, shape) : plain);
      return;
    }
    if (isBuiltin && name === 'with') {
      const shape = (p0 ? checkExpr(p0, env) : undefined) ?? ANY;
      walk(node.program, withGuard(push(env, shape, { params: [shape] }), shape));
      walk(node.inverse, plain);
      return;
    }
    if (isBuiltin && name === 'each') {
      const shape = (p0 ? checkExpr(p0, env) : undefined) ?? ANY;
      const item = shape.kind === 'list' ? shape.item : ANY;
      walk(node.program, withGuard(push(env, item, { data: EACH_DATA, params: [item, NUMBER] }), shape));
      walk(node.inverse, plain);
      return;
    }
    if (isBuiltin || node.params.length || (node.hash?.pairs.length ?? 0) > 0) {
      // lookup/log/helperMissing as blocks, or an unknown helper (reported by precompile): nothing to check inside.
      for (const p of node.params) checkExpr(p, env);
      walk(node.program, push(env, ANY));
      walk(node.inverse, push(env, ANY));
      return;
    }
    // A simple block {{#name}}…{{/name}}: blockHelperMissing loops over lists, enters objects, keeps the context for true.
    const shape = checkPath(node.path, env)?.shape ?? ANY;
    const inner =
      shape.kind === 'list'
        ? push(env, shape.item, { data: EACH_DATA, params: [shape.item, NUMBER] })
        : shape.kind === 'bool'
          ? env
          : push(env, shape, { params: [shape] });
    walk(node.program, withGuard(inner, shape));
    walk(node.inverse, plain);
  };

  walk(ast, { contexts: [root], params: new Map(), data: new Map(), guards: new Set() });

  // The static HTML: the template with every Handlebars construct blanked out (line breaks kept, so offsets hold).
  const spans = contents.map((c) => [src.offset(c.loc.start), src.offset(c.loc.end)] as const).sort((a, b) => a[0] - b[0]);
  let stat = '';
  let pos = 0;
  for (const [s, e] of spans) {
    if (s < pos) continue;
    stat += source.slice(pos, s).replace(/[^\n]/g, '\u0000') + source.slice(s, e);
    pos = e;
  }
  stat += source.slice(pos).replace(/[^\n]/g, '\u0000');

  checkHtmlContexts(stat, mustaches, (offset, tag, zh, en, code = 'mustache_in_attribute', severity: 'error' | 'warning' = 'error') => report(code, severity, offset, tag, zh, en));
  scanStatic(stat, src, file, problems);
  problems.push(...checkSections(events, filing, date, 'html', file));
  return problems;
}

type Reporter = (offset: number, tag: string, zh: string, en: string, code?: string, severity?: 'error' | 'warning') => void;

/**
 * Runs an HTML tokenizer over the static text and, at every mustache, looks at where it stands: inside an attribute
 * value (style, URL and event attributes are unsafe unless the value is a server-computed number), inside a tag,
 * inside <style> or <script>. Also flags static loading attributes whose value is not a data: URL.
 */
function checkHtmlContexts(stat: string, mustaches: readonly MustacheAt[], report: Reporter): void {
  type St = 'text' | 'tagName' | 'inTag' | 'attrName' | 'afterAttrName' | 'beforeValue' | 'dq' | 'sq' | 'uq' | 'comment' | 'raw' | 'endTag' | 'decl';
  const events = [...mustaches].sort((a, b) => a.offset - b.offset);
  let ev = 0;
  let st = 'text' as St;
  let tag = '';
  let attr = '';
  let value = '';
  let valueStart = 0;
  let raw = '';
  const n = stat.length;
  const finishAttr = () => {
    // Absolute and protocol-relative URLs are reported by scanStatic; here: relative ones, which would fail to load.
    if (LOADING_ATTR.has(attr) && !value.includes('\u0000') && !/^\s*(data:|#|$|(https?|ftp|file):|\/\/)/i.test(value)) {
      report(
        valueStart,
        `${attr}="${value}"`,
        `<${tag}> 的 ${attr} 指向 ${value}，不是 data: 地址。打印时只允许 data: 资源，其他地址都会被拦截，需要的图片请以 data: 内嵌。`,
        `The ${attr} of <${tag}> points to ${value}, not a data: URL. Printing allows data: resources only and blocks every other address; embed images as data: URLs.`,
        'external_url',
      );
    }
    attr = '';
    value = '';
  };
  const finishTag = () => {
    st = ['style', 'script', 'textarea', 'title'].includes(tag) ? 'raw' : 'text';
    raw = tag;
  };
  const isSpace = (c: string) => c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\f';
  for (let i = 0; i <= n; i++) {
    while (ev < events.length && events[ev]!.offset <= i) {
      const m = events[ev++]!;
      if (st === 'dq' || st === 'sq' || st === 'uq' || st === 'beforeValue') {
        if (DANGEROUS_ATTR.test(attr) && m.shape?.kind !== 'number') {
          report(
            m.offset,
            m.written,
            `${m.written} 在 <${tag}> 的 ${attr}= 属性值里。HTML 转义挡不住样式、地址和事件属性中的注入（如 url(http://…)、javascript:）；这类属性只能用服务器算出的数字，其余请写成固定值。`,
            `${m.written} sits in the ${attr}= attribute of <${tag}>. HTML escaping does not stop injection into style, URL or event attributes (url(http://…), javascript:); only server-computed numbers may go there, anything else must be fixed text.`,
          );
        } else if (st === 'uq' || st === 'beforeValue') {
          report(m.offset, m.written, `${m.written} 在没有引号的属性值里；请给 ${attr}= 的值加上引号。`, `${m.written} is in an unquoted attribute value; quote the value of ${attr}=.`, 'unquoted_attribute', 'warning');
        }
      } else if (st === 'tagName' || st === 'inTag' || st === 'attrName' || st === 'afterAttrName') {
        report(m.offset, m.written, `${m.written} 在 <${tag}> 标签之内而不是属性值里，会生成属性名。`, `${m.written} is inside the <${tag}> tag rather than in an attribute value, where it would make attribute names.`, 'mustache_in_tag');
      } else if (st === 'raw' && raw === 'style') {
        report(
          m.offset,
          m.written,
          `${m.written} 在 <style> 之内。HTML 转义挡不住 CSS 注入（如 url(http://…)）；样式表必须是固定文字。`,
          `${m.written} is inside <style>. HTML escaping does not stop CSS injection (url(http://…)); the style sheet must be fixed text.`,
          'mustache_in_style',
        );
      } else if (st === 'raw' && raw === 'script') {
        report(m.offset, m.written, `${m.written} 在 <script> 之内。`, `${m.written} is inside <script>.`, 'mustache_in_script');
      }
    }
    if (i === n) break;
    const c = stat[i]!;
    switch (st) {
      case 'text':
        if (c === '<') {
          if (stat.startsWith('<!--', i)) {
            st = 'comment';
            i += 3;
          } else if (/[A-Za-z]/.test(stat[i + 1] ?? '')) {
            st = 'tagName';
            tag = '';
          } else if (stat[i + 1] === '/') st = 'endTag';
          else if (stat[i + 1] === '!' || stat[i + 1] === '?') st = 'decl';
        }
        break;
      case 'tagName':
        if (/[A-Za-z0-9:-]/.test(c)) tag += c.toLowerCase();
        else {
          st = 'inTag';
          i--;
        }
        break;
      case 'inTag':
        if (c === '>') finishTag();
        else if (!isSpace(c) && c !== '/' && c !== '\u0000') {
          st = 'attrName';
          attr = c.toLowerCase();
        }
        break;
      case 'attrName':
        if (c === '=') st = 'beforeValue';
        else if (isSpace(c)) st = 'afterAttrName';
        else if (c === '>') {
          finishAttr();
          finishTag();
        } else if (c === '/') {
          finishAttr();
          st = 'inTag';
        } else if (c !== '\u0000') attr += c.toLowerCase();
        break;
      case 'afterAttrName':
        if (c === '=') st = 'beforeValue';
        else if (c === '>') {
          finishAttr();
          finishTag();
        } else if (!isSpace(c) && c !== '\u0000') {
          finishAttr();
          st = 'attrName';
          attr = c.toLowerCase();
        }
        break;
      case 'beforeValue':
        valueStart = i;
        if (c === '"') {
          st = 'dq';
          value = '';
          valueStart = i + 1;
        } else if (c === "'") {
          st = 'sq';
          value = '';
          valueStart = i + 1;
        } else if (c === '>') {
          finishAttr();
          finishTag();
        } else if (!isSpace(c)) {
          st = 'uq';
          value = c;
        }
        break;
      case 'dq':
      case 'sq':
        if (c === (st === 'dq' ? '"' : "'")) {
          finishAttr();
          st = 'inTag';
        } else value += c;
        break;
      case 'uq':
        if (isSpace(c)) {
          finishAttr();
          st = 'inTag';
        } else if (c === '>') {
          finishAttr();
          finishTag();
        } else value += c;
        break;
      case 'comment':
        if (stat.startsWith('-->', i)) {
          st = 'text';
          i += 2;
        }
        break;
      case 'raw':
        if (c === '<' && stat.slice(i, i + 2 + raw.length).toLowerCase() === `</${raw}`) st = 'endTag';
        break;
      case 'endTag':
      case 'decl':
        if (c === '>') st = 'text';
        break;
    }
  }
}

/** Anything in the static HTML that would load from outside, or leave the page. */
function scanStatic(stat: string, src: Source, file: string, problems: LintProblem[]): void {
  const push = (code: string, offset: number, tag: string, zh: string, en: string) => {
    const line = src.line(offset);
    problems.push(lintProblem(code, 'error', `第 ${line} 行：${zh}`, `line ${line}: ${en}`, { file, tag }));
  };
  // eslint-disable-next-line no-control-regex
  const token = (from: number) => stat.slice(from, from + 160).split(/[\s"'<>)\u0000]/)[0]!;
  const denied = { zh: '打印时只允许 data: 资源，其他请求都会被拦截；模板必须自成一体（字体、图片以 data: 内嵌）。', en: 'Printing allows data: resources only and blocks every other request; a template must be self-contained (fonts and images as data: URLs).' };
  for (const m of stat.matchAll(/\b(https?|ftp|file):/gi)) {
    push('external_url', m.index, token(m.index), `外部地址 ${token(m.index)}。${denied.zh}`, `Outside address ${token(m.index)}. ${denied.en}`);
  }
  // eslint-disable-next-line no-control-regex
  for (const m of stat.matchAll(/(^|[\s"'(=,])\/\/(?=[A-Za-z0-9\u0000])/g)) {
    const at = m.index + m[1]!.length;
    push('external_url', at, token(at), `协议相对地址 ${token(at)}（//主机）。${denied.zh}`, `Protocol-relative address ${token(at)} (//host). ${denied.en}`);
  }
  for (const m of stat.matchAll(/<(link|script|iframe|object|embed|frameset|frame|base|applet|portal)\b/gi)) {
    push(
      'forbidden_element',
      m.index,
      m[0],
      `模板不能含 ${m[0]}>：它会加载外部内容或脚本。${denied.zh}`,
      `Templates cannot contain ${m[0]}>: it loads outside content or script. ${denied.en}`,
    );
  }
  for (const m of stat.matchAll(/@import\b/gi)) push('css_import', m.index, token(m.index), `CSS 中的 @import 会加载外部样式表。${denied.zh}`, `@import in CSS loads an outside style sheet. ${denied.en}`);
  for (const m of stat.matchAll(/url\(\s*(['"]?)\s*/gi)) {
    const target = stat.slice(m.index + m[0].length, m.index + m[0].length + 5).toLowerCase();
    if (target.startsWith('data:') || target.startsWith('#')) continue;
    push('css_url', m.index, token(m.index), `CSS 的 url() 指向 data: 以外的地址。${denied.zh}`, `A CSS url() points somewhere other than a data: URL. ${denied.en}`);
  }
  for (const m of stat.matchAll(/<meta\b[^>]*\bhttp-equiv\s*=\s*(['"]?)\s*refresh/gi)) {
    push('meta_refresh', m.index, m[0], '<meta http-equiv="refresh"> 会让页面跳转到别处。', '<meta http-equiv="refresh"> sends the page elsewhere.');
  }
}
