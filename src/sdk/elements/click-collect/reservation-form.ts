/**
 * The reservation form: what the shopper typed (kept across failures and
 * "another reservation"), checked in the browser with the contract's own
 * ReservationCreate schema — the endpoint checks with the same one — and how
 * many units may be asked for at a shop.
 */
import { MAX_RESERVATION_QUANTITY } from '../../contract/reservations.js';
import { ReservationCreate, type Offer } from '../../contract/schemas.js';
import type { Lang } from '../internal/lang.js';
import type { DialogStrings } from './dialog-strings.js';
import { maxQuantity } from './offers.js';

export type Field = 'store' | 'quantity' | 'name' | 'email' | 'phone' | 'privacy';
/** In the order the form shows them: the first with a message gets the focus. */
export const FIELDS: readonly Field[] = ['store', 'quantity', 'name', 'email', 'phone', 'privacy'];
export type FieldErrors = Partial<Record<Field, string>>;

/** What a check needs besides the fields: the product, the chosen shop's offer, the language. */
export interface FormContext {
  gtin: string | undefined;
  offer: Offer | undefined;
  lang: Lang;
  t: DialogStrings;
}

export class ReservationForm {
  readonly values = { store: '', quantity: '1', name: '', email: '', phone: '', privacy: false };
  errors: FieldErrors = {};
  /** Units still free per shop, as the endpoint said after a 409. */
  readonly free = new Map<string, number>();

  constructor(private readonly context: () => FormContext) {}

  /** How many units the shopper may ask for at this offer: what the endpoint last said is free, at most the contract's limit. */
  maxFor(o: Offer | undefined): number {
    if (!o) return MAX_RESERVATION_QUANTITY;
    const free = this.free.get(o.store.id);
    return free !== undefined ? Math.max(1, Math.min(free, maxQuantity(o))) : maxQuantity(o);
  }

  /** Checks the form with the contract's schema: the request body when it passes, else a message per field. */
  validate(): { body?: ReservationCreate; errors: FieldErrors } {
    const { gtin, offer, lang, t } = this.context();
    const v = this.values;
    const phone = v.phone.trim();
    const candidate = {
      store: v.store,
      gtin,
      quantity: v.quantity.trim() === '' ? Number.NaN : Number(v.quantity),
      customer: { name: v.name, email: v.email.trim(), ...(phone ? { phone } : {}) },
      privacy_accepted: v.privacy,
      lang,
    };
    const errors: FieldErrors = {};
    const parsed = ReservationCreate.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = fieldOf(issue.path.map(String).join('.'));
        if (!field || errors[field]) continue;
        // The schema's own limit (a name's length): the words follow the contract.
        const limit = issue.code === 'too_big' ? Number(issue.maximum) : undefined;
        errors[field] = messageFor(field, issue.code, limit, t, this.maxFor(offer));
      }
    }
    const quantity = candidate.quantity;
    if (!errors.quantity && offer && Number.isInteger(quantity) && quantity > this.maxFor(offer)) {
      const free = this.free.get(offer.store.id) ?? offer.max_quantity ?? offer.quantity;
      errors.quantity = free !== undefined && free < MAX_RESERVATION_QUANTITY ? t.errQuantityFree(offer.store.name, free) : t.errQuantityMax(this.maxFor(offer));
    }
    return parsed.success && Object.keys(errors).length === 0 ? { body: parsed.data, errors } : { errors };
  }

  /** Takes a field's new value; a field with a message loses it once it passes. */
  input(target: HTMLInputElement): void {
    const name = target.name as Field;
    if (name === 'privacy') this.values.privacy = target.checked;
    else this.values[name] = target.value;
    if (this.errors[name] && !this.validate().errors[name]) delete this.errors[name];
  }

  /** The first field that needs a change, in the form's order. */
  firstInvalid(): Field | undefined {
    return FIELDS.find((f) => this.errors[f]);
  }
}

/** The form field a contract path (the schema's, or the endpoint's problem) belongs to. */
export function fieldOf(path: string): Field | undefined {
  if (path === 'store' || path === 'quantity') return path;
  if (path === 'customer.name') return 'name';
  if (path === 'customer.email') return 'email';
  if (path === 'customer.phone') return 'phone';
  if (path === 'privacy_accepted') return 'privacy';
  return undefined;
}

function messageFor(field: Field, code: string, limit: number | undefined, t: DialogStrings, max: number): string {
  switch (field) {
    case 'store':
      return t.errShop;
    case 'quantity':
      return code === 'too_big' ? t.errQuantityMax(max) : t.errQuantity;
    case 'name':
      return limit !== undefined ? t.errNameLong(limit) : t.errName;
    case 'email':
      return t.errEmail;
    case 'phone':
      return t.errPhone;
    case 'privacy':
      return t.errPrivacy;
  }
}
