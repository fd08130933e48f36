// Lints an uploaded HTML (Handlebars) template version. Before parsing: its size and how deep blocks and
// sub-expressions nest (hbs-prescan.ts). Then the Handlebars AST as the runtime will run it (hbs-walk.ts: names,
// helpers, partials, `../`, loops), and the static HTML as the browser will read it (html-tokens.ts, parse5's
// tokenizer): where each mustache stands (html-placement.ts) and the allow-list of elements, attributes, URLs and
// CSS (html-elements.ts, css-check.ts). Every problem is returned at once, with its line, in zh and en.
import Handlebars from 'handlebars';
import type { FilingDefinition } from '../../core/filings/index.ts';
import { HANDLEBARS_COMPILE_OPTIONS } from '../manifest.ts';
import { hbsNesting } from './hbs-prescan.ts';
import { HbsWalker, type Located, type Report, type ValueAt } from './hbs-walk.ts';
import { ElementCheck, type Blanks } from './html-elements.ts';
import { Placement } from './html-placement.ts';
import { blankOut, staticHtml, tokenizeHtml } from './html-tokens.ts';
import { LineIndex, lintProblem, type LintProblem } from './problem.ts';
import { checkSections } from './sections.ts';
import { viewShape } from './view-shape.ts';

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
  /** Nesting of sub-expressions in one mustache; likewise (1,600 levels with hash arguments: 3 s). */
  maxSubexpressionDepth: number;
}

const DEFAULT_HTML_LIMITS: Readonly<HtmlLintLimits> = Object.freeze({ maxSourceChars: 1024 * 1024, maxBlockDepth: 32, maxSubexpressionDepth: 8 });

