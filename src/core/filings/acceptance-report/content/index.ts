// The content of the 验收报告, by section id: one builder module per chapter.
import type { ContentBuilders } from '../../filing.ts';
import type { AcceptanceReportInput } from '../schema.ts';
import { overview } from './overview.ts';
import { tasks } from './tasks.ts';
import { investment } from './investment.ts';
import { procurement } from './procurement.ts';
import { supervision } from './supervision.ts';
import { testing } from './testing.ts';
import { security } from './security.ts';
import { productsEnergy } from './products-energy.ts';
import { sharing } from './sharing.ts';
import { archives } from './archives.ts';
import { performance } from './performance.ts';
import { operation } from './operation.ts';
import { conclusion } from './conclusion.ts';
import { attachments } from './attachments.ts';

export const content: ContentBuilders<AcceptanceReportInput> = {
  ...overview,
  ...tasks,
  ...investment,
  ...procurement,
  ...supervision,
  ...testing,
  ...security,
  ...productsEnergy,
  ...sharing,
  ...archives,
  ...performance,
  ...operation,
  ...conclusion,
  ...attachments,
};
