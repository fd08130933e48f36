// The toy filing's catalogue entries, carried by the filing itself (a real filing has them under filings.<id> in locales/).
import type { FilingMessages } from '../../src/core/filings/content-context.ts';

export const messages: FilingMessages = {
  'zh-CN': {
    title: '季度进展简报',
    sections: { summary: '季度概况', progress: '建设进展', milestones: '里程碑完成情况', risks: '主要风险', district_note: '区级报送说明' },
    labels: {
      progressLead: '截至{date}，项目建设内容累计完成{percent}，{done}个里程碑已完成（共{total}个）。',
      milestone: '里程碑',
      due: '计划完成时间',
      done: '是否完成',
      yes: '是',
      no: '否',
      districtNote: '本简报同时抄送区财政部门。',
    },
  },
  en: {
    title: 'Quarterly progress brief',
    sections: { summary: 'Summary of the quarter', progress: 'Progress', milestones: 'Milestones', risks: 'Main risks', district_note: 'District filing note' },
    labels: {
      progressLead: 'As of {date} the construction is {percent} complete; {done} of {total} milestones are done.',
      milestone: 'Milestone',
      due: 'Due',
      done: 'Done',
      yes: 'yes',
      no: 'no',
      districtNote: 'This brief is copied to the district finance department.',
    },
  },
};
