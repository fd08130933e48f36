// Characters of the caller's text that no font of the printing machine can draw: reported with their JSON Pointer
// and replaced by a visible mark, never dropped from the PDF without a word.
import type { Finding } from '../core/compliance/index.ts';
import { describeFonts, type FontReport } from './fonts.ts';

/** 〓 (GETA MARK): the mark Chinese typesetting has long used for a character the type case lacks. */
const MISSING_GLYPH = '\u3013';

const pointer = (path: readonly (string | number)[]) => (path.length ? '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/') : '');

/** True for what needs no glyph: controls, joiners and variation selectors the browser handles without a font. */
function invisible(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x200b && cp <= 0x200f) || cp === 0x2060 || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

export interface GlyphCheck {
  /** The input with every undrawable character replaced by 〓 (the same object when there is none). */
  input: unknown;
  findings: Finding[];
}

/** Whether flattened, sorted, merged inclusive ranges [from, to, …] hold a code point (binary search). */
export function coverageOf(ranges: Uint32Array): (codePoint: number) => boolean {
  return (cp) => {
    let lo = 0;
    let hi = ranges.length / 2 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (cp < ranges[2 * mid]!) hi = mid - 1;
      else if (cp > ranges[2 * mid + 1]!) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/** Walks every string of the input; each one holding undrawable characters gives one warning naming them. */
export function checkGlyphs(input: unknown, fonts: Pick<FontReport, 'covers'>): GlyphCheck {
  const findings: Finding[] = [];
  const walk = (v: unknown, path: (string | number)[]): unknown => {
    if (typeof v === 'string') {
      let missing = '';
      let out = '';
      for (const ch of v) {
        const cp = ch.codePointAt(0)!;
        if (invisible(cp) || fonts.covers(cp)) out += ch;
        else {
          out += MISSING_GLYPH;
          if (!missing.includes(ch)) missing += ch;
        }
      }
      if (!missing) return v;
      const codes = [...missing].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(', ');
      findings.push({
        ruleId: 'GLYPH',
        severity: 'warning',
        path: pointer(path),
        message: {
          'zh-CN': `字体中没有字符 ${codes}，PDF 中以“${MISSING_GLYPH}”标出，请改用常用字符。`,
          en: `No font has the character(s) ${codes}; the PDF shows "${MISSING_GLYPH}" in their place. Use common characters.`,
        },
        citations: [],
      });
      return out;
    }
    if (Array.isArray(v)) {
      let changed = false;
      const out = v.map((x, i) => {
        const y = walk(x, [...path, i]);
        if (y !== x) changed = true;
        return y;
      });
      return changed ? out : v;
    }
    if (v && typeof v === 'object') {
      let changed = false;
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const y = walk(x, [...path, k]);
        if (y !== x) changed = true;
        out[k] = y;
      }
      return changed ? out : v;
    }
    return v;
  };
  return { input: walk(input, []), findings };
}

/** A warning when a type role has neither its official face nor its stand-in: the browser picks whatever it has. */
export function fontFallbackFindings(fonts: Pick<FontReport, 'resolved'>): Finding[] {
  const fallen = fonts.resolved.filter((f) => f.kind === 'fallback');
  if (!fallen.length) return [];
  const roles = fallen.map((f) => f.role).join(', ');
  return [
    {
      ruleId: 'FONT',
      severity: 'warning',
      path: '',
      message: {
        'zh-CN': `本机没有以下字体角色所需的字体，PDF 使用了替代字体：${roles}（${describeFonts(fonts.resolved)}）。请运行 scripts/setup-fonts.sh 或在 FONT_DIR 放入正式字体。`,
        en: `No font of these type roles is installed, so the PDF uses whatever the browser substitutes: ${roles} (${describeFonts(fonts.resolved)}). Run scripts/setup-fonts.sh or put the official fonts in FONT_DIR.`,
      },
      citations: [],
    },
  ];
}
