// The 信息资源目录 on A4 portrait: a summary table of the key columns, and per entry a compact two-column detail table.
import type { Block } from '../../blocks.ts';
import type { ContentContext as Ctx } from '../../content-context.ts';
import { cell, perLanguage } from '../../prose/bilingual.ts';
import { colon, isEn, listSep, paren, semi } from '../../prose/punctuation.ts';
import { col, no } from '../../prose/tables.ts';
import type { CatalogueEntry } from '../schema.ts';

const format = (l: Ctx, e: CatalogueEntry): string => l.label(`format.${e.format.type}`) + (e.format.detail ? paren(l, l.text(e.format.detail)) : '');

/** Summary table: one row per entry with the columns a reviewer scans (format and the rest are in the per-entry tables). */
export function catalogueSummary(c: Ctx, entries: readonly CatalogueEntry[]): Block {
  return c.table(
    [
      col(c.label('no'), 0.9, 'center'),
      col(c.label('cat.code'), 3.1),
      col(c.label('cat.name'), 2.9),
      col(c.label('cat.provider'), 2.6),
      col(c.label('cat.shareType'), 2, 'center'),
      col(c.label('cat.shareMode'), 1.7, 'center'),
      col(c.label('cat.updateCycle'), 1.3, 'center'),
      col(c.label('cat.openShort'), 1.1, 'center'),
    ],
    entries.map((e, i) => [
      no(i),
      e.code,
      cell(c, e.name),
      cell(c, e.provider),
      c.label(`shareType.${e.shareType}`),
      c.label(`shareMode.${e.shareMode}`),
      c.label(`updateCycle.${e.updateCycle}`),
      c.label(e.openAttr.openToPublic ? 'yesNo.yes' : 'yesNo.no'),
    ]),
  );
}

function shareText(l: Ctx, e: CatalogueEntry): string {
  const type = l.label(`shareType.${e.shareType}`);
  if (e.shareType === 'conditional' && e.shareCondition) return `${type}${colon(l)}${l.text(e.shareCondition)}`;
  if (e.shareType === 'not-shared' && e.shareBasis) return `${type}${colon(l)}${l.labelInline('cat.basis')}${l.text(e.shareBasis)}`;
  return type;
}

function openText(l: Ctx, e: CatalogueEntry): string {
  const base = l.label(e.openAttr.openToPublic ? 'cat.openYes' : 'cat.openNo');
  return e.openAttr.condition ? `${base}${colon(l)}${l.text(e.openAttr.condition)}` : base;
}

