// Official formatting of dates, amounts and document numbers (GB/T 9704 and common government usage).

export type DocLocale = 'zh-CN' | 'en' | 'bilingual';

const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** Parses `YYYY-MM-DD` into parts, or null when it is not a real calendar date. */
export function parseIsoDate(iso: string): { y: number; m: number; d: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return null;
  return { y, m, d };
}

/** `2026年11月22日` (no zero padding, GB/T 9704 §7.3.5.1) or `22 November 2026`. */
export function formatDate(iso: string, locale: DocLocale): string {
  const p = parseIsoDate(iso);
  if (!p) throw new RangeError(`not an ISO date: ${iso}`);
  const zh = `${p.y}年${p.m}月${p.d}日`;
  const en = `${p.d} ${MONTHS_EN[p.m - 1]} ${p.y}`;
  if (locale === 'zh-CN') return zh;
  if (locale === 'en') return en;
  return `${zh}（${en}）`;
}

/** `2026年11月` / `November 2026`, for schedule months. */
export function formatMonth(iso: string, locale: DocLocale): string {
  const p = parseIsoDate(iso.length === 7 ? `${iso}-01` : iso);
  if (!p) throw new RangeError(`not an ISO date: ${iso}`);
  const zh = `${p.y}年${p.m}月`;
  const en = `${MONTHS_EN[p.m - 1]} ${p.y}`;
  return locale === 'zh-CN' ? zh : locale === 'en' ? en : `${zh}（${en}）`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Rounds to 1/100 without binary drift (0.005 rounds up). */
export function toCents(value: number): number {
  return Math.round(value * 100 + Math.sign(value) * 1e-7);
}

/** Exact sum of amounts in 万元, added in cents (0.1 + 0.2 stays 0.30). */
export function sumWan(values: readonly number[]): number {
  return values.reduce((s, v) => s + toCents(v), 0) / 100;
}

/** `1,234.50`: two decimals, thousands separators. */
export function formatNumber2(value: number): string {
  const cents = toCents(value);
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const int = Math.floor(abs / 100);
  const frac = String(abs % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${groupThousands(String(int))}.${frac}`;
}

/**
 * An amount given in 万元 (10,000 CNY): `1,234.50万元`; in English the exact yuan figure,
 * `CNY 12,345,000`, so that nothing is lost to rounding.
 */
export function formatWan(value: number, locale: DocLocale): string {
  const zh = `${formatNumber2(value)}万元`;
  const yuanCents = toCents(value) * 10000;
  const yuanInt = Math.trunc(yuanCents / 100);
  const rest = Math.abs(yuanCents % 100);
  const en = `CNY ${yuanInt < 0 ? '-' : ''}${groupThousands(String(Math.abs(yuanInt)))}${rest ? '.' + String(rest).padStart(2, '0') : ''}`;
  if (locale === 'zh-CN') return zh;
  if (locale === 'en') return en;
  return `${zh}（${en}）`;
}

/** Percentage with up to two decimals: `12.5%`. */
export function formatPercent(value: number): string {
  const cents = toCents(value);
  const s = (cents / 100).toFixed(2).replace(/\.?0+$/, '');
  return `${s}%`;
}

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const BIG_UNITS = ['', '万', '亿', '万亿'];

function fourDigits(n: number): string {
  let out = '';
  let zero = false;
  for (let i = 3; i >= 0; i--) {
    const d = Math.floor(n / 10 ** i) % 10;
    if (d === 0) {
      zero = out !== '';
    } else {
      if (zero) out += '零';
      out += DIGITS[d]! + SMALL_UNITS[i]!;
      zero = false;
    }
  }
  return out;
}

/**
 * Uppercase RMB for a stated total (大写金额), from an amount in yuan:
 * 12000000 → `人民币壹仟贰佰万元整`; 1005.3 → `人民币壹仟零伍元叁角整`.
 */
export function rmbUppercase(yuan: number): string {
  if (!Number.isFinite(yuan) || yuan < 0 || yuan >= 1e16) throw new RangeError(`amount out of range: ${yuan}`);
  const cents = toCents(yuan);
  const integer = Math.floor(cents / 100);
  const jiao = Math.floor(cents / 10) % 10;
  const fen = cents % 10;
  let intPart = '';
  if (integer > 0) {
    const groups: number[] = [];
    for (let n = integer; n > 0; n = Math.floor(n / 10000)) groups.push(n % 10000);
    let needZero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const group = groups[g]!;
      if (group === 0) {
        needZero = intPart !== '';
        continue;
      }
      if (needZero || (intPart !== '' && group < 1000)) intPart += '零';
      intPart += fourDigits(group) + BIG_UNITS[g]!;
      needZero = false;
    }
    intPart += '元';
  }
  let fraction = '';
  if (jiao === 0 && fen === 0) fraction = '整';
  else {
    if (jiao > 0) fraction += DIGITS[jiao]! + '角';
    else if (integer > 0) fraction += '零';
    if (fen > 0) fraction += DIGITS[fen]! + '分';
    else fraction += '整';
  }
  if (integer === 0 && cents === 0) return '人民币零元整';
  return `人民币${intPart}${fraction}`;
}

/** Uppercase RMB for an amount in 万元. */
export function rmbUppercaseWan(wan: number): string {
  return rmbUppercase(toCents(wan) * 100);
}

/**
 * Normalises a document number to 六角括号: `发改高技[2019]57号`, `（2019）`, `【2019】` → `发改高技〔2019〕57号`.
 */
export function normalizeDocNumber(docNo: string): string {
  return docNo.replace(/\s*[[［【(（〔]\s*(\d{4})\s*[\]］】)）〕]\s*/u, '〔$1〕');
}

/** True when a document number already has the 〔year〕 form and no leading zeros or 第 before the serial. */
export function isWellFormedDocNumber(docNo: string): boolean {
  return /^[\p{Script=Han}A-Za-z]+〔\d{4}〕[1-9]\d*号$/u.test(docNo);
}

// One formatter each: Intl.NumberFormat is costly to build, cheap to reuse.
const QUANTITY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A quantity with thousands separators and at most two decimals: `1,234.5`. */
export function formatQuantity(n: number): string {
  return QUANTITY.format(n);
}

/** A whole number with thousands separators: `21,800`. */
export function formatInteger(n: number): string {
  return INTEGER.format(Math.round(n));
}
