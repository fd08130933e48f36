// The manifest beside each template version: what it is, when it applies, and the checksums of its files.
import { z } from 'zod';
import { FILING_IDS } from '../core/filings/index.ts';

export const TemplateManifest = z.strictObject({
  filing: z.enum(FILING_IDS),
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  effectiveUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  status: z.enum(['draft', 'published', 'retired']),
  regulationBasis: z.array(z.string().min(1)).min(1),
  files: z.strictObject({
    docx: z.strictObject({ name: z.string().regex(/^[a-z-]+\.docx$/), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
    html: z.strictObject({ name: z.string().regex(/^[a-z-]+\.hbs$/), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  }),
});
export type TemplateManifest = z.infer<typeof TemplateManifest>;

/** Handlebars compile options: strict lookups, no helper we did not list, escaping on. */
export const HANDLEBARS_COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: {},
  noEscape: false,
} as const;
