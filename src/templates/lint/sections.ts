// Sections: which ones the filing's registry requires on a date, and whether a template carries each of them once,
// marked (DOCX bookmark sec_<id> / HTML data-section) and in registry order. Shared by the DOCX and HTML linters.
import type { FilingDefinition, SectionDef } from '../../core/filings/index.ts';
import { lookup } from '../../core/i18n/catalogue.ts';
import { lintProblem, type LintProblem } from './problem.ts';

/**
 * The sections a template must carry for filings dated `date`: every registry section in force on that date
 * (conditions and profiles do not matter: one template serves every input). A sub-section whose chapter is not in
 * force is dropped with it, as resolveSections does. Without a date: every section of the registry.
 */
export function requiredSectionIds(filing: FilingDefinition, date?: string): string[] {
  const sections = filing.sections as SectionDef<unknown>[];
  if (date === undefined) return sections.map((s) => s.id);
  const out: string[] = [];
  const skippedAt: number[] = [];
  for (const s of sections) {
    while (skippedAt.length && skippedAt[skippedAt.length - 1]! >= s.level) skippedAt.pop();
    if (skippedAt.length) continue;
    const inForce = !(s.effectiveFrom && date < s.effectiveFrom) && !(s.effectiveUntil && date > s.effectiveUntil);
    if (inForce) out.push(s.id);
    else skippedAt.push(s.level);
  }
  return out;
}

/** A section wrapper opening or closing, or a section marker, in document order. */
export type SectionEvent = { kind: 'open'; id: string; tag: string } | { kind: 'close'; id: string } | { kind: 'marker'; id: string; tag: string };

/** How one format writes wrappers and markers, for explanations. */
interface Notation {
  wrapperTag(id: string): string;
  wrapperText(id: string): string;
  markerTag(id: string): string;
  markerZh(id: string): string;
  markerEn(id: string): string;
  docx: boolean;
}

function notation(format: 'docx' | 'html'): Notation {
  const docx = format === 'docx';
  return {
    docx,
    wrapperTag: (id) => (docx ? `{#s_${id}}` : `{{#if s_${id}}}`),
    wrapperText: (id) => (docx ? `{#s_${id}}…{/s_${id}}` : `{{#if s_${id}}}…{{/if}}`),
    markerTag: (id) => (docx ? `sec_${id}` : `<section data-section="${id}">`),
    markerZh: (id) => (docx ? `书签 sec_${id}` : `<section data-section="${id}">`),
    markerEn: (id) => (docx ? `the bookmark sec_${id}` : `<section data-section="${id}">`),
  };
}

function sectionName(filing: FilingDefinition, id: string): string {
  const zh = lookup('zh-CN', `filings.${filing.id}.sections.${id}`);
  return zh ? `“${zh}”（${id}）` : id;
}
function sectionNameEn(filing: FilingDefinition, id: string): string {
  const en = lookup('en', `filings.${filing.id}.sections.${id}`);
  return en ? `"${en}" (${id})` : id;
}

/** Indexes (into `seq`) of one longest strictly increasing subsequence. */
function longestIncreasing(seq: readonly number[]): Set<number> {
  const len = seq.map(() => 1);
  const prev = seq.map(() => -1);
  let best = -1;
  for (let i = 0; i < seq.length; i++) {
    for (let j = 0; j < i; j++) {
      if (seq[j]! < seq[i]! && len[j]! + 1 > len[i]!) {
        len[i] = len[j]! + 1;
        prev[i] = j;
      }
    }
    if (best < 0 || len[i]! > len[best]!) best = i;
  }
  const keep = new Set<number>();
  for (let k = best; k >= 0; k = prev[k]!) keep.add(k);
  return keep;
}

interface Tally {
  wrappers: Map<string, number>;
  markers: Map<string, number>;
  /** Registry sections in the order their wrappers first open. */
  order: string[];
}

/** Counts wrappers and markers; reports markers of no section and markers outside their wrapper. */
function tally(events: readonly SectionEvent[], index: ReadonlyMap<string, number>, n: Notation, where: (tag: string) => { file?: string; tag: string }, out: LintProblem[]): Tally {
  const t: Tally = { wrappers: new Map(), markers: new Map(), order: [] };
  const stack: string[] = [];
  for (const ev of events) {
    if (ev.kind === 'open') {
      stack.push(ev.id);
      if (!index.has(ev.id)) continue;
      t.wrappers.set(ev.id, (t.wrappers.get(ev.id) ?? 0) + 1);
      if (t.wrappers.get(ev.id) === 1) t.order.push(ev.id);
    } else if (ev.kind === 'close') {
      const at = stack.lastIndexOf(ev.id);
      if (at >= 0) stack.length = at;
    } else if (!index.has(ev.id)) {
      out.push(
        lintProblem(
          'unknown_section_marker',
          'error',
          `${n.markerZh(ev.id)} 不是本申报材料登记的章节。渲染后的检查要求文档里恰好是所需的章节，因此每份文档都会被拒绝。`,
          `${n.markerEn(ev.id)} names no section of this filing's registry. The check after rendering requires exactly the required sections, so every document would be refused.`,
          where(ev.tag),
        ),
      );
    } else {
      t.markers.set(ev.id, (t.markers.get(ev.id) ?? 0) + 1);
      if (stack[stack.length - 1] !== ev.id) {
        out.push(
          lintProblem(
            'section_marker_outside',
            'error',
            `${n.markerZh(ev.id)} 不在 ${n.wrapperText(ev.id)} 之内。标记必须随章节一起出现或消失，否则不需要这一节的文档也会带上它。`,
            `${n.markerEn(ev.id)} is not inside ${n.wrapperText(ev.id)}. The marker must come and go with its section, or documents that do not need the section would still carry it.`,
            where(ev.tag),
          ),
        );
      }
    }
  }
  return t;
}

