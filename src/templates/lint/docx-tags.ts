// The DOCX template's tags as docxtemplater itself parses them: its compile errors in zh/en, the section wrappers and
// bookmarks it sees, and every tag checked against the view (unknown names, raw XML, values that are not text,
// paths through optional values, loops nested over the same list).
import PizZip from 'pizzip';
import Docxtemplater from 'docxtemplater';
import { DOCXTEMPLATER_OPTIONS, templateProblems } from '../../render/docx/render-docx.ts';
import { lintProblem, type LintProblem } from './problem.ts';
import type { SectionEvent } from './sections.ts';
import { ANY, describeNames, itemScope, namesOf, nestedLoopText, notAValue, walkShape, type Resolved, type Scope, type Shape } from './view-shape.ts';

type Part = Docxtemplater.DXT.Part;

const DXT_ZH: Record<string, string> = {
  unclosed_tag: '标签没有闭合（缺少“}”）',
  unopened_tag: '标签没有开头（多了一个“}”）',
  unclosed_loop: '循环或条件块没有结束标签（缺少 {/…}）',
  unopened_loop: '结束标签 {/…} 没有对应的开始标签',
  closing_tag_does_not_match_opening_tag: '结束标签与开始标签的名称不一致',
  duplicate_open_tag: '标签中多了一个“{”',
  duplicate_close_tag: '标签中多了一个“}”',
  raw_xml_tag_should_be_only_text_in_paragraph: '原始 XML 标签 {@…} 必须独占一个段落',
  raw_tag_outerxml_invalid: '原始 XML 标签不在段落之内',
  file_has_invalid_xml: '部件中的 XML 无效',
  invalid_xml_characters: '含有 XML 不允许的字符',
  filetype_not_identified: '无法识别文件类型（不是 Word 文档？）',
  filetype_not_handled: '不支持这种文件类型（只接受 .docx）',
  malformed_xml: 'XML 格式错误',
  loop_position_invalid: '循环标签的位置无效（例如跨越了表格的单元格）',
  unbalanced_loop_tags: '循环标签没有成对出现',
  lexer_error: '标签分隔符使用有误',
};

/** A docxtemplater module that keeps the parsed template of every file (what InspectModule does, without lodash). */
function captureModule(into: Map<string, Part[]>): Docxtemplater.DXT.Module {
  let current: string | undefined;
  return {
    name: 'LintCaptureModule',
    set(options: { inspect?: { filePath?: string; postparsed?: Part[] } }) {
      const inspect = options.inspect;
      if (!inspect) return;
      if (inspect.filePath) current = inspect.filePath;
      if (inspect.postparsed && current) into.set(current, inspect.postparsed);
    },
  };
}

/**
 * Compiles the package's XML parts (already inflated under the cap and checked) with the service's docxtemplater
 * options: the parsed template of every part, or docxtemplater's errors as lint problems. pizzip never sees the
 * uploaded archive itself.
 */
export function compileDocx(parts: ReadonlyMap<string, string>): { parsed: Map<string, Part[]> } | { problems: LintProblem[] } {
  const zip = new PizZip();
  for (const [name, text] of parts) zip.file(name, text);
  const parsed = new Map<string, Part[]>();
  try {
    new Docxtemplater(zip, { ...DOCXTEMPLATER_OPTIONS, modules: [captureModule(parsed)] });
    return { parsed };
  } catch (e) {
    return {
      problems: templateProblems(e).map((t) => {
        if (t.id === 'unknown') t.id = 'template_compile_failed'; // not a docxtemplater error (e.g. pizzip's)
        const zh = DXT_ZH[t.id] ?? '模板无法编译';
        const x = t.tag;
        const tag = x === undefined ? undefined : /[{}]/.test(x) ? x : t.id === 'unclosed_tag' ? `{${x}` : t.id === 'unopened_tag' ? `${x}}` : `{${x}}`;
        return lintProblem(t.id, 'error', `${zh}${t.tag !== undefined ? `：${tag}` : ''}${t.file ? `（${t.file}）` : ''}。`, `${t.explanation}${t.file ? ` (${t.file})` : ''}.`.replace(/\.\.$/, '.'), {
          ...(t.file !== undefined ? { file: t.file } : {}),
          ...(tag !== undefined ? { tag } : {}),
        });
      }),
    };
  }
}

const BOOKMARK = /<w:bookmarkStart [^>]*w:name="sec_([^"]+)"/g;

/** Section wrappers ({#s_<id>} loops) and bookmarks, in the order docxtemplater parsed them. */
export function sectionEventsFromParts(parts: readonly Part[], out: SectionEvent[] = []): SectionEvent[] {
  for (const part of parts) {
    if (part.type === 'placeholder') {
      const wrapper = part.module === 'loop' && !part.inverted && part.value.startsWith('s_');
      const id = part.value.slice(2);
      if (wrapper) out.push({ kind: 'open', id, tag: `{${part.raw}}` });
      if (part.subparsed) sectionEventsFromParts(part.subparsed, out);
      if (wrapper) out.push({ kind: 'close', id });
    } else if (typeof part.value === 'string' && part.value.includes('w:bookmarkStart')) {
      for (const m of part.value.matchAll(BOOKMARK)) out.push({ kind: 'marker', id: m[1]!, tag: `sec_${m[1]!}` });
    }
  }
  return out;
}

