// 网络安全与密码应用: the protection level and its assessment, the classified-system approval, the risk and cryptography
// assessments (57号 Art. 14–16, 25; district measure Art. 28).
import type { ContentBuilders } from '../../filing.ts';
import type { Block } from '../../blocks.ts';
import type { ContentContext } from '../../content-context.ts';
import { normalizeDocNumber } from '../../../format/format.ts';
import type { AcceptanceReportInput } from '../schema.ts';
import { opt, securityLevelText } from './shared.ts';
import { measureOf } from '../figures.ts';
import { formatCitation } from '../../../regulations/documents.ts';
import { citeMeasure } from '../../../regulations/profiles.ts';

type I = AcceptanceReportInput;
type Assessment = I['security']['protectionAssessment'] | I['crypto'];
type Fact = readonly [string, string];

function assessmentFacts(c: ContentContext, x: Assessment, before: Fact[], after: Fact[] = []): Block {
  return c.facts([
    ...before,
    ['assessmentOrg', c.text(x.org)],
    ['assessmentDate', c.date(x.date)],
    ['assessmentConclusion', c.labelInline(`assessOf.${x.conclusion}`)],
    ...opt(x.score, (s) => ['score', String(s)] as const),
    ...opt(x.reportNo, (r) => ['reportNo', c.text(r)] as const),
    ...after,
  ]);
}

/** A non-compliant conclusion and what it entails under the profile's measure (57号 Art. 28(3); district Art. 22(2)). */
function failure(i: I, c: ContentContext, x: Assessment): Block[] {
  if (x.conclusion !== 'non-compliant') return [];
  const m = measureOf(i);
  return c.sentence('assessmentFailed', (l) => ({ basis: formatCitation(citeMeasure(m, m.acceptance.failedSecurityArticle), l.lang) }));
}

export const security: ContentBuilders<I> = {
  security: (i, c) => [...c.sentence('securityLead', (l) => ({ level: securityLevelText(l, i) })), ...(i.security.measures ? c.paras(i.security.measures) : [])],
  mlps_assessment: (i, c) => {
    const pa = i.security.protectionAssessment;
    return [
      assessmentFacts(c, pa, [['protectionLevel', securityLevelText(c, i)]], opt(pa.filingNo, (x) => ['mlpsFilingNo', c.text(x)] as const)),
      ...c.sentence('mlpsSummary', (l) => ({ org: l.text(pa.org), date: l.date(pa.date), level: securityLevelText(l, i), conclusion: l.label(`assessOf.${pa.conclusion}`) })),
      ...failure(i, c, pa),
    ];
  },
  classified_assessment: (i, c) => {
    const pa = i.security.protectionAssessment;
    return [
      assessmentFacts(c, pa, [['classifiedGrade', securityLevelText(c, i)]]),
      ...c.sentence('classifiedSummary', (l) => ({ org: l.text(pa.org), date: l.date(pa.date), conclusion: l.label(`assessOf.${pa.conclusion}`) })),
      ...failure(i, c, pa),
    ];
  },
  classified_approval: (i, c) => {
    const ca = i.security.classifiedApproval;
    return ca
      ? c.sentence('classifiedApproved', (l) => ({ authority: l.text(ca.authority), docNo: normalizeDocNumber(ca.docNo), date: l.date(ca.date) }))
      : c.sentence('classifiedApprovalPending', () => ({}));
  },
  risk_assessment: (i, c) => {
    const ra = i.security.riskAssessment;
    return [
      c.facts([
        ['assessmentOrg', c.text(ra.org)],
        ['assessmentDate', c.date(ra.date)],
        ...opt(ra.reportNo, (r) => ['reportNo', c.text(r)] as const),
        ['duringTrial', c.label(ra.duringTrial ? 'yesValue' : 'noValue')],
      ]),
      ...c.paras(ra.conclusion),
    ];
  },
  crypto_assessment: (i, c) => [
    assessmentFacts(c, i.crypto, []),
    ...c.sentence('cryptoSummary', (l) => ({ org: l.text(i.crypto.org), date: l.date(i.crypto.date), conclusion: l.label(`assessOf.${i.crypto.conclusion}`) })),
    ...failure(i, c, i.crypto),
    ...(i.crypto.summary ? c.paras(i.crypto.summary) : []),
  ],
};
