import type { Finding } from '../classifier/types.js';
import { CATEGORIES } from '../core/categories.js';

export interface Style {
  mark(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export const PLAIN: Style = { mark: (s) => `[[${s}]]`, dim: (s) => s, bold: (s) => s };
export const ANSI: Style = {
  mark: (s) => `\x1b[1;31;4m${s}\x1b[0m`,
  dim: (s) => `\x1b[2m${s}\x1b[0m`,
  bold: (s) => `\x1b[1m${s}\x1b[0m`,
};

/** The human report for one text: each finding highlighted in its line, with why and a suggested rewrite. */
export function formatFindings(
  text: string,
  findings: readonly Finding[],
  style: Style,
  title?: string,
): string {
  const lines: string[] = [];
  if (title) lines.push(style.bold(title));
  if (findings.length === 0) {
    lines.push('  no findings');
    return lines.join('\n');
  }
  for (const f of findings) {
    const lineStart = text.lastIndexOf('\n', f.start - 1) + 1;
    const nl = text.indexOf('\n', f.end);
    const lineEnd = nl === -1 ? text.length : nl;
    const from = Math.max(lineStart, f.start - 60);
    const to = Math.min(lineEnd, f.end + 60);
    const excerpt = `${from > lineStart ? '…' : ''}${text.slice(from, f.start)}${style.mark(text.slice(f.start, f.end))}${text.slice(f.end, to)}${to < lineEnd ? '…' : ''}`;
    const where = f.field ? `${f.field} ${f.start}-${f.end}` : `${f.start}-${f.end}`;
    lines.push(
      `  ${style.bold(CATEGORIES[f.category].label)} (${f.category}, ${f.severity}) ${style.dim(`at ${where}, rule ${f.ruleId}`)}`,
    );
    lines.push(`    ${excerpt}`);
    lines.push(`    why: ${f.message}`);
    lines.push(`    suggestion: ${f.suggestion}`);
  }
  return lines.join('\n');
}
