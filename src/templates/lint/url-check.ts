// What a URL written in a template points at, read as the browser's URL parser reads it (surrounding controls and
// spaces stripped, tabs and newlines removed anywhere), after the HTML or CSS parser has decoded its references.
import { RASTER_IMAGE_TYPES } from './html-allow.ts';

export type UrlKind = 'empty' | 'fragment' | 'raster-data' | 'other-data' | 'script' | 'outside';

export interface UrlVerdict {
  kind: UrlKind;
  /** The URL as the browser sees it (for explanations), cut to a readable length. */
  shown: string;
}

// eslint-disable-next-line no-control-regex
const EDGES = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;

export function classifyUrl(written: string): UrlVerdict {
  const url = written.replace(EDGES, '').replace(/[\t\n\r]/g, '');
  const shown = url.length > 120 ? `${url.slice(0, 117)}…` : url;
  if (url === '') return { kind: 'empty', shown };
  if (url.startsWith('#')) return { kind: 'fragment', shown };
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'javascript' || scheme === 'vbscript' || scheme === 'livescript') return { kind: 'script', shown };
  if (scheme === 'data') {
    const comma = url.indexOf(',');
    const type = (comma < 0 ? '' : url.slice(5, comma)).split(';')[0]!.trim().toLowerCase();
    return { kind: RASTER_IMAGE_TYPES.has(type) && comma >= 0 ? 'raster-data' : 'other-data', shown: shown.length > 60 ? `${shown.slice(0, 57)}…` : shown };
  }
  return { kind: 'outside', shown };
}

export interface UrlProblemText {
  code: string;
  zh: string;
  en: string;
}

const DENIED = {
  zh: '打印时只允许 data: 资源，其他请求都会被拦截；模板必须自成一体（图片以 data: 内嵌 PNG/JPEG/GIF/WebP）。',
  en: 'Printing allows data: resources only and blocks every other request; a template must be self-contained (images embedded as PNG/JPEG/GIF/WebP data: URLs).',
};

/** Why a URL that is not allowed where it stands is refused; `what` names the place ("the src of <img>", "url()"). */
export function urlProblem(v: UrlVerdict, what: { zh: string; en: string }): UrlProblemText {
  if (v.kind === 'script') {
    return { code: 'script_url', zh: `${what.zh}是脚本地址（${v.shown}）。模板中不能有任何脚本。`, en: `${what.en} is a script URL (${v.shown}). Templates cannot contain script of any kind.` };
  }
  if (v.kind === 'other-data') {
    return {
      code: 'data_url_not_allowed',
      zh: `${what.zh}是 data: 地址（${v.shown}），但不是 PNG/JPEG/GIF/WebP 图片。SVG、HTML 等文档可以再引用外部资源，因此不予接受。`,
      en: `${what.en} is a data: URL (${v.shown}) but not a PNG/JPEG/GIF/WebP image. SVG, HTML and other documents can reference outside resources in turn, so they are refused.`,
    };
  }
  return { code: 'external_url', zh: `${what.zh}指向 ${v.shown}。${DENIED.zh}`, en: `${what.en} points to ${v.shown}. ${DENIED.en}` };
}
