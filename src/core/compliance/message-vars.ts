// Values rules put into their messages: a date in both languages, as `<name>` (Chinese) and `<name>En`.
import { formatDate } from '../format/format.ts';

export function dateVars(name: string, iso: string): Record<string, string> {
  return { [name]: formatDate(iso, 'zh-CN'), [`${name}En`]: formatDate(iso, 'en') };
}
