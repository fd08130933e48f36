// Compliance preflight as the rest of the service sees it: the rules as data and the check of one filing.
export { RULES, type RegisteredRule } from './rules.ts';
export { checkFiling, hasErrors, severityOf, type Finding } from './check.ts';
