/**
 * RFC 9457 problem details. Every error the endpoint sends goes through here so
 * that `type` and `code` stay stable and `detail` stays human.
 */
import * as z from 'zod/mini';
import { PROBLEMS, problemType, type Problem, type ProblemCode } from 'citylab-sdk/contract';

// zod/mini ships without messages ("Invalid input"); the endpoint's answers should say what is wrong.
z.config(z.locales.en());

export type { ProblemCode };

/** The languages a problem's `detail` is written in; German unless the client prefers English. */
export type Lang = 'de' | 'en';

/** A detail in both languages; a plain string is English, and German readers get the code's sentence below. */
export type Detail = string | { de: string; en: string };

/** German for each code, where a route gave its detail in English only. */
const GERMAN: Record<ProblemCode, string> = {
  'not-found': 'Das gibt es hier nicht.',
  'route-not-found': 'Diese Adresse gibt es an der Schnittstelle nicht.',
  'malformed-json': 'Der Inhalt ist kein gültiges JSON.',
  'validation-failed': 'Die Anfrage ist nicht gültig.',
  'invalid-feed': 'Die Bestandsliste wurde nicht übernommen. Es wurde nichts geändert.',
  'unsupported-media-type': 'Dieses Format nimmt die Schnittstelle hier nicht an.',
  'payload-too-large': 'Die Anfrage ist zu groß.',
  unauthorized: 'Dafür braucht es einen gültigen Schlüssel.',
  forbidden: 'Das darf dieser Schlüssel nicht.',
  conflict: 'Das steht im Widerspruch zu vorhandenen Daten.',
  'store-not-found': 'Dieses Geschäft gibt es in dieser Stadt nicht.',
  'product-not-found': 'Dieses Produkt ist hier nicht bekannt.',
  'city-not-configured': 'Für diese Schnittstelle ist noch keine Stadt eingerichtet.',
  'method-not-allowed': 'Diese Methode ist hier nicht erlaubt.',
  'insufficient-stock': 'Es ist nicht mehr genug vorrätig.',
  'not-reservable': 'Das lässt sich nicht reservieren.',
  'idempotency-key-missing': 'Es fehlt der Idempotency-Key-Header.',
  'idempotency-key-reused': 'Dieser Idempotency-Key wurde schon für eine andere Anfrage verwendet.',
  'request-in-progress': 'Diese Anfrage wird noch bearbeitet. Bitte gleich noch einmal versuchen.',
  'rate-limited': 'Zu viele Anfragen. Bitte später noch einmal versuchen.',
  'invalid-transition': 'Dieser Statuswechsel ist nicht möglich.',
  'reservation-not-found': 'Diese Reservierung gibt es nicht, oder der Link ist unvollständig.',
  'not-ready': 'Die Schnittstelle ist gerade nicht bereit.',
  internal: 'An der Schnittstelle ist etwas schiefgegangen. Bitte noch einmal versuchen.',
};

/**
 * The language a request prefers out of German and English (`Accept-Language`, q-values
 * honoured); German when it names neither.
 */
export function preferredLang(acceptLanguage: string | undefined): Lang {
  let best: { lang: Lang; q: number } | undefined;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? 1);
    const lang = tag.startsWith('de') ? 'de' : tag.startsWith('en') ? 'en' : undefined;
    if (lang && Number.isFinite(q) && q > 0 && (!best || q > best.q)) best = { lang, q };
  }
  return best?.lang ?? 'de';
}

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

  /** The English detail (also the error's message). */
  readonly detail: string;
  private readonly german: string | undefined;

  constructor(
    readonly code: ProblemCode,
    detail: Detail,
    options: ProblemOptions = {},
  ) {
    const en = typeof detail === 'string' ? detail : detail.en;
    super(en);
    this.detail = en;
    this.german = typeof detail === 'string' ? undefined : detail.de;
    this.errors = options.errors;
    this.headers = options.headers;
    this.extra = options.extra;
  }

  get status(): number {
    return PROBLEMS[this.code].status;
  }

  /** The detail in `lang`. */
  detailIn(lang: Lang): string {
    return lang === 'en' ? this.detail : (this.german ?? GERMAN[this.code]);
  }

  toProblem(instance?: string, lang: Lang = 'de'): Problem {
    return {
      type: problemType(this.code),
      title: PROBLEMS[this.code].title,
      status: this.status,
      detail: this.detailIn(lang),
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
  const fields = [...new Set(errors.map((e) => e.path || e.field).filter(Boolean))].map((f) => `„${f}“`);
  const de = fields.length
    ? `Die Anfrage ist nicht gültig: bitte ${fields.length === 1 ? 'das Feld' : 'die Felder'} ${fields.slice(0, 5).join(', ')}${fields.length > 5 ? ' …' : ''} prüfen.`
    : 'Die Anfrage ist nicht gültig.';
  return new ProblemError('validation-failed', { en: `${what} is not valid: ${summary}${more}.`, de }, { errors });
}
