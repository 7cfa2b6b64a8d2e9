/** Problems found in an import file, each naming its line and field. Pure. */

export interface LineIssue {
  line: number;
  field: string;
  message: string;
}

/** Collects issues: counts all of them, keeps the first `keep` (by line) for the report. */
export class IssueList {
  private kept: LineIssue[] = [];
  private sorted = true;
  count = 0;
  readonly badLines = new Set<number>();

  constructor(private readonly keep = 1000) {}

  add(issue: LineIssue): void {
    this.count++;
    this.badLines.add(issue.line);
    if (this.kept.length < this.keep * 2) {
      const last = this.kept[this.kept.length - 1];
      if (last && last.line > issue.line) this.sorted = false;
      this.kept.push(issue);
    }
    if (this.kept.length >= this.keep * 2) this.compact();
  }

  private compact(): void {
    this.kept.sort((a, b) => a.line - b.line);
    this.kept.length = Math.min(this.kept.length, this.keep);
    this.sorted = true;
  }

  /** The kept issues in line order (at most `keep`). */
  list(): LineIssue[] {
    if (!this.sorted || this.kept.length > this.keep) this.compact();
    return [...this.kept];
  }
}

export function formatIssue(issue: LineIssue): string {
  return `line ${issue.line}: ${issue.field}: ${issue.message}`;
}

/** The report lines for a person: the first `max` issues and how many more there are. */
export function formatIssues(issues: readonly LineIssue[], total: number, max = 100): string[] {
  const out = issues.slice(0, max).map(formatIssue);
  if (total > out.length) out.push(`… and ${total - out.length} more ${total - out.length === 1 ? 'problem' : 'problems'}`);
  return out;
}
