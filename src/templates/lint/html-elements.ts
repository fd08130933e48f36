// The static HTML against the allow-list, on the browser's tokens (character references already decoded): allowed
// elements only, allowed attributes only, URLs to embedded raster images or in-document #fragments only, CSS of
// <style> and style="" through css-check.ts; and the section markers <section data-section="…">.
import { checkStyleAttribute, checkStylesheet, type CssFinding } from './css-check.ts';
import { ELEMENTS, GLOBAL_ATTRIBUTES, LOADING_ELEMENTS, URL_ATTRIBUTES } from './html-allow.ts';
import type { PlacedEvent, Report, ValueAt } from './hbs-walk.ts';
import type { AttrToken, HtmlToken } from './html-tokens.ts';
import { classifyUrl, urlProblem } from './url-check.ts';

/** Which parts of the static text were Handlebars syntax, and the values printed there. */
export interface Blanks {
  /** Any Handlebars syntax in [start, end)? */
  any(start: number, end: number): boolean;
  /** Only value mustaches printing numbers in [start, end) (what a style="" may hold)? */
  onlyNumbers(start: number, end: number): boolean;
  /** The value mustaches in [start, end). */
  values(start: number, end: number): ValueAt[];
}

const DENIED_ZH = '打印时只允许 data: 资源，其他请求都会被拦截；模板必须自成一体。';
const DENIED_EN = 'Printing allows data: resources only and blocks every other request; a template must be self-contained.';

export class ElementCheck {
  readonly markers: PlacedEvent[] = [];
  private readonly report: Report;
  private readonly blanks: Blanks;

  constructor(report: Report, blanks: Blanks) {
    this.report = report;
    this.blanks = blanks;
  }

  run(tokens: readonly HtmlToken[], text: string): void {
    for (const t of tokens) {
      if (t.kind === 'start') this.startTag(t, text);
      else if (t.kind === 'text' && t.element === 'style' && !this.blanks.any(t.start, t.end)) this.css(checkStylesheet(text.slice(t.start, t.end)), t.start);
    }
  }

  private css(findings: readonly CssFinding[], base: number | (() => number)): void {
    for (const f of findings) this.report(f.code, 'error', typeof base === 'number' ? base + f.offset : base(), f.tag, f.zh, f.en);
  }

  private startTag(t: Extract<HtmlToken, { kind: 'start' }>, text: string): void {
    const allowed = ELEMENTS.get(t.name);
    if (!allowed) {
      const loads = LOADING_ELEMENTS.has(t.name);
      this.report(
        'forbidden_element',
        'error',
        t.start,
        `<${t.name}`,
        loads ? `模板不能含 <${t.name}>：它会加载、嵌入或运行外部内容或脚本。${DENIED_ZH}` : `模板不能含 <${t.name}>：它不在允许的元素之列（正文、标题、列表、表格、内嵌图片等）。`,
        loads ? `Templates cannot contain <${t.name}>: it loads, embeds or runs outside content or script. ${DENIED_EN}` : `Templates cannot contain <${t.name}>: it is not on the allow-list of elements (text, headings, lists, tables, an embedded image…).`,
      );
      return; // its attributes do not matter: the element is refused
    }
    for (const a of t.attrs) {
      if (this.blanks.any(a.start, a.valueStart >= 0 ? a.valueStart : a.end)) continue; // a name built by Handlebars: reported where it stands
      if (!GLOBAL_ATTRIBUTES.has(a.name) && !allowed.has(a.name) && !/^data-[a-z0-9_.-]+$/.test(a.name)) this.attribute(t.name, a, allowed);
      else this.value(t.name, a);
    }
    this.marker(t, text);
  }

