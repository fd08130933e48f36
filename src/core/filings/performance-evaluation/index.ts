// 绩效评价报告: the annual in-construction performance report (建设期年度绩效报告, 57号 Art. 20–21) and the
// post-acceptance self-evaluation (项目自评价报告, 57号 Art. 27), one filing with `kind` choosing the chapters.
import { defineFiling } from '../filing.ts';
import { normalizeDocNumber } from '../../format/format.ts';
import { PerformanceEvaluationInput } from './schema.ts';
import { sections } from './sections.ts';
import { PERFORMANCE_RULES } from './rules.ts';
import { content } from './content/index.ts';
import { form } from './form.ts';

export const performanceEvaluation = defineFiling({
  id: 'performance-evaluation',
  schema: PerformanceEvaluationInput,
  layout: 'report',
  sections,
  rules: PERFORMANCE_RULES,
  content,
  form,
  dateOf: (i) => (i.kind === 'annual' ? i.reportDate : i.evaluationDate),
  profileOf: (i) => i.project.jurisdiction.profile,
  cover: (i, c) => ({
    title: c.text(i.project.name),
    filingName: i.kind === 'annual' ? c.label('filingNameAnnual', { year: i.year }) : c.label('filingNameSelf'),
    unit: c.text(i.project.constructionUnit.name),
    ...(i.docNo ? { docNo: normalizeDocNumber(i.docNo) } : {}),
  }),
  // 落款: the evaluating unit (with its seal) and the date of the report.
  signOff: (i, c) => ({
    heading: '',
    lines: [c.labelInline('evaluatingUnit', { unit: c.text(i.project.constructionUnit.name) }), c.date(i.kind === 'annual' ? i.reportDate : i.evaluationDate)],
  }),
});
