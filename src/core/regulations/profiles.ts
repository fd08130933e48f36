// What a jurisdiction profile is: the numbers and the semantics of one measure (国办发〔2019〕57号 or a local measure
// modelled on it) that sections, content and rules read. The profiles themselves are data, in profile-data.ts.
import { PROFILE_DATA } from './profile-data.ts';
import type { Citation, RegulationId } from './documents.ts';

/** A wording in both languages. */
export interface Wording {
  zh: string;
  en: string;
}

/** A measure not listed in documents.ts (a local measure a profile brings with it): its id and title. */
export interface LocalMeasure extends Wording {
  /** Cited as `doc`; starts with `measure:` so it cannot clash with the ids of documents.ts. */
  id: `measure:${string}`;
}

/** The three reasons for which 57号 Art. 23 lets the unit adjust content itself (within a share of the 概算). */
export const ALLOWED_ADJUSTMENT_REASONS = ['central-deployment', 'scheme-optimisation', 'business-need'] as const;
export type AdjustmentReason = (typeof ALLOWED_ADJUSTMENT_REASONS)[number];

/** With whom the acceptance report is filed (备案) once acceptance is over. */
export type ReportFiling =
  /** 57号 Art. 25 ¶3: the approving department. */
  | { body: 'approving-department' }
  /** A named office, e.g. the district's 综合管理办公室 (district measure Art. 19); matched by this part of its name. */
  | { body: 'office'; office: Wording };

export interface JurisdictionProfileData {
  /** How documents name the regime, e.g. 国家级（国办发〔2019〕57号）. */
  name: Wording;
  /** The phrase a report uses for it, e.g. 适用国办发〔2019〕57号. */
  applies: Wording;
  /**
   * `national`: a national project under 57号 itself (NDRC approval, the national plan, the 2013 Opinion's national
   * requirements apply); `local`: a project under a local measure modelled on it.
   */
  scope: 'national' | 'local';
  /** The measure the profile applies: a document of documents.ts, or a local measure described here. */
  measure: RegulationId | LocalMeasure;
  acceptance: {
    /** Months after completion (57号 Art. 25: 6; district Art. 19: 3). */
    windowMonths: number;
    /**
     * What the window limits. `application`: the unit applies to the approving department for acceptance within it
     * (57号 Art. 25); `organised`: the completion acceptance itself is organised (its meeting held) within it
     * (district Art. 19). An extension request asks to move the same act.
     */
    deadlineAct: 'application' | 'organised';
    article: Wording;
    /** 备案 of the acceptance report. */
    reportFiling: ReportFiling;
    reportFilingArticle: Wording;
    /** No further construction or O&M funds until the project is accepted (district Art. 19); null when not stated. */
    fundsWithheldUntilAccepted: { article: Wording } | null;
    /**
     * What a system that fails its cryptography or cyber-security requirements faces: no O&M funds, no new building or
     * expansion (57号 Art. 28(3); district Art. 22(2)).
     */
    failedSecurityArticle: Wording;
  };
  adjustments: {
    /**
     * 57号 Art. 23: the unit may adjust content itself, within this share of the 概算 and for these reasons, and file it;
     * null when every change of goals, content or budget is applied for in advance (district Art. 16).
     */
    selfManaged: { limitPercent: number; reasons: readonly AdjustmentReason[] } | null;
    article: Wording;
  };
  catalogue: {
    /** Working days after the preliminary acceptance to register the catalogue and collect the data (district Art. 26). */
    registrationWorkingDays: number | null;
    registrationArticle: Wording | null;
    /** Source, format, update cycle, sharing and openness are declared per resource before applying (district Art. 24). */
    attributesBeforeApplication: { article: Wording } | null;
  };
  /** Procurement contracts filed with an office within so many working days of signing (district Art. 13). */
  contractFiling: { workingDays: number; office: Wording; article: Wording } | null;
  annualReport: { toFinance: boolean; article: Wording };
  selfEvaluation: {
    /** Months after 验收投产 (acceptance and entry into operation) the self-evaluation falls within. */
    windowMonths: readonly [number, number];
    /** The report goes to the finance department besides the approving department (57号 Art. 27). */
    toFinance: boolean;
    article: Wording;
  };
  /**
   * District Art. 28: the cryptography plan of an important system is assessed by experts (or an assessment body) at the
   * planning stage; read as MLPS level `fromLevel` and above. Null when the measure sets no such review.
   */
  cryptoPlanReview: { fromLevel: number; article: Wording } | null;
  approvalStage: {
    /** O&M service projects attach the previous contract and performance evaluation (district Art. 7(2)). */
    operationProjectAttachments: { article: Wording } | null;
    /** Kinds of systems no longer built separately (district Art. 8). */
    noSeparateBuild: { article: Wording } | null;
  };
}

export type JurisdictionProfile = keyof typeof PROFILE_DATA;

const ALL: Readonly<Record<string, JurisdictionProfileData>> = PROFILE_DATA;

/** The profile ids, in the order of the data (the schema enum and the API list them so). */
export const PROFILE_IDS = Object.keys(ALL) as [JurisdictionProfile, ...JurisdictionProfile[]];

/** The semantics of one profile; throws for an id that is not one (the schema lets none through). */
export function profileData(id: string): JurisdictionProfileData {
  const p = ALL[id];
  if (!p) throw new RangeError(`unknown jurisdiction profile: ${id}`);
  return p;
}

/** The profiles whose semantics meet a condition, e.g. those that set a contract-filing deadline. */
export function profilesWhere(test: (p: JurisdictionProfileData) => boolean): JurisdictionProfile[] {
  return PROFILE_IDS.filter((id) => test(ALL[id]!));
}

/** The document id under which a profile's own measure is cited. */
export function measureId(p: JurisdictionProfileData): Citation['doc'] {
  return typeof p.measure === 'string' ? p.measure : p.measure.id;
}

/** A citation of an article of the profile's own measure. */
export function citeMeasure(p: JurisdictionProfileData, article: Wording): Citation {
  return { doc: measureId(p), article };
}

/** The local measures the profiles bring (cited by id like the documents of documents.ts). */
export function localMeasures(): LocalMeasure[] {
  return Object.values(ALL).flatMap((p) => (typeof p.measure === 'string' ? [] : [p.measure]));
}
