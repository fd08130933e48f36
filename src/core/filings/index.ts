// The filings as the rest of the service sees them: the list, lookup, the definition types and the view the templates bind to.
export { FILINGS, filingById } from './filings.ts';
export { FILING_IDS, type FilingDefinition, type FilingId, type SectionDef } from './filing.ts';
export { buildView, type BlockView, type DocMeta, type DocView, type DraftAppendix, type SectionView } from './build-view.ts';
export type { Table, TableColumn } from './content.ts';
export { resolveSections } from './resolve-sections.ts';