/** Index of the first of `spans` (sorted, disjoint) that ends after `at`. */
function firstEndingAfter<T>(spans: readonly T[], end: (t: T) => number, at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (end(spans[mid]!) <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The values (sorted, disjoint) that overlap [s, e). */
function valuesIn(values: readonly ValueAt[], s: number, e: number): ValueAt[] {
  const out: ValueAt[] = [];
  for (let k = firstEndingAfter(values, (v) => v.end, s); k < values.length && values[k]!.start < e; k++) out.push(values[k]!);
  return out;
}

/** Which parts of the static text were Handlebars syntax: sorted, disjoint spans, and the values among them. */
function blanksOf(gaps: ReadonlyArray<readonly [number, number]>, values: readonly ValueAt[]): Blanks {
  const inRange = (s: number, e: number) => {
    const out: Array<readonly [number, number]> = [];
    for (let k = firstEndingAfter(gaps, (g) => g[1], s); k < gaps.length && gaps[k]![0] < e; k++) out.push(gaps[k]!);
    return out;
  };
  return {
    any: (s, e) => inRange(s, e).length > 0,
    values: (s, e) => valuesIn(values, s, e),
    onlyNumbers: (s, e) =>
      inRange(s, e).every(([gs, ge]) => {
        const vs = valuesIn(values, gs, ge);
        return vs.every((v) => v.shape?.kind === 'number') && vs.reduce((n, v) => n + (v.end - v.start), 0) === ge - gs;
      }),
  };
}

/** The source with every {{…}} blanked, for a template that does not parse: its HTML is still checked. */
function maskMustaches(source: string): { text: string; gaps: Array<[number, number]> } {
  const gaps: Array<[number, number]> = [];
  for (let at = source.indexOf('{{'); at >= 0; ) {
    const close = source.indexOf('}}', at + 2);
    const end = close < 0 ? source.length : source[close + 2] === '}' ? close + 3 : close + 2;
    gaps.push([at, end]);
    at = end >= source.length ? -1 : source.indexOf('{{', end);
  }
  let text = '';
  let at = 0;
  for (const [s, e] of gaps) {
    text += source.slice(at, s) + blankOut(source.slice(s, e), ' ');
    at = e;
  }
  return { text: text + source.slice(at), gaps };
}

/** Lints an HTML (Handlebars) template version. Every problem is returned; an empty list means it may be accepted. */
export function lintHtmlTemplate(source: string, opts: HtmlLintOptions): LintProblem[] {
  const { filing, date } = opts;
  const limits: HtmlLintLimits = { ...DEFAULT_HTML_LIMITS, ...opts.limits };
  const file = opts.fileName ?? `${filing.id}.hbs`;
  const problems: LintProblem[] = [];
  if (source.length > limits.maxSourceChars) {
    return [lintProblem('template_too_large', 'error', `模板有 ${source.length} 个字符，超过上限 ${limits.maxSourceChars}。`, `The template has ${source.length} characters, more than the limit of ${limits.maxSourceChars}.`, { file })];
  }
  const lines = new LineIndex(source);
  const report: Report = (code, severity, offset, tag, zh, en) => {
    const line = lines.line(offset);
    problems.push(lintProblem(code, severity, `第 ${line} 行：${zh}`, `line ${line}: ${en}`, { file, ...(tag !== undefined ? { tag } : {}) }));
  };
  const staticOnly = () => {
    const masked = maskMustaches(source);
    new ElementCheck(report, blanksOf(masked.gaps, [])).run(tokenizeHtml(masked.text), masked.text);
    return problems;
  };

  const ast = parseBounded(source, limits, file, problems);
  if (!ast) return staticOnly();
  compileCheck(ast, file, problems);

  const src: Located = {
    offset: (pos) => lines.offset(pos.line, pos.column, source.length),
    snippet: (node) => source.slice(src.offset(node.loc.start), src.offset(node.loc.end)),
  };
  const walker = new HbsWalker(viewShape(filing, 'html'), src, report, file, problems);
  walker.run(ast);

  const values = [...walker.values].sort((a, b) => a.start - b.start);
  const stat = staticHtml(source, walker.contents, values, src);
  const tokens = tokenizeHtml(stat.text);
  const placement = new Placement(source, stat, tokens, report);
  const refusedAt = new Set(values.filter((v) => placement.value(v)).map((v) => v.start));
  for (const [s, e] of stat.gaps) {
    const inside = valuesIn(values, s, e);
    const pureValue = inside.reduce((n, v) => n + (v.end - v.start), 0) === e - s;
    if (!pureValue && !inside.some((v) => refusedAt.has(v.start))) placement.gap(s, e);
  }
  const elements = new ElementCheck(report, blanksOf(stat.gaps, values));
  elements.run(tokens, stat.text);

  const events = [...walker.events, ...elements.markers].sort((a, b) => a.offset - b.offset);
  problems.push(...checkSections(events, filing, date, 'html', file));
  return problems;
}

/** The AST, unless the template is over the nesting limits (checked before parsing) or does not parse. */
function parseBounded(source: string, limits: HtmlLintLimits, file: string, problems: LintProblem[]): hbs.AST.Program | undefined {
  const nesting = hbsNesting(source);
  if (nesting.blocks > limits.maxBlockDepth) {
    problems.push(
      lintProblem(
        'template_too_deep',
        'error',
        `块（{{#…}}）嵌套了 ${nesting.blocks} 层，超过上限 ${limits.maxBlockDepth}（本服务的模板只需 6 层左右）；未解析。`,
        `Blocks ({{#…}}) nest ${nesting.blocks} levels deep, more than the limit of ${limits.maxBlockDepth} (the service's templates need about 6); not parsed.`,
        { file },
      ),
    );
    return undefined;
  }
  if (nesting.subexpressions > limits.maxSubexpressionDepth) {
    problems.push(
      lintProblem(
        'template_too_deep',
        'error',
        `子表达式（…）在一个标签内嵌套了 ${nesting.subexpressions} 层，超过上限 ${limits.maxSubexpressionDepth}（本服务的模板不用子表达式）；未解析。`,
        `Sub-expressions (…) nest ${nesting.subexpressions} levels deep in one mustache, more than the limit of ${limits.maxSubexpressionDepth} (the service's templates use none); not parsed.`,
        { file },
      ),
    );
    return undefined;
  }
  try {
    return Handlebars.parse(source);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const line = /line (\d+)/.exec(message)?.[1];
    problems.push(
      lintProblem('hbs_syntax_error', 'error', `Handlebars 语法错误${line ? `（第 ${line} 行）` : ''}：${message}`, `Handlebars syntax error${line ? ` (line ${line})` : ''}: ${message}`, { file }),
    );
    return undefined;
  }
}

/** Handlebars' own compiler (the pass that precompile runs before generating code), as the service's build runs it. */
const HbsCompiler = (Handlebars as unknown as { Compiler: new () => { compile(ast: hbs.AST.Program, options: object): unknown } }).Compiler;

/** Compiles with the service's options: strict lookups, no helper but the built-in ones. */
function compileCheck(ast: hbs.AST.Program, file: string, problems: LintProblem[]): void {
  try {
    new HbsCompiler().compile(ast, { ...HANDLEBARS_COMPILE_OPTIONS, knownHelpers: { ...HANDLEBARS_COMPILE_OPTIONS.knownHelpers }, data: true });
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
}
