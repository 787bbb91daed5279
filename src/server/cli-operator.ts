/**
 * The town operator's chores on the command line, on the database given by
 * `--db` or DATABASE_URL (a running endpoint sees the change at once): shops
 * (add with hours and click & collect, change, rotate keys, list) and the town's
 * settings. Every input goes through the contract's schemas, as the API's does.
 */
import * as z from 'zod/mini';
import { City, StoreCreate, StorePatch, type ClickAndCollect, type Store } from 'citylab-sdk/contract';
import { parseHoursText } from './hours-text.js';
import { hashKey, newStoreKey } from './keys.js';
import { issuesToErrors } from './problem.js';
import type { Storage } from './storage/types.js';
import { newStore, slugify } from './stores.js';

export type Values = Record<string, string | boolean | undefined>;

/** A mistake in what the operator typed: printed with the usage, exit code 2. */
export class UsageError extends Error {}

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : undefined);

function valid<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) throw new UsageError(`${what} is not valid:\n${issuesToErrors(parsed.error.issues).map((e) => `  ${e.path}: ${e.reason}`).join('\n')}`);
  return parsed.data;
}

function number(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, not "${value}"`);
  return n;
}

function onOff(value: string | undefined, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (['on', 'yes', 'ja', 'true', '1'].includes(value)) return true;
  if (['off', 'no', 'nein', 'false', '0'].includes(value)) return false;
  throw new UsageError(`--${name} is "on" or "off", not "${value}"`);
}

function hours(values: Values) {
  const text = str(values.hours);
  if (text === undefined) return undefined;
  try {
    return parseHoursText(text);
  } catch (err) {
    throw new UsageError(`--hours: ${(err as Error).message}`);
  }
}

/** Click & collect from the flags, over what the shop has (or the defaults of a new shop). */
function clickAndCollect(values: Values, current: ClickAndCollect | undefined): ClickAndCollect | undefined {
  const enabled = onOff(str(values['click-collect']), 'click-collect');
  const ready = number(str(values['ready-within']), 'ready-within');
  const hold = number(str(values['hold-days']), 'hold-days');
  if (enabled === undefined && ready === undefined && hold === undefined) return undefined;
  const base = current ?? { enabled: false, ready_within_minutes: 120, hold_days: 2 };
  return { enabled: enabled ?? base.enabled, ready_within_minutes: ready ?? base.ready_within_minutes, hold_days: hold ?? base.hold_days };
}

const summary = (s: Store) => {
  const open = Object.entries(s.opening_hours.weekly).filter(([, i]) => i.length).map(([d, i]) => `${d} ${i.map((x) => `${x.opens}-${x.closes}`).join(' ')}`);
  return [
    `${s.id}\t${s.name}`,
    `  hours: ${open.length ? open.join('; ') : 'none (the shop shows as closed: give --hours)'}`,
    `  click & collect: ${s.click_and_collect.enabled ? `on, ready within ${s.click_and_collect.ready_within_minutes} min, held ${s.click_and_collect.hold_days} opening days` : 'off'}`,
  ].join('\n');
};

export async function storeCommand(storage: Storage, sub: string | undefined, arg: string | undefined, values: Values, out: (s: string) => void): Promise<void> {
  if (sub === 'add') {
    const body: Record<string, unknown> = {
      name: str(values.name),
      address: { street: str(values.street), postal_code: str(values['postal-code']), city: str(values.city), country: str(values.country) ?? 'DE' },
      location: { lat: number(str(values.lat), 'lat'), lon: number(str(values.lon), 'lon') },
    };
    for (const k of ['id', 'email', 'phone', 'website'] as const) if (str(values[k]) !== undefined) body[k] = str(values[k]);
    const opening = hours(values);
    if (opening) body.opening_hours = opening;
    const cc = clickAndCollect(values, undefined);
    if (cc) body.click_and_collect = cc;
    const shows = onOff(str(values['show-quantities']), 'show-quantities');
    if (shows !== undefined) body.show_quantities = shows;
    const input = valid(StoreCreate, body, 'The shop');
    const city = await storage.getCity();
    const id = input.id ?? slugify(input.name);
    const key = newStoreKey();
    const store = newStore(input, id, { time_zone: city?.time_zone ?? 'Europe/Berlin' }, new Date().toISOString());
    if (!(await storage.createStore(store, hashKey(key)))) throw new UsageError(`a shop with the id "${id}" exists already; give another --id`);
    out(`Added shop "${id}". Its key (shown only now, give it to the shop):\n${key}\n${summary(store)}\n`);
  } else if (sub === 'set') {
    if (!arg) throw new UsageError('give the shop id: citylab-server store set STORE_ID --hours "…" --click-collect on');
    const store = await storage.getStore(arg);
    if (!store) throw new UsageError(`there is no shop "${arg}"`);
    const patch: Record<string, unknown> = {};
    for (const k of ['name', 'email', 'phone', 'website'] as const) if (str(values[k]) !== undefined) patch[k] = str(values[k]);
    const opening = hours(values);
    if (opening) patch.opening_hours = { ...opening, special_days: store.opening_hours.special_days };
    const cc = clickAndCollect(values, store.click_and_collect);
    if (cc) patch.click_and_collect = cc;
    const shows = onOff(str(values['show-quantities']), 'show-quantities');
    if (shows !== undefined) patch.show_quantities = shows;
    if (!Object.keys(patch).length) throw new UsageError('nothing to change: give --hours, --click-collect, --ready-within, --hold-days, --show-quantities, --name, --email, --phone or --website');
    const updated = await storage.updateStore(arg, valid(StorePatch, patch, 'The change'), new Date().toISOString());
    out(`${summary(updated!)}\n`);
  } else if (sub === 'rotate-key') {
    if (!arg) throw new UsageError('give the shop id: citylab-server store rotate-key STORE_ID');
    const key = newStoreKey();
    if (!(await storage.setStoreKeyHash(arg, hashKey(key)))) throw new UsageError(`there is no shop "${arg}"`);
    out(`New key for "${arg}" (the old one no longer works):\n${key}\n`);
  } else if (sub === 'list') {
    for (const s of await storage.listStores()) out(`${s.id}\t${s.name}\n`);
  } else if (sub === 'show') {
    if (!arg) throw new UsageError('give the shop id: citylab-server store show STORE_ID');
    const store = await storage.getStore(arg);
    if (!store) throw new UsageError(`there is no shop "${arg}"`);
    out(`${summary(store)}\n`);
  } else {
    throw new UsageError(`unknown command "store ${sub ?? ''}"`);
  }
}

export async function townCommand(storage: Storage, sub: string | undefined, values: Values, out: (s: string) => void): Promise<void> {
  const current = await storage.getCity();
  if (sub === 'show') {
    if (!current) throw new UsageError('the town has no settings yet: citylab-server town set --name NAME --lat LAT --lon LON');
    out(`${JSON.stringify(current, null, 2)}\n`);
    return;
  }
  if (sub !== 'set') throw new UsageError(`unknown command "town ${sub ?? ''}"`);
  const name = str(values.name) ?? current?.name;
  const lat = number(str(values.lat), 'lat') ?? current?.centre.lat;
  const lon = number(str(values.lon), 'lon') ?? current?.centre.lon;
  const city = valid(
    City,
    {
      ...current,
      id: str(values.id) ?? current?.id ?? (name ? slugify(name) : undefined),
      name,
      country: str(values.country) ?? current?.country ?? 'DE',
      time_zone: str(values['time-zone']) ?? current?.time_zone ?? 'Europe/Berlin',
      centre: { lat, lon },
      map: { zoom: number(str(values.zoom), 'zoom') ?? current?.map.zoom ?? 16 },
      tiles: current?.tiles ?? { type: 'none' },
    },
    'The town',
  );
  await storage.setCity(city);
  out(`Town "${city.name}" saved (centre ${city.centre.lat}, ${city.centre.lon}, zoom ${city.map.zoom}, ${city.time_zone}).\n`);
}