/** Every registry section: present when required, opened once, with exactly one marker. */
function checkCounts(filing: FilingDefinition, required: ReadonlySet<string>, t: Tally, n: Notation, where: (tag: string) => { file?: string; tag: string }, out: LintProblem[]): void {
  for (const s of filing.sections as SectionDef<unknown>[]) {
    const id = s.id;
    const count = t.wrappers.get(id) ?? 0;
    const [name, nameEn] = [sectionName(filing, id), sectionNameEn(filing, id)];
    if (count === 0 && required.has(id)) {
      out.push(
        lintProblem(
          'section_missing',
          'error',
          `缺少章节 ${name}：模板中没有 ${n.wrapperText(id)}。按登记表，该日期的申报材料需要这一节（有条件的章节也必须在模板中，因为一个模板要适用于所有输入）。`,
          `The section ${nameEn} is missing: the template has no ${n.wrapperText(id)}. The registry requires it for filings of this date (conditional sections too, since one template serves every input).`,
          where(n.wrapperTag(id)),
        ),
      );
    }
    if (count > 1) {
      out.push(lintProblem('section_duplicate', 'error', `章节 ${name} 的 ${n.wrapperTag(id)} 出现了 ${count} 次；每节只能出现一次。`, `The section ${nameEn} is opened ${count} times (${n.wrapperTag(id)}); each section appears once.`, where(n.wrapperTag(id))));
    }
    const m = t.markers.get(id) ?? 0;
    if (count > 0 && m === 0) {
      out.push(
        lintProblem(
          'section_marker_missing',
          'error',
          `章节 ${name} 缺少${n.markerZh(id)}。渲染后的检查靠它确认文档含有这一节${n.docx ? '（在 Word 中：插入 → 书签）' : ''}。`,
          `The section ${nameEn} has no ${n.markerEn(id)}. The check after rendering relies on it to find the section${n.docx ? ' (in Word: Insert → Bookmark)' : ''}.`,
          where(n.markerTag(id)),
        ),
      );
    }
    if (m > 1) out.push(lintProblem('section_marker_duplicate', 'error', `${n.markerZh(id)} 出现了 ${m} 次；每节只能有一个。`, `${n.markerEn(id)} occurs ${m} times; each section has exactly one.`, where(n.markerTag(id))));
  }
}

/**
 * Checks the wrappers (`{#s_<id>}` / `{{#if s_<id>}}`) and markers (bookmark `sec_<id>` / `data-section`) found in a
 * template, in document order, against the registry: every required section present once, its marker inside it,
 * and the sections in registry order (the ones to move are those outside a longest run already in order).
 */
export function checkSections(events: readonly SectionEvent[], filing: FilingDefinition, date: string | undefined, format: 'docx' | 'html', file?: string): LintProblem[] {
  const problems: LintProblem[] = [];
  const index = new Map((filing.sections as SectionDef<unknown>[]).map((s, i) => [s.id, i]));
  const n = notation(format);
  const where = (tag: string) => ({ ...(file !== undefined ? { file } : {}), tag });
  const t = tally(events, index, n, where, problems);
  checkCounts(filing, new Set(requiredSectionIds(filing, date)), t, n, where, problems);
  const keep = longestIncreasing(t.order.map((id) => index.get(id)!));
  t.order.forEach((id, k) => {
    if (keep.has(k)) return;
    // Name the first section before it in the document that the registry puts after it.
    const after = t.order.slice(0, k).find((other) => index.get(other)! > index.get(id)!);
    const tail = after ? { zh: `，但它出现在 ${sectionName(filing, after)} 之后`, en: `, but it comes after ${sectionNameEn(filing, after)}` } : { zh: '', en: '' };
    problems.push(
      lintProblem(
        'section_out_of_order',
        'error',
        `章节 ${sectionName(filing, id)} 的位置与登记表的顺序不符${tail.zh}。各节必须按登记表的顺序排列。`,
        `The section ${sectionNameEn(filing, id)} is out of registry order${tail.en}. Sections must follow the registry's order.`,
        where(n.wrapperTag(id)),
      ),
    );
  });
  return problems;
}
