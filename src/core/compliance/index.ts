// Compliance preflight as the rest of the service sees it: the rules as data and the check of one filing.
export { RULES } from './rules/index.ts';
export { checkFiling, hasErrors, type Finding } from './check.ts';
