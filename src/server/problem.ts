/**
 * RFC 9457 problem details. Every error the endpoint sends goes through here so
 * that `type` and `code` stay stable and `detail` stays human.
 */
import * as z from 'zod/mini';
import { PROBLEMS, problemType, type Problem, type ProblemCode } from 'citylab-sdk/contract';

// zod/mini ships without messages ("Invalid input"); the endpoint's answers should say what is wrong.
z.config(z.locales.en());

export type { ProblemCode };

export type ProblemErrors = NonNullable<Problem['errors']>;

export interface ProblemOptions {
  /** Per-field or per-line errors, where the input was at fault. */
  errors?: ProblemErrors | undefined;
  headers?: Record<string, string> | undefined;
  /** Extension members, e.g. `available` on insufficient-stock. */
  extra?: Record<string, unknown> | undefined;
}

/**
 * Thrown anywhere in a request; the app's error handler turns it into a problem response.
 * Only the code is given: its HTTP status is the contract's (`PROBLEMS`), so the status a
 * route answers and the one the elements and the OpenAPI document expect cannot disagree.
 */
export class ProblemError extends Error {
  readonly errors?: ProblemErrors | undefined;
  readonly headers?: Record<string, string> | undefined;
  readonly extra?: Record<string, unknown> | undefined;

  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    options: ProblemOptions = {},
  ) {
    super(detail);
    this.errors = options.errors;
    this.headers = options.headers;
    this.extra = options.extra;
  }

  get status(): number {
    return PROBLEMS[this.code].status;
  }

  toProblem(instance?: string): Problem {
    return {
      type: problemType(this.code),
      title: PROBLEMS[this.code].title,
      status: this.status,
      detail: this.detail,
      code: this.code,
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extra,
    };
  }
}

interface IssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
}

/** Turns zod issues into `errors` entries a person can act on. */
export function issuesToErrors(issues: readonly IssueLike[]): ProblemErrors {
  const errors: ProblemErrors = [];
  for (const issue of issues) {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) {
        errors.push({ path: base ? `${base}.${key}` : key, reason: 'unknown field' });
      }
    } else if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) {
      errors.push({ path: base, reason: 'required' });
    } else {
      errors.push({ path: base, reason: issue.message });
    }
  }
  return errors;
}

export function validationProblem(issues: readonly IssueLike[], what = 'The request'): ProblemError {
  const errors = issuesToErrors(issues);
  const first = errors[0];
  const summary = first ? `${first.path || 'body'}: ${first.reason}` : 'invalid';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new ProblemError('validation-failed', `${what} is not valid: ${summary}${more}.`, { errors });
}
