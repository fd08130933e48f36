// The compliance rules of the 项目建议书: the P rules it shares with the 可行性研究报告 (regulations.md §7.2); it has none
// of its own beyond those.
import type { Rule } from '../../compliance/rule.ts';
import { APPROVAL_STAGE_RULES } from '../approval-stage/rules.ts';
import type { ProjectProposalInput } from './schema.ts';

export const PROPOSAL_RULES: readonly Rule<ProjectProposalInput>[] = [...APPROVAL_STAGE_RULES];
