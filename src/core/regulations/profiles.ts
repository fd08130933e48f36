// The numbers each jurisdiction profile sets: the national measure (国办发〔2019〕57号) and the district measure
// modelled on it. Content and compliance rules read them here, so a profile is changed in one place.
import type { JurisdictionProfile } from '../filings/filing.ts';

export interface ProfileNumbers {
  /** Months after completion within which acceptance is applied for (57号 Art. 25; district Art. 19). */
  acceptanceWindowMonths: number;
  /** Working days after preliminary acceptance to register the catalogue and collect the data (district Art. 26). */
  catalogueRegistrationWorkingDays: number | null;
  /** Working days after signing to file a procurement contract (district Art. 13). */
  contractFilingWorkingDays: number | null;
  /** The self-evaluation falls this many months after acceptance (57号 Art. 27; district Art. 20). */
  selfEvaluationWindowMonths: readonly [number, number];
  /** Recipients besides the approving department: the annual report goes to the finance department too (district Art. 14). */
  annualReportToFinance: boolean;
  /** Self-managed adjustments may total at most this share of the approved 概算 (57号 Art. 23). */
  selfManagedAdjustmentPercent: number;
}

export const PROFILES: Readonly<Record<JurisdictionProfile, ProfileNumbers>> = {
  national: {
    acceptanceWindowMonths: 6,
    catalogueRegistrationWorkingDays: null,
    contractFilingWorkingDays: null,
    selfEvaluationWindowMonths: [12, 24],
    annualReportToFinance: false,
    selfManagedAdjustmentPercent: 15,
  },
  district: {
    acceptanceWindowMonths: 3,
    catalogueRegistrationWorkingDays: 10,
    contractFilingWorkingDays: 5,
    selfEvaluationWindowMonths: [12, 24],
    annualReportToFinance: true,
    selfManagedAdjustmentPercent: 15,
  },
};

/** The three reasons for which 57号 Art. 23 lets the unit adjust content itself (within the percentage above). */
export const ALLOWED_ADJUSTMENT_REASONS = ['central-deployment', 'scheme-optimisation', 'business-need'] as const;

/** The profiles whose numbers meet a condition, e.g. those that set a contract-filing deadline. */
export function profilesWhere(test: (n: ProfileNumbers) => boolean): JurisdictionProfile[] {
  return (Object.keys(PROFILES) as JurisdictionProfile[]).filter((p) => test(PROFILES[p]));
}
