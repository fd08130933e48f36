// The jurisdiction profiles as data: 57号 itself and the district measure modelled on it. A further jurisdiction (a
// province, a city) is one more entry here — see docs/adding-a-jurisdiction.md; nothing else needs to change.
import type { JurisdictionProfileData, Wording } from './profiles.ts';

const art = (zh: string, en: string): Wording => ({ zh, en });

const NATIONAL: JurisdictionProfileData = {
  name: { zh: '国家级（国办发〔2019〕57号）', en: 'National (Guobanfa [2019] No. 57)' },
  applies: { zh: '适用国办发〔2019〕57号', en: 'under Guobanfa [2019] No. 57' },
  scope: 'national',
  measure: 'gbf-2019-57',
  acceptance: {
    windowMonths: 6,
    deadlineAct: 'application',
    article: art('第二十五条', 'Art. 25'),
    reportFiling: { body: 'approving-department' },
    reportFilingArticle: art('第二十五条第三款', 'Art. 25 ¶3'),
    fundsWithheldUntilAccepted: null,
    failedSecurityArticle: art('第二十八条第（三）项', 'Art. 28(3)'),
  },
  adjustments: {
    selfManaged: { limitPercent: 15, reasons: ['central-deployment', 'scheme-optimisation', 'business-need'] },
    article: art('第二十三条', 'Art. 23'),
  },
  catalogue: { registrationWorkingDays: null, registrationArticle: null, attributesBeforeApplication: null },
  contractFiling: null,
  annualReport: { toFinance: false, article: art('第二十条', 'Art. 20') },
  selfEvaluation: { windowMonths: [12, 24], toFinance: true, article: art('第二十七条', 'Art. 27') },
  cryptoPlanReview: null,
  approvalStage: { operationProjectAttachments: null, noSeparateBuild: null },
};

const DISTRICT: JurisdictionProfileData = {
  name: { zh: '区级（地方办法）', en: 'District (local measure)' },
  applies: { zh: '适用区级政务信息化项目建设管理办法', en: 'under the district measure for government information projects' },
  scope: 'local',
  measure: 'district-measure',
  acceptance: {
    windowMonths: 3,
    deadlineAct: 'organised',
    article: art('第十九条', 'Art. 19'),
    reportFiling: { body: 'office', office: { zh: '综合管理办公室', en: 'Integrated Management Office' } },
    reportFilingArticle: art('第十九条', 'Art. 19'),
    fundsWithheldUntilAccepted: { article: art('第十九条', 'Art. 19') },
    failedSecurityArticle: art('第二十二条第（二）项', 'Art. 22(2)'),
  },
  adjustments: { selfManaged: null, article: art('第十六条', 'Art. 16') },
  catalogue: {
    registrationWorkingDays: 10,
    registrationArticle: art('第二十六条', 'Art. 26'),
    attributesBeforeApplication: { article: art('第二十四条', 'Art. 24') },
  },
  contractFiling: { workingDays: 5, office: { zh: '综合管理办公室', en: 'Integrated Management Office' }, article: art('第十三条', 'Art. 13') },
  annualReport: { toFinance: true, article: art('第十四条', 'Art. 14') },
  selfEvaluation: { windowMonths: [12, 24], toFinance: false, article: art('第二十条', 'Art. 20') },
  cryptoPlanReview: { fromLevel: 3, article: art('第二十八条', 'Art. 28') },
  approvalStage: {
    operationProjectAttachments: { article: art('第七条第（二）项', 'Art. 7(2)') },
    noSeparateBuild: { article: art('第八条', 'Art. 8') },
  },
};

export const PROFILE_DATA = { national: NATIONAL, district: DISTRICT } as const;
