/** Errors that services throw and the HTTP layer turns into 4xx responses (problem+json or an error page). */

export interface FieldIssue {
  /** The offending field, e.g. "texts.en.title", "page", or a CSV column name. */
  field: string;
  message: string;
  /** Line number in an import file, when the issue comes from one. */
  line?: number;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    /** Stable machine-readable code, also the last segment of the problem type URI. */
    readonly code: string,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export class ValidationError extends AppError {
  constructor(issues: FieldIssue[], message = describeIssues(issues)) {
    super(400, 'validation', message, issues);
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Not found') {
    super(404, 'not-found', message);
    this.name = 'NotFoundError';
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'You are not allowed to do this') {
    super(403, 'forbidden', message);
    this.name = 'ForbiddenError';
  }
}

export class UnauthorizedError extends AppError {
  constructor(message = 'Sign in to continue') {
    super(401, 'unauthorized', message);
    this.name = 'UnauthorizedError';
  }
}

export class ConflictError extends AppError {
  constructor(message: string, issues?: FieldIssue[]) {
    super(409, 'conflict', message, issues);
    this.name = 'ConflictError';
  }
}

export function describeIssues(issues: FieldIssue[]): string {
  const shown = issues.slice(0, 5).map((i) => `${i.line !== undefined ? `line ${i.line}: ` : ''}${i.field}: ${i.message}`);
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  return `Invalid input: ${shown.join('; ')}${more}`;
}