  private attribute(tag: string, a: AttrToken, allowed: ReadonlySet<string>): void {
    if (tag === 'meta' && a.name === 'http-equiv' && a.value.trim().toLowerCase() === 'refresh') {
      this.report('meta_refresh', 'error', a.start, `http-equiv="${a.value}"`, '<meta http-equiv="refresh"> 会让页面跳转到别处。', '<meta http-equiv="refresh"> sends the page elsewhere.');
      return;
    }
    const why = a.name.startsWith('on')
      ? { zh: '它是事件处理器（脚本）', en: 'it is an event handler (script)' }
      : URL_ATTRIBUTES.has(a.name)
        ? { zh: '它会加载或指向外部地址', en: 'it loads or points to an outside address' }
        : { zh: '它不在允许之列', en: 'it is not on the allow-list' };
    const list = [...GLOBAL_ATTRIBUTES, ...allowed, 'data-*'].join(', ');
    this.report(
      'forbidden_attribute',
      'error',
      a.start,
      a.name,
      `<${tag}> 不能带 ${a.name} 属性：${why.zh}。此元素允许的属性：${list}。`,
      `<${tag}> cannot carry the ${a.name} attribute: ${why.en}. Attributes allowed on it: ${list}.`,
    );
  }

  private value(tag: string, a: AttrToken): void {
    const valueEnd = a.end - (a.quoted ? 1 : 0);
    if (a.name === 'style') {
      if (a.valueStart < 0 || !this.blanks.any(a.valueStart, valueEnd) || this.blanks.onlyNumbers(a.valueStart, valueEnd)) this.css(checkStyleAttribute(a.value), () => a.start);
      return;
    }
    if (a.valueStart >= 0 && this.blanks.any(a.valueStart, valueEnd)) return; // built by Handlebars: reported where it stands
    if (tag === 'meta' && a.name === 'charset' && !/^utf-?8$/i.test(a.value.trim())) {
      // Some encodings (ISO-2022-JP, UTF-7) let byte sequences hide or make markup the lint never saw.
      this.report('meta_charset', 'error', a.start, `charset="${a.value}"`, `<meta charset> 只能是 utf-8。`, '<meta charset> can only be utf-8.');
    }
    if (tag === 'a' && a.name === 'href') this.url(tag, a, ['fragment', 'empty'], { zh: '模板中的链接只能指向文档内部（#…）', en: 'links in a template can only point inside the document (#…)' });
    if (tag === 'img' && a.name === 'src') this.url(tag, a, ['raster-data', 'empty'], { zh: '只允许以 data: 内嵌的 PNG/JPEG/GIF/WebP 图片', en: 'only PNG/JPEG/GIF/WebP images embedded as data: URLs are allowed' });
  }

  private url(tag: string, a: AttrToken, ok: readonly string[], rule: { zh: string; en: string }): void {
    const v = classifyUrl(a.value);
    if (ok.includes(v.kind)) return;
    const p = urlProblem(v, { zh: `<${tag}> 的 ${a.name}`, en: `The ${a.name} of <${tag}>` });
    const written = `${a.name}="${v.shown}"`;
    this.report(p.code, 'error', a.start, written, `${p.zh}${rule.zh}。`, `${p.en} ${rule.en[0]!.toUpperCase()}${rule.en.slice(1)}.`);
  }

  /** `<section data-section="id">`, written exactly so (the output check reads it so): a static id or {{id}} of a section. */
  private marker(t: Extract<HtmlToken, { kind: 'start' }>, text: string): void {
    const a = t.attrs[0];
    if (t.name !== 'section' || a?.name !== 'data-section' || !text.startsWith('<section data-section="', t.start)) return;
    const valueEnd = a.end - 1;
    if (!this.blanks.any(a.valueStart, valueEnd)) {
      if (!/[{}]/.test(a.value)) this.markers.push({ kind: 'marker', id: a.value, tag: `<section data-section="${a.value}"`, offset: t.start });
      return;
    }
    const values = this.blanks.values(a.valueStart, valueEnd);
    const v = values[0];
    if (values.length === 1 && v!.start === a.valueStart && v!.end === valueEnd && v!.sectionId !== undefined) {
      this.markers.push({ kind: 'marker', id: v!.sectionId, tag: `<section data-section="${v!.written}"`, offset: t.start });
    } else if (v?.shape !== undefined) {
      this.report(
        'section_marker_invalid',
        'error',
        v.start,
        v.written,
        `data-section 的值必须是本节的 {{id}}（在 {{#with s_<id>}} 之内）或节的 id 本身。`,
        `The value of data-section must be the section's {{id}} (inside {{#with s_<id>}}) or the section id itself.`,
      );
    }
  }
}
