// The pieces every filing schema is built from: text in one or two languages, dates, amounts, codes, the project block.
import { z } from 'zod';
import { parseIsoDate, toCents } from '../format/format.ts';
import { PROFILE_IDS } from '../regulations/profiles.ts';

/** Error messages in schemas are catalogue keys under `errors.fields`, translated when issues are reported. */
const E = (key: string) => ({ error: `@${key}` });

export const LIMITS = {
  shortText: 200,
  longText: 20_000,
  listItems: 200,
  catalogueEntries: 2_000,
} as const;

// Control characters and lone surrogates cannot be stored in a DOCX (XML 1.0): every free-text field refuses them with
// its path, so no document is ever written with them.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const xmlSafe = (s: string) => !XML_INVALID.test(s);

const trimmed = (max: number) => z.string().trim().min(1, E('required_text')).max(max, E('text_too_long')).refine(xmlSafe, E('invalid_characters'));

export const ShortString = trimmed(LIMITS.shortText);
const LongString = trimmed(LIMITS.longText);

/**
 * Text the caller supplies: a plain string (taken as Chinese, the official language of the filing), or both languages,
 * `{ "zh": "…", "en": "…" }`, so that English and bilingual documents can carry the caller's own translation.
 */
export const ShortText = z.union([ShortString, z.strictObject({ zh: ShortString, en: ShortString.optional() })]);
export const LongText = z.union([LongString, z.strictObject({ zh: LongString, en: LongString.optional() })]);
export type LText = z.infer<typeof LongText>;

/** 1..n paragraphs. */
export const Paragraphs = z.array(LongText).min(1, E('list_empty')).max(LIMITS.listItems, E('list_too_long'));

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { ...E('date_format'), abort: true })
  .refine((s) => parseIsoDate(s) !== null, E('date_invalid'));

/** Amount in 万元 (10,000 CNY), at most two decimals, not negative. */
export const Wan = z
  .number(E('number_expected'))
  .finite()
  .min(0, E('amount_negative'))
  .max(1e10, E('amount_too_large'))
  .refine((v) => Math.abs(v * 100 - toCents(v)) < 1e-6, E('amount_precision'))
  // The unit, for forms and API clients (JSON Schema `x-unit`).
  .meta({ 'x-unit': 'wan' });

export const Percent = z.number(E('number_expected')).finite().min(0, E('percent_range')).max(100, E('percent_range')).meta({ 'x-unit': 'percent' });

/** 统一社会信用代码: 18 characters of digits and uppercase letters excluding I, O, S, V, Z (GB 32100). Check digit: see compliance. */
export const CreditCode = z.string().regex(/^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/, E('credit_code_format'));

/** 项目代码 from the national investment project online approval platform, e.g. `2019-000052-65-01-000001`. */
const ProjectCode = z.string().regex(/^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/, E('project_code_format'));

/** 行政区划代码: six digits (GB/T 2260). */
const RegionCode = z.string().regex(/^\d{6}$/, E('region_code_format'));

/** Document number such as `发改高技〔2019〕57号` (brackets are normalised to 〔〕 when rendered). */
export const DocNumber = z.string().trim().min(3, E('doc_number_format')).max(60, E('text_too_long')).refine(xmlSafe, E('invalid_characters'));

export const Person = z.strictObject({
  name: ShortText,
  title: ShortText.optional(),
  phone: z.string().regex(/^[0-9+\-() ]{5,30}$/, E('phone_format')).optional(),
});

const Amount = z.strictObject({ item: ShortText, amount: Wan });

export const DocumentRef = z.strictObject({
  title: ShortText,
  docNo: DocNumber.optional(),
  date: IsoDate.optional(),
});

/**
 * The expert (or assessment-body) review of a cryptography application plan at the planning stage (district measure
 * Art. 28, for important systems): who reviewed it, when, the conclusion, and the review opinion document.
 */
export const CryptoPlanReview = z.strictObject({
  by: ShortText,
  date: IsoDate,
  conclusion: z.enum(['passed', 'passed-with-changes', 'failed']),
  opinion: DocumentRef.optional(),
});

/**
 * The registration of a resource in the 政务信息资源目录 (57号 Art. 11; 2013意见): the catalogue code it was given, the
 * date and the catalogue system it was registered in.
 */
export const CatalogueRegistration = z.strictObject({
  catalogueCode: ShortString,
  date: IsoDate,
  system: ShortText,
});

const PROJECT_TYPES = ['new', 'rebuild', 'expand', 'operation', 'service'] as const;
export const INDICATOR_TYPES = ['output-quantity', 'output-quality', 'output-timeliness', 'output-cost', 'benefit', 'satisfaction'] as const;

const PerformanceTarget = z.strictObject({
  objective: ShortText,
  indicator: ShortText,
  type: z.enum(INDICATOR_TYPES),
  unit: ShortText.optional(),
  targetValue: z.union([z.number().finite(), ShortString]),
});

/** The project facts every filing carries. */
export const ProjectBlock = z.strictObject({
  name: ShortText,
  code: ProjectCode,
  type: z.enum(PROJECT_TYPES),
  constructionUnit: z.strictObject({ name: ShortText, creditCode: CreditCode }),
  implementingBody: ShortText,
  leader: Person,
  accountablePerson: Person.optional(),
  approvingDepartment: ShortText,
  financeDepartment: ShortText.optional(),
  jurisdiction: z.strictObject({
    profile: z.enum(PROFILE_IDS),
    name: ShortText,
    regionCode: RegionCode,
  }),
  crossDepartment: z
    .strictObject({ leadDepartment: ShortText, coBuilders: z.array(ShortText).min(1, E('list_empty')).max(50, E('list_too_long')) })
    .optional(),
  /** 万元 */
  totalInvestment: Wan,
  investmentBreakdown: z.array(Amount).min(1, E('list_empty')).max(LIMITS.listItems, E('list_too_long')),
  fundingSources: z.array(z.strictObject({ channel: ShortText, amount: Wan })).min(1, E('list_empty')).max(50, E('list_too_long')),
  annualOandM: z.strictObject({ amount: Wan, channel: ShortText }),
  performanceTargets: z.array(PerformanceTarget).min(1, E('list_empty')).max(LIMITS.listItems, E('list_too_long')),
  securityLevel: z.strictObject({
    scheme: z.enum(['mlps', 'classified']),
    /** 等保 level 1–5, or 分保 grade (秘密 / 机密 / 绝密) */
    level: z.union([z.number().int().min(1).max(5), z.enum(['secret', 'confidential', 'top-secret'])]),
  }),
});
export type ProjectBlock = z.infer<typeof ProjectBlock>;

/** `@key` messages refer to `errors.fields.<key>` in the catalogues. */
export function fieldMessageKey(message: string | undefined): string | undefined {
  return message?.startsWith('@') ? message.slice(1) : undefined;
}
