// What a rendered filing must show for a sample, derived from the registry and the catalogues (not from the view).
import { filingById } from '../../src/core/filings/index.ts';
import { resolveSections } from '../../src/core/filings/index.ts';
import { message } from '../../src/core/i18n/catalogue.ts';
import { formatNumber2, formatWan } from '../../src/core/format/format.ts';

export type DocLocale = 'zh-CN' | 'en' | 'bilingual';
export const LOCALES: DocLocale[] = ['zh-CN', 'en', 'bilingual'];

interface ProjectLike {
  name: string | { zh: string; en?: string };
  totalInvestment: number;
}

export function expectationsFor(filingId: string, rawInput: unknown, locale: DocLocale) {
  const def = filingById(filingId)!;
  const input = def.schema.parse(rawInput);
  const sections = resolveSections(def, input);
  const headed = sections.filter((s) => (s.style ?? 'heading') === 'heading');
  const langs: Array<'zh-CN' | 'en'> = locale === 'bilingual' ? ['zh-CN', 'en'] : [locale];
  const project = (input as { project: ProjectLike }).project;
  const name = typeof project.name === 'string' ? { zh: project.name, en: project.name } : { zh: project.name.zh, en: project.name.en ?? project.name.zh };
  return {
    input,
    sectionIds: sections.map((s) => s.id),
    /** Heading titles per language, in document order. */
    titles: Object.fromEntries(langs.map((l) => [l, headed.map((s) => message(l, `filings.${filingId}.sections.${s.id}`))])) as Partial<Record<'zh-CN' | 'en', string[]>>,
    projectName: locale === 'en' ? name.en : name.zh,
    /** Any of these forms shows the total investment. */
    totalInvestment: [formatNumber2(project.totalInvestment), formatWan(project.totalInvestment, 'en')],
  };
}
