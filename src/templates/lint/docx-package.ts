// The package-level rules of a DOCX template: required parts, no macros, controls or embedded binaries, no external
// relationships but hyperlinks, no fields that fetch outside files. Fed by the XML pass over each part.
import { lintProblem, type LintProblem } from './problem.ts';
import type { XmlVisitor } from './xml-part.ts';

const MAIN_PARTS = ['[Content_Types].xml', 'word/document.xml'] as const;
const MACRO_EXT = /\.(docm|dotm|xlsm|xltm|xlsb|xlam|pptm|potm|ppsm|ppam|sldm)$/i;
const ACTIVE_CONTENT_TYPE = /macroEnabled|vbaProject|vbaData|ms-office\.activeX|oleObject|ms-office\.controls/i;
/** Relationship types (last path segment) that pull in code or foreign active content. */
const ACTIVE_REL = new Set(['vbaProject', 'wordVbaData', 'activeXControl', 'activeXControlBinary', 'control', 'oleObject', 'aFChunk', 'attachedToolbars', 'keyMapCustomizations']);
/** Fields that fetch or link other files when the document is opened or updated. */
const EXTERNAL_FIELDS = new Set(['INCLUDETEXT', 'INCLUDEPICTURE', 'INCLUDE', 'LINK', 'DDE', 'DDEAUTO', 'IMPORT', 'RD']);

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** [Content_Types].xml: which parts are XML, and whether any is macro-enabled. */
export class ContentTypes {
  private readonly defaults = new Map<string, string>();
  private readonly overrides = new Map<string, string>();

  visitor(out: LintProblem[]): XmlVisitor {
    return {
      open: (name, attrs) => {
        const local = localName(name);
        const ct = attrs['ContentType'] ?? '';
        if (local === 'Default') this.defaults.set((attrs['Extension'] ?? '').toLowerCase(), ct);
        if (local === 'Override') this.overrides.set((attrs['PartName'] ?? '').replace(/^\//, '').toLowerCase(), ct);
        if (ACTIVE_CONTENT_TYPE.test(ct)) {
          out.push(
            lintProblem(
              'active_content',
              'error',
              `[Content_Types].xml 声明了宏或控件内容（${ct}）。模板不能含宏（.docm）、ActiveX 控件或嵌入对象；请另存为普通的 .docx。`,
              `[Content_Types].xml declares macro or control content (${ct}). Templates must not contain macros (.docm), ActiveX controls or embedded objects; save as a plain .docx.`,
              { file: '[Content_Types].xml', tag: ct },
            ),
          );
        }
      },
    };
  }

  private of(name: string): string | undefined {
    return this.overrides.get(name.toLowerCase()) ?? this.defaults.get(name.slice(name.lastIndexOf('.') + 1).toLowerCase());
  }

  isXml(name: string): boolean {
    return /\.(xml|rels|vml)$/i.test(name) || /[+/]xml$/i.test(this.of(name) ?? '');
  }
}

export function missingPartProblems(names: ReadonlySet<string>): LintProblem[] {
  const out = MAIN_PARTS.filter((name) => !names.has(name)).map((name) =>
    lintProblem('missing_part', 'error', `缺少必需的部件 ${name}，这不是一个 Word 文档（.docx）。`, `The required part ${name} is missing: this is not a Word document (.docx).`, { file: name }),
  );
  if (!names.has('_rels/.rels')) out.push(lintProblem('missing_part', 'warning', '缺少 _rels/.rels，Word 可能无法打开该文件。', 'The part _rels/.rels is missing; Word may not open the file.', { file: '_rels/.rels' }));
  return out;
}

/** A macro, an ActiveX control or an embedded binary (error), or another embedded object (warning). */
export function activePartProblem(name: string): LintProblem | undefined {
  const where = { file: name, tag: name };
  const embedded = /(^|\/)embeddings\//i.test(name);
  if (/(^|\/)vbaProject\.bin$/i.test(name) || /(^|\/)vbaData\.xml$/i.test(name) || /(^|\/)activeX\//i.test(name) || (embedded && (/\.bin$/i.test(name) || MACRO_EXT.test(name)))) {
    return lintProblem(
      'active_content',
      'error',
      `部件 ${name} 是宏、ActiveX 控件或嵌入的二进制对象。模板不能含可执行内容；请删除后另存为普通的 .docx。`,
      `The part ${name} is a macro, an ActiveX control or an embedded binary object. Templates must not contain executable content; remove it and save as a plain .docx.`,
      where,
    );
  }
  if (!embedded) return undefined;
  return lintProblem(
    'embedded_object',
    'warning',
    `部件 ${name} 是嵌入的文档或对象。模板中的嵌入对象会原样出现在每份生成的文档里，请确认确有必要。`,
    `The part ${name} is an embedded document or object. It will appear unchanged in every generated document; make sure it belongs there.`,
    where,
  );
}

/** One relationship of a .rels part: active content, external targets other than hyperlinks, odd hyperlinks. */
function relationshipProblem(file: string, attrs: Readonly<Record<string, string>>): LintProblem | undefined {
  const type = attrs['Type'] ?? '';
  const kind = type.slice(type.lastIndexOf('/') + 1);
  const target = attrs['Target'] ?? '';
  const external = (attrs['TargetMode'] ?? '').toLowerCase() === 'external';
  const where = { file, tag: target };
  if (ACTIVE_REL.has(kind)) {
    return lintProblem(
      'active_content',
      'error',
      `${file} 中的关系（${kind} → ${target}）引入了宏、控件或外来内容，模板不能含这些内容。`,
      `A relationship in ${file} (${kind} → ${target}) brings in a macro, a control or foreign content, which templates must not contain.`,
      where,
    );
  }
  if (external && kind !== 'hyperlink') {
    return lintProblem(
      'external_reference',
      'error',
      `${file} 中有指向外部的关系（${kind} → ${target}）。除超链接外，模板不能引用外部文件（如远程模板、外部图片、链接对象）：打开文档的人会被迫访问该地址。`,
      `${file} has an external relationship (${kind} → ${target}). Apart from hyperlinks a template must not reference outside files (remote templates, linked images or objects): whoever opens the document would fetch that address.`,
      where,
    );
  }
  if (external && !/^(https?:|mailto:)/i.test(target.trim())) {
    return lintProblem('hyperlink_target', 'warning', `${file} 中的超链接指向 ${target}，不是 http(s) 或 mailto 地址。`, `A hyperlink in ${file} points to ${target}, which is not an http(s) or mailto address.`, where);
  }
  return undefined;
}

export function relationshipsVisitor(file: string, out: LintProblem[]): XmlVisitor {
  return {
    open(name, attrs) {
      if (localName(name) !== 'Relationship') return;
      const p = relationshipProblem(file, attrs);
      if (p) out.push(p);
    },
  };
}

/** Fields whose instruction reads an outside file. */
export function externalFieldProblems(file: string, codes: readonly string[]): LintProblem[] {
  const out: LintProblem[] = [];
  for (const code of codes) {
    const name = /^\s*(\S+)/.exec(code)?.[1]?.toUpperCase();
    if (name === undefined || !EXTERNAL_FIELDS.has(name)) continue;
    out.push(
      lintProblem(
        'external_field',
        'error',
        `${file} 含有会读取外部文件的域（${name}）。打开或更新文档时会访问其中的地址，模板不能含这类域。`,
        `${file} contains a field that reads an outside file (${name}). Opening or updating the document would fetch its address; templates must not contain such fields.`,
        { file, tag: code.trim().slice(0, 120) },
      ),
    );
  }
  return out;
}