/** `名称：值；名称：值` in one language. */
function pairs(l: Ctx, list: Array<[string, string]>): string {
  return list
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${l.label(k)}${colon(l)}${v.replace(/[。．.；;]+$/u, '')}`)
    .join(semi(l));
}

/** Data items grouped by type: `字符型：A、B；日期型：C` (each type named once keeps the row short). */
function itemsText(l: Ctx, e: CatalogueEntry): string {
  const groups = new Map<string, string[]>();
  for (const it of e.items) {
    const list = groups.get(it.dataType) ?? [];
    list.push(l.text(it.name));
    groups.set(it.dataType, list);
  }
  return [...groups].map(([type, names]) => `${l.label(`itemType.${type}`)}${colon(l)}${names.join(listSep(l))}`).join(semi(l));
}

/** Where the resource is registered in the 政务信息资源目录: code, date, system. */
function registrationText(l: Ctx, r: NonNullable<CatalogueEntry['registration']>): string {
  return pairs(l, [
    ['cat.catalogueCode', r.catalogueCode],
    ['cat.registeredOn', l.date(r.date)],
    ['cat.catalogueSystem', l.text(r.system)],
  ]);
}

/**
 * One entry as a compact two-column table whose header row names the entry (number, name, code), so a table
 * continued on the next page still says which entry it belongs to.
 */
export function catalogueDetail(c: Ctx, e: CatalogueEntry, index: number): Block[] {
  // Bilingual headers give the code once, after the Chinese name.
  const heading = perLanguage(c, (l) => l.text(e.name) + (c.locale === 'bilingual' && isEn(l) ? '' : paren(l, e.code)), '\n');
  const basics = perLanguage(
    c,
    (l) =>
      pairs(l, [
        ['cat.category', `${e.category.code} ${l.text(e.category.name)}`],
        ['cat.provider', `${l.text(e.provider)}${paren(l, e.providerCode)}`],
        ['cat.format', format(l, e)],
        ['cat.security', l.label(`security.${e.securityLevel}`)],
      ]),
    '\n',
  );
  const sharing = perLanguage(
    c,
    (l) =>
      pairs(l, [
        ['cat.shareType', shareText(l, e)],
        ['cat.shareMode', l.label(`shareMode.${e.shareMode}`)],
        ['cat.open', openText(l, e)],
        ['cat.updateCycle', l.label(`updateCycle.${e.updateCycle}`)],
        ['cat.publishDate', l.date(e.publishDate)],
      ]),
    '\n',
  );
  const origin = perLanguage(
    c,
    (l) =>
      pairs(l, [
        ['cat.source', l.text(e.source)],
        ['cat.responsible', e.responsibleDepartment ? l.text(e.responsibleDepartment) : ''],
        ['cat.consumers', e.consumers.map((x) => l.text(x)).join(listSep(l))],
        ['cat.related', e.relatedCodes.join(isEn(l) ? ', ' : '、')],
      ]),
    '\n',
  );
  const rows: string[][] = [
    [c.label('cat.basics'), basics],
    [c.label('cat.summary'), cell(c, e.summary)],
    [c.label('cat.items'), perLanguage(c, (l) => itemsText(l, e), '\n')],
    [c.label('cat.sharing'), sharing],
    [c.label('cat.interface'), cell(c, e.technicalInterface)],
    [c.label('cat.processing'), cell(c, e.processingMethod)],
    [c.label('cat.traceability'), cell(c, e.traceability)],
    [c.label('cat.origin'), origin],
    ...(e.registration ? [[c.label('cat.registration'), perLanguage(c, (l) => registrationText(l, e.registration!), '\n')]] : []),
  ];
  return [c.table([col(c.label('cat.entryNo', { n: index + 1 }), 2.1), col(heading, 8.3)], rows)];
}

/** District measure Art. 24: per resource, its source, format, update cycle, sharing and openness attributes. */
export function declarationTable(c: Ctx, entries: readonly CatalogueEntry[]): Block {
  return c.table(
    [
      col(c.label('no'), 0.8, 'center'),
      col(c.label('cat.name'), 3),
      col(c.label('cat.source'), 3.4),
      col(c.label('cat.format'), 1.6, 'center'),
      col(c.label('cat.updateCycle'), 1.3, 'center'),
      col(c.label('cat.shareType'), 1.6, 'center'),
      col(c.label('cat.open'), 1.6, 'center'),
    ],
    entries.map((e, i) => [
      no(i),
      cell(c, e.name),
      cell(c, e.source),
      perLanguage(c, (l) => format(l, e), '\n'),
      c.label(`updateCycle.${e.updateCycle}`),
      c.label(`shareType.${e.shareType}`),
      c.label(e.openAttr.openToPublic ? 'cat.openYes' : 'cat.openNo'),
    ]),
  );
}

/** Entries open to the public on stated conditions. */
export function openConditionsTable(c: Ctx, entries: readonly CatalogueEntry[]): Block {
  const open = entries.filter((e) => e.openAttr.openToPublic && e.openAttr.condition);
  return c.table(
    [col(c.label('no'), 0.8, 'center'), col(c.label('cat.name'), 3.6), col(c.label('cat.openCondition'), 7.6)],
    open.map((e, i) => [no(i), perLanguage(c, (l) => `${l.text(e.name)}${paren(l, e.code)}`, '\n'), cell(c, e.openAttr.condition!)]),
  );
}
