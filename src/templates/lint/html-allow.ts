// The explicit allow-list of the HTML template lint: the elements, attributes, URL schemes and CSS features an HTML
// template may use. Derived from the shipped templates (templates/*/1.0.0/*.hbs) plus what an official document
// reasonably needs: text structure, tables, an embedded raster image, page CSS with margin boxes, counters, fonts by
// family name. Everything not listed here is refused. Data only.

/** Attributes every allowed element may carry (plus data-*). `style` is checked as CSS. */
export const GLOBAL_ATTRIBUTES: ReadonlySet<string> = new Set(['class', 'id', 'lang', 'dir', 'title', 'style']);

const TEXT = ['p', 'span', 'div', 'br', 'hr', 'strong', 'em', 'b', 'i', 'u', 's', 'sub', 'sup', 'small', 'mark', 'abbr', 'code', 'pre', 'wbr', 'ruby', 'rt', 'rp'];
const STRUCTURE = ['section', 'article', 'header', 'footer', 'main', 'aside', 'figure', 'figcaption', 'address', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const LISTS = ['ol', 'ul', 'li', 'dl', 'dt', 'dd'];
const TABLES = ['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr'];

/** Allowed elements (HTML namespace only) and the attributes each may carry besides the global ones. */
export const ELEMENTS: ReadonlyMap<string, ReadonlySet<string>> = new Map<string, ReadonlySet<string>>([
  ['html', new Set()],
  ['head', new Set()],
  ['body', new Set()],
  ['title', new Set()],
  ['meta', new Set(['charset', 'name', 'content'])],
  ['style', new Set()],
  ...[...TEXT, ...STRUCTURE, ...LISTS, ...TABLES].map((name) => [name, new Set<string>()] as [string, ReadonlySet<string>]),
  ['ol', new Set(['start', 'reversed', 'type'])],
  ['li', new Set(['value'])],
  ['time', new Set(['datetime'])],
  ['colgroup', new Set(['span'])],
  ['col', new Set(['span'])],
  ['th', new Set(['colspan', 'rowspan', 'scope', 'abbr'])],
  ['td', new Set(['colspan', 'rowspan'])],
  // A raster image embedded as a data: URL (a seal, a logo).
  ['img', new Set(['src', 'alt', 'width', 'height'])],
  // In-document links only (a table of contents): href="#…".
  ['a', new Set(['href', 'name'])],
]);

/** Elements refused because they load, run or embed something: named in the explanation. */
export const LOADING_ELEMENTS: ReadonlySet<string> = new Set([
  'link', 'script', 'iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'applet', 'portal', 'video', 'audio',
  'source', 'track', 'picture', 'form', 'input', 'button', 'template', 'noscript', 'svg', 'math', 'image', 'use',
  'fencedframe', 'param', 'bgsound', 'xmp', 'plaintext', 'textarea', 'noembed', 'noframes',
]);

/** Attributes whose value is a URL: checked against the allowed schemes, never built from caller data. */
export const URL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'data', 'ping', 'cite',
  'longdesc', 'lowsrc', 'dynsrc', 'manifest', 'codebase', 'archive', 'usemap', 'icon', 'itemtype', 'imagesrcset',
]);

/** Attributes whose value a mustache may fill (caller text, HTML-escaped, cannot leave the value). */
export const TEXT_VALUE_ATTRIBUTES: ReadonlySet<string> = new Set(['class', 'id', 'lang', 'dir', 'title', 'alt', 'content', 'name', 'colspan', 'rowspan', 'span', 'start', 'value', 'width', 'height', 'datetime', 'abbr', 'scope', 'type', 'reversed']);

/** Image types a data: URL may carry. No SVG: an SVG document can reference outside resources. */
export const RASTER_IMAGE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Elements whose content the browser reads as raw text (or RCDATA), switching the tokenizer as its tree builder does. */
export const RAW_TEXT_ELEMENTS: ReadonlyMap<string, 'rcdata' | 'rawtext' | 'script' | 'plaintext'> = new Map([
  ['title', 'rcdata'],
  ['textarea', 'rcdata'],
  ['style', 'rawtext'],
  ['xmp', 'rawtext'],
  ['iframe', 'rawtext'],
  ['noembed', 'rawtext'],
  ['noframes', 'rawtext'],
  ['script', 'script'],
  ['plaintext', 'plaintext'],
]);

// ---------------------------------------------------------------------------------------------------------------
// CSS
// ---------------------------------------------------------------------------------------------------------------

const BOX = ['margin', 'padding'].flatMap((p) => [p, `${p}-top`, `${p}-right`, `${p}-bottom`, `${p}-left`]);
const BORDER = ['', '-top', '-right', '-bottom', '-left'].flatMap((side) => [`border${side}`, `border${side}-width`, `border${side}-style`, `border${side}-color`]);

/** Properties a template may set (custom properties `--*` too; their values are checked like any other). */
export const CSS_PROPERTIES: ReadonlySet<string> = new Set([
  // Fonts by family name (no @font-face), text.
  'font', 'font-family', 'font-size', 'font-style', 'font-weight', 'font-variant', 'font-stretch', 'font-kerning',
  'line-height', 'letter-spacing', 'word-spacing', 'color', 'text-align', 'text-align-last', 'text-indent',
  'text-decoration', 'text-decoration-line', 'text-decoration-style', 'text-decoration-color', 'text-transform',
  'text-justify', 'white-space', 'word-break', 'overflow-wrap', 'hyphens', 'vertical-align', 'direction',
  'writing-mode', 'text-emphasis', 'text-emphasis-style', 'text-emphasis-position',
  // Boxes and layout.
  ...BOX, ...BORDER, 'border-collapse', 'border-spacing', 'border-radius', 'background', 'background-color',
  'width', 'height', 'min-width', 'max-width', 'min-height', 'max-height', 'box-sizing', 'display', 'position', 'top',
  'right', 'bottom', 'left', 'float', 'clear', 'overflow', 'z-index', 'opacity', 'transform', 'transform-origin',
  'visibility', 'columns', 'column-count', 'column-gap',
  // Tables and lists.
  'table-layout', 'caption-side', 'empty-cells', 'list-style', 'list-style-type', 'list-style-position',
  // Paged media and generated content: page breaks, named pages, page size, margin-box content, counters.
  'break-before', 'break-after', 'break-inside', 'page-break-before', 'page-break-after', 'page-break-inside',
  'orphans', 'widows', 'page', 'size', 'content', 'counter-reset', 'counter-increment', 'counter-set', 'quotes',
]);

/** Functions a value may call; url(), image-set(), image(), element(), src()… are not among them. */
export const CSS_FUNCTIONS: ReadonlySet<string> = new Set([
  'var', 'calc', 'min', 'max', 'clamp', 'rgb', 'rgba', 'hsl', 'hsla', 'counter', 'counters',
  'rotate', 'translate', 'translatex', 'translatey', 'scale', 'scalex', 'scaley', 'skew', 'skewx', 'skewy', 'matrix',
]);

/** At-rules: @page (with its margin boxes inside) and @charset. No @import, @font-face, @media, @supports… */
export const CSS_AT_RULES: ReadonlySet<string> = new Set(['page', 'charset']);

export const PAGE_MARGIN_BOXES: ReadonlySet<string> = new Set(
  ['top-left-corner', 'top-left', 'top-center', 'top-right', 'top-right-corner', 'right-top', 'right-middle', 'right-bottom', 'bottom-right-corner', 'bottom-right', 'bottom-center', 'bottom-left', 'bottom-left-corner', 'left-bottom', 'left-middle', 'left-top'],
);
