// The type roles of an official document and the font families that serve each: one list for the CSS stacks, the
// DOCX font names, the installed stand-ins and the report of what a role resolved to.

export type FontRole = 'body' | 'title' | 'hei' | 'kai' | 'song' | 'latin';

export interface FontRoleDef {
  role: FontRole;
  /** What the role is, for reports. */
  label: { zh: string; en: string };
  /** The official families, best first: present on recipients' Windows/WPS machines, or dropped in through FONT_DIR. */
  official: readonly string[];
  /** The free families set-up installs (scripts/setup-fonts.sh), used when no official one is present. */
  standIn: readonly string[];
  /** The name a DOCX asks for (the recipient's Word/WPS resolves it). */
  docx: string;
  /** CSS generic family that ends the stack. */
  generic: 'serif' | 'sans-serif';
}

/**
 * GB/T 9704-2012: body 3号仿宋, titles 2号小标宋, first-level headings 黑体, second-level 楷体, page numbers 4号宋体.
 * The stand-ins are TeX Live's Fandol faces (GPL with the font exception, so they may be embedded), converted to
 * TrueType at set-up: FandolFang for 仿宋_GB2312, FandolSong Bold (renamed so no synthetic bold is ever applied) for
 * the heavy Song of 方正小标宋简体, FandolHei for 黑体, FandolKai for 楷体_GB2312, FandolSong for 宋体.
 */
export const FONT_ROLES: Readonly<Record<FontRole, FontRoleDef>> = {
  body: { role: 'body', label: { zh: '正文（仿宋）', en: 'body (FangSong)' }, official: ['仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong'], standIn: ['FandolFang'], docx: '仿宋_GB2312', generic: 'serif' },
  title: { role: 'title', label: { zh: '标题（小标宋）', en: 'title (XiaoBiaoSong)' }, official: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '方正小标宋_GBK'], standIn: ['FandolSong Bold'], docx: '方正小标宋简体', generic: 'serif' },
  hei: { role: 'hei', label: { zh: '一级标题（黑体）', en: 'level-1 headings (SimHei)' }, official: ['黑体', 'SimHei'], standIn: ['FandolHei'], docx: '黑体', generic: 'sans-serif' },
  kai: { role: 'kai', label: { zh: '二级标题（楷体）', en: 'level-2 headings (KaiTi)' }, official: ['楷体_GB2312', 'KaiTi_GB2312', '楷体', 'KaiTi'], standIn: ['FandolKai'], docx: '楷体_GB2312', generic: 'serif' },
  song: { role: 'song', label: { zh: '页码（宋体）', en: 'page numbers (SimSun)' }, official: ['宋体', 'SimSun'], standIn: ['FandolSong'], docx: '宋体', generic: 'serif' },
  latin: { role: 'latin', label: { zh: '西文', en: 'Latin text' }, official: ['Times New Roman'], standIn: ['Liberation Serif'], docx: 'Times New Roman', generic: 'serif' },
};

export const FONT_ROLE_LIST: readonly FontRoleDef[] = Object.values(FONT_ROLES);

const quote = (family: string): string => `"${family}"`;

/**
 * The CSS stack of a role. Chinese text takes the CJK face first, so CJK punctuation (“ ” ‘ ’ — …) always comes from
 * it, never narrow from a Latin font; English text (`latinFirst`) takes Times New Roman / Liberation Serif first.
 */
export function cssStack(role: FontRole, latinFirst = false): string {
  const def = FONT_ROLES[role];
  const cjk = [...def.official, ...def.standIn].map(quote);
  const latin = [...FONT_ROLES.latin.official, ...FONT_ROLES.latin.standIn].map(quote);
  const families = role === 'latin' ? latin : latinFirst ? [...latin, ...cjk] : [...cjk, ...latin];
  return [...families, def.generic].join(', ');
}

/** What one role resolved to on this machine. */
export interface ResolvedFont {
  role: FontRole;
  /** The family the browser will use, or null when none of the role's families is installed. */
  family: string | null;
  /** official: a licensed face; stand-in: the installed free face; fallback: neither (whatever the browser picks). */
  kind: 'official' | 'stand-in' | 'fallback';
}

/** The first family of the role present among `installed` (case-insensitive names). */
export function resolveRole(role: FontRole, installed: ReadonlySet<string>): ResolvedFont {
  const def = FONT_ROLES[role];
  const has = (f: string) => installed.has(f.toLowerCase());
  const official = def.official.find(has);
  if (official) return { role, family: official, kind: 'official' };
  const standIn = def.standIn.find(has);
  if (standIn) return { role, family: standIn, kind: 'stand-in' };
  return { role, family: null, kind: 'fallback' };
}

/** One line per role for PDF metadata: `body=FandolFang (stand-in); title=…`. */
export function describeFonts(fonts: readonly ResolvedFont[]): string {
  return fonts.map((f) => `${f.role}=${f.family ?? 'fallback'}${f.kind === 'official' ? '' : ` (${f.kind})`}`).join('; ');
}

/** The fonts of the machine that prints PDFs: what each role resolved to, and whether any font draws a character. */
export interface FontReport {
  resolved: readonly ResolvedFont[];
  covers(codePoint: number): boolean;
  /** The code points some font draws, as sorted, merged, inclusive ranges flattened [from, to, from, to, …] (data a worker can take). */
  ranges: Uint32Array;
}
