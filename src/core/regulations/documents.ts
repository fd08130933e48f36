// The regulation texts that sections and rules cite, by short id.
import { localMeasures } from './profiles.ts';

export interface RegulationDocument {
  zh: string;
  en: string;
}

export const REGULATIONS = {
  'gbf-2019-57': {
    zh: '《国家政务信息化项目建设管理办法》（国办发〔2019〕57号）',
    en: 'Measures for the Administration of National Government Informatization Projects (Guobanfa [2019] No. 57)',
  },
  'fgg-2008-2544': {
    zh: '《国家电子政务工程建设项目项目建议书、可行性研究报告、初步设计方案和投资概算编制要求》（发改高技〔2008〕2544号）',
    en: 'NDRC outlines for proposals, feasibility studies and preliminary designs of e-government projects (Fagaigaoji [2008] No. 2544)',
  },
  'fgg-2013-266': {
    zh: '《国家发展改革委关于加强和完善国家电子政务工程建设管理的意见》（发改高技〔2013〕266号）',
    en: 'NDRC Opinion on Strengthening the Construction Management of National E-Government Projects (Fagaigaoji [2013] No. 266)',
  },
  'gf-2016-51': {
    zh: '《政务信息资源共享管理暂行办法》（国发〔2016〕51号）',
    en: 'Interim Measures for the Sharing of Government Information Resources (Guofa [2016] No. 51)',
  },
  'cy-2020-10': {
    zh: '《项目支出绩效评价管理办法》（财预〔2020〕10号）',
    en: 'Measures for Performance Evaluation of Project Expenditure (Caiyu [2020] No. 10)',
  },
  'gbt-9704-2012': {
    zh: '《党政机关公文格式》（GB/T 9704—2012）',
    en: 'Layout Key for Official Documents of Party and Government Organs (GB/T 9704-2012)',
  },
  'district-measure': {
    zh: '区级政务信息化项目建设管理办法（参照国办发〔2019〕57号制定的地方办法）',
    en: 'District measure for government information-system projects (local measure modelled on Guobanfa [2019] No. 57)',
  },
  customary: {
    zh: '编制惯例（评审要求）',
    en: 'Customary practice expected by reviewers',
  },
} as const satisfies Record<string, RegulationDocument>;

export type RegulationId = keyof typeof REGULATIONS;

/** A pointer into a regulation: the document and, where there is one, the article or item. */
export interface Citation {
  /** A document of REGULATIONS, or the local measure a jurisdiction profile brings (`measure:…`). */
  doc: RegulationId | `measure:${string}`;
  /** Article or item, e.g. `第九条` / `Art. 9`. */
  article?: { zh: string; en: string };
}

/** `art(9)` → `第九条` / `Art. 9`. */
export function art(n: number): { zh: string; en: string } {
  return { zh: `第${chineseNumeral(n)}条`, en: `Art. ${n}` };
}

export function item(zh: string, en: string): { zh: string; en: string } {
  return { zh, en };
}

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..99 as Chinese numerals: 9 → 九, 10 → 十, 25 → 二十五. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`numeral out of range: ${n}`);
  if (n < 10) return NUMERALS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : NUMERALS[tens]}十${ones === 0 ? '' : NUMERALS[ones]}`;
}

/** The title of a cited document; undefined for an id neither documents.ts nor a profile knows. */
export function regulationText(id: string): RegulationDocument | undefined {
  return (REGULATIONS as Record<string, RegulationDocument>)[id] ?? localMeasures().find((m) => m.id === id);
}

export function formatCitation(c: Citation, lang: 'zh-CN' | 'en'): string {
  const doc = regulationText(c.doc);
  if (!doc) throw new RangeError(`citation of an unknown document: ${c.doc}`);
  if (lang === 'zh-CN') return `${doc.zh}${c.article ? c.article.zh : ''}`;
  return `${doc.en}${c.article ? ', ' + c.article.en : ''}`;
}
