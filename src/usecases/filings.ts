// Looking up a filing by id (an unknown id names the valid ones) and the template version in force for it today.
import { AppError } from '../core/errors.ts';
import { FILING_IDS, filingById, type FilingDefinition } from '../core/filings/index.ts';
import type { TemplateStore } from '../core/ports.ts';
import { selectVersion } from '../render/select-version.ts';

export function unknownFiling(id: string): AppError {
  return new AppError({
    code: 'filing_unknown',
    message: {
      'zh-CN': `未知的文书类型“${id}”。可用类型：${FILING_IDS.join('、')}。`,
      en: `Unknown filing "${id}". Valid filings: ${FILING_IDS.join(', ')}.`,
    },
    details: { filingId: id, valid: [...FILING_IDS] },
  });
}

export function requireFiling(id: string): FilingDefinition {
  const def = filingById(id);
  if (!def) throw unknownFiling(id);
  return def;
}

/** The published version in force on `date`, or null when there is none. */
export function activeTemplateVersion(templates: TemplateStore, def: FilingDefinition, date: string): string | null {
  try {
    return selectVersion(def.id, templates.versions(def.id), date).version;
  } catch {
    return null;
  }
}