interface DocxScope {
  /** docxtemplater's scope chain, outermost first. */
  scopes: Scope[];
  guards: ReadonlySet<Shape>;
  /** Paths of the lists the enclosing loops go over, innermost last. */
  loops: string[];
}

function resolveDocxTag(tag: string, env: DocxScope): Resolved | undefined {
  const trimmed = tag.trim();
  if (trimmed === '.' || trimmed === '') return env.scopes[env.scopes.length - 1]!;
  const segments = trimmed.split('.');
  // docxtemplater looks a tag up in the innermost scope first, then outwards, until one gives a value.
  for (let s = env.scopes.length - 1; s >= 0; s--) {
    const r = walkShape(env.scopes[s]!, segments, env.guards);
    if (r) return r;
  }
  return undefined;
}

function visibleNames(env: DocxScope): string[] {
  const names = new Set<string>();
  for (let s = env.scopes.length - 1; s >= 0; s--) for (const n of namesOf(env.scopes[s]!.shape)) names.add(n);
  return [...names];
}

function rawXmlProblem(part: Part, r: Resolved | undefined, written: string, where: { file: string; tag: string }): LintProblem | undefined {
  const underUnknownLoop = r?.shape.kind === 'any' && part.value.trim().split('.').at(-1) === 'tableXml';
  if (r?.shape.kind === 'rawxml' || underUnknownLoop) return undefined;
  return lintProblem(
    'raw_xml_tag',
    'error',
    `原始 XML 标签 ${written} 不安全：{@…} 会把值原样作为 Word XML 插入，只允许服务器生成的 {@tableXml}（在 {#blocks} 之内）。需要文字时请用 {${part.value}}。`,
    `The raw XML tag ${written} is unsafe: {@…} inserts its value into the Word XML unescaped, and only {@tableXml} (inside {#blocks}), which the server builds, is allowed. Use {${part.value}} for text.`,
    where,
  );
}

function nameProblem(r: Resolved | undefined, written: string, env: DocxScope, where: { file: string; tag: string }): LintProblem | undefined {
  if (!r) {
    const names = describeNames(visibleNames(env));
    return lintProblem('unknown_tag', 'error', `标签 ${written} 不对应本申报材料视图中的任何字段（在此位置可用：${names}）。`, `The tag ${written} names no field of this filing's view (available here: ${names}).`, where);
  }
  if (r.unguarded === undefined) return undefined;
  return lintProblem(
    'unguarded_optional',
    'error',
    `标签 ${written} 经过 ${r.unguarded}，而它对某些输入为 false；请把标签放在 {#${r.unguarded}}…{/${r.unguarded}} 之内，否则这些输入无法渲染。`,
    `The tag ${written} goes through ${r.unguarded}, which is false for some inputs; put it inside {#${r.unguarded}}…{/${r.unguarded}}, or those inputs cannot be rendered.`,
    where,
  );
}

/** The scope a loop tag gives its body: a list loops over its items, an object becomes the scope, anything else keeps it. */
function loopBody(part: Part, r: Resolved | undefined, env: DocxScope, written: string, file: string, out: LintProblem[]): DocxScope {
  const current = env.scopes[env.scopes.length - 1]!;
  if (part.inverted) return { ...env, scopes: [...env.scopes, current] };
  const scope: Scope = r ?? { shape: ANY, path: undefined };
  const guards = new Set([...env.guards, scope.shape]);
  if (scope.shape.kind === 'list') {
    const nested = nestedLoopText(scope.path, env.loops, written);
    if (nested) out.push(lintProblem(nested.code, 'error', nested.zh, nested.en, { file, tag: written }));
    const item = itemScope(scope as Scope & { shape: Extract<Shape, { kind: 'list' }> });
    return { scopes: [...env.scopes, item], guards, loops: scope.path === undefined ? env.loops : [...env.loops, scope.path] };
  }
  const inner = scope.shape.kind === 'object' || scope.shape.kind === 'any' ? scope : current;
  return { ...env, scopes: [...env.scopes, inner], guards };
}

/** Checks every tag of a parsed part against the view, as docxtemplater will resolve it. */
export function checkDocxTags(parts: readonly Part[], root: Scope, file: string, out: LintProblem[], env: DocxScope = { scopes: [root], guards: new Set(), loops: [] }): void {
  for (const part of parts) {
    if (part.type !== 'placeholder') continue;
    const written = `{${part.raw ?? part.value}}`;
    const where = { file, tag: written };
    const r = resolveDocxTag(part.value, env);
    if (part.module === 'rawxml') {
      const p = rawXmlProblem(part, r, written, where);
      if (p) out.push(p);
      continue;
    }
    const p = nameProblem(r, written, env, where);
    if (p) out.push(p);
    if (part.module === 'loop') {
      if (part.subparsed) checkDocxTags(part.subparsed, root, file, out, loopBody(part, r, env, written, file, out));
    } else if (part.module === undefined && r) {
      notAValue(r.shape, written, { file }, out, 'docx');
    } else if (part.subparsed) {
      checkDocxTags(part.subparsed, root, file, out, env);
    }
  }
}
