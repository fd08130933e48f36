// The filings as the rest of the service sees them: the list, lookup, the definition types and the view the templates bind to.
import type { z } from 'zod';
import type { FilingDefinition as Definition } from './filing.ts';
import type { FilingId } from './registry.ts';

export { FILINGS, FILING_IDS, filingById, type FilingId, type RegisteredFiling } from './registry.ts';
export { type ContentBuilders, type FormPart, type SectionBuilder, type SectionDef, type SignOff, type Letterhead } from './filing.ts';
export { buildView, type BlockView, type DocMeta, type DocView, type DraftAppendix, type SectionView, type SignOffView } from './build-view.ts';
export type { Block, Table, TableColumn, ColumnKind, HeaderGroup } from './blocks.ts';
export { resolveSections } from './resolve-sections.ts';

/** A filing of the service's list. */
export type FilingDefinition = Definition<z.ZodType, FilingId>;
/** Any filing, listed or not (e.g. one defined by a test): what the view, the check and the template builders take. */
export type AnyFilingDefinition = Definition;
