// Every compliance rule, by group. Adding a rule: one entry in its group's file plus its cases in the group's test.
import type { Rule } from '../rule.ts';
import { G_RULES } from './g-rules.ts';
import { A_RULES } from './a-rules.ts';
import { X_RULES } from './x-rules.ts';
import { P_RULES } from './p-rules.ts';
import { K_RULES } from './k-rules.ts';

export const RULES: readonly Rule[] = [...G_RULES, ...A_RULES, ...X_RULES, ...P_RULES, ...K_RULES];
