// Figures derived from an extension request: the acceptance window of its profile and the deadline it asks to move.
import { addMonths } from '../../format/dates.ts';
import { PROFILES } from '../../regulations/profiles.ts';
import type { JurisdictionProfile } from '../filing.ts';
import type { AcceptanceExtensionInput } from './schema.ts';

/** Months allowed between completion and the acceptance application: 6 (57号 Art. 25) or 3 (district measure Art. 19). */
export function acceptanceWindowMonths(profile: JurisdictionProfile): number {
  return PROFILES[profile].acceptanceWindowMonths;
}

/** The deadline without an extension: completion plus the profile's window. */
export function originalDeadline(input: AcceptanceExtensionInput): string {
  return addMonths(input.completionDate, acceptanceWindowMonths(input.project.jurisdiction.profile));
}
