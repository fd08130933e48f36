// How the workbench's form of this filing groups its input under the document's chapters (section ids).
import type { FormPart } from '../filing.ts';

export const form: FormPart[] = [
  { section: 'addressee', keys: ['application'] },
  { section: 'approval', keys: ['approval', 'completionDate'] },
  { section: 'progress', keys: ['progress'] },
  { section: 'reasons', keys: ['reasons'] },
  { section: 'remaining_work', keys: ['remainingWork', 'measures'] },
  { section: 'requested_date', keys: ['requestedDate'] },
  { section: 'attachments', keys: ['attachments'] },
  { section: 'note', keys: ['contact'] },
];
