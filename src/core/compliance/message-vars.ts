// Values rules put into their messages: a date in both languages, as `<name>` (Chinese) and `<name>En`.
import { formatDate } from '../format/format.ts';
import { PERIOD_END_POLICY, type PeriodEnd } from '../deadlines/periods.ts';

export function dateVars(name: string, iso: string): Record<string, string> {
  return { [name]: formatDate(iso, 'zh-CN'), [`${name}En`]: formatDate(iso, 'en') };
}

/**
 * `shift` / `shiftEn`: when a period's last day was a holiday or rest day and the deadline moved, a clause saying so
 * (the policy of deadlines/periods.ts); empty otherwise. Messages place `{shift}` after the deadline they give.
 */
export function shiftVars(d: PeriodEnd): Record<string, string> {
  if (!d.shifted) return { shift: '', shiftEn: '' };
  return {
    shift: `（${formatDate(d.nominal, 'zh-CN')}为法定节假日或休息日，期限顺延至${formatDate(d.end, 'zh-CN')}：${PERIOD_END_POLICY.note.zh}）`,
    shiftEn: ` (${formatDate(d.nominal, 'en')} is a public holiday or rest day, so the deadline moves to ${formatDate(d.end, 'en')}: ${PERIOD_END_POLICY.note.en})`,
  };
}
