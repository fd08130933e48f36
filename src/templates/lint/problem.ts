// One finding of the template linter, as every part of the linter reports it (code, severity, file, tag, zh/en).

export interface LintProblem {
  /** Part of the archive (`word/document.xml`) or template file the problem is in; absent for the archive itself. */
  file?: string;
  /** The offending tag, name or snippet, as written. */
  tag?: string;
  /** Stable snake_case code. */
  code: string;
  severity: 'error' | 'warning';
  explanation: { zh: string; en: string };
}

export function lintProblem(code: string, severity: 'error' | 'warning', zh: string, en: string, where: { file?: string; tag?: string } = {}): LintProblem {
  return {
    ...(where.file !== undefined ? { file: where.file } : {}),
    ...(where.tag !== undefined ? { tag: where.tag } : {}),
    code,
    severity,
    explanation: { zh, en },
  };
}

export const hasErrors = (problems: readonly LintProblem[]): boolean => problems.some((p) => p.severity === 'error');

const KiB = 1024;
const MiB = 1024 * KiB;

/** A byte count for explanations: "1.5 MiB", "12.0 KiB", "300 B". */
export const fmtBytes = (n: number): string => (n >= MiB ? `${(n / MiB).toFixed(1)} MiB` : n >= KiB ? `${(n / KiB).toFixed(1)} KiB` : `${n} B`);

/** 1-based line of `offset` in `text`, by binary search over line starts computed once. */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) this.starts.push(k + 1);
  }
  line(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
  /** Offset of a 1-based line and 0-based column (Handlebars' positions). */
  offset(line: number, column: number, fallback: number): number {
    return (this.starts[line - 1] ?? fallback) + column;
  }
}
