// Figures derived from an extension request: the acceptance window of its profile, what that window limits, and the
// deadline the request asks to move (a month-based period, moved past a holiday as deadlines/periods.ts reads it).
import { monthPeriodEnd, type PeriodEnd } from '../../deadlines/periods.ts';
import { profileData, type JurisdictionProfileData } from '../../regulations/profiles.ts';
import type { JurisdictionProfile } from '../filing.ts';
import type { AcceptanceExtensionInput } from './schema.ts';

/** The semantics of the request's profile. */
export function measureOf(input: AcceptanceExtensionInput): JurisdictionProfileData {
  return profileData(input.project.jurisdiction.profile);
}

/** Months allowed after completion: 6 to apply for acceptance (57号 Art. 25), 3 to organise it (district Art. 19). */
export function acceptanceWindowMonths(profile: JurisdictionProfile): number {
  return profileData(profile).acceptance.windowMonths;
}

/** The deadline without an extension: completion plus the profile's window, with its holiday shift if any. */
export function originalPeriod(input: AcceptanceExtensionInput): PeriodEnd {
  return monthPeriodEnd(input.completionDate, acceptanceWindowMonths(input.project.jurisdiction.profile));
}

/** The last day of the original period. */
export function originalDeadline(input: AcceptanceExtensionInput): string {
  return originalPeriod(input).end;
}
