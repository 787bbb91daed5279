/**
 * Reads a shop's stock file in the shape of Google's local inventory feed
 * (CSV, semicolon-separated CSV as German spreadsheets write it, or
 * tab-separated), and turns each row into an `InventoryItem`, keeping the line
 * number of every problem so the shop can fix its file.
 */
import { parse } from 'csv-parse/sync';
import { InventoryItem } from 'citylab-sdk/contract';
import { issuesToErrors, type ProblemErrors } from './problem.js';

const COLUMNS = ['store_code', 'id', 'itemid', 'gtin', 'quantity', 'price', 'availability', 'pickup_method', 'pickup_sla', 'title', 'brand'] as const;
type Column = (typeof COLUMNS)[number];

export interface ParsedFeed {
  items: InventoryItem[];
  /** Line number in the file of each item. */
  lines: number[];
  errors: ProblemErrors;
}

const AVAILABILITY: Record<string, InventoryItem['availability']> = {
  'in stock': 'in_stock',
  in_stock: 'in_stock',
  'limited availability': 'limited_availability',
  limited_availability: 'limited_availability',
  'out of stock': 'out_of_stock',
  out_of_stock: 'out_of_stock',
  'on display to order': 'on_display_to_order',
  on_display_to_order: 'on_display_to_order',
};
const PICKUP_METHOD: Record<string, InventoryItem['pickup_method']> = {
  buy: 'buy',
  reserve: 'reserve',
  'ship to store': 'ship_to_store',
  ship_to_store: 'ship_to_store',
  'not supported': 'not_supported',
  not_supported: 'not_supported',
};
const PICKUP_SLA: Record<string, InventoryItem['pickup_sla']> = {
  'same day': 'same_day', same_day: 'same_day',
  'next day': 'next_day', next_day: 'next_day',
  '2-day': '2_day', '2_day': '2_day',
  '3-day': '3_day', '3_day': '3_day',
  '4-day': '4_day', '4_day': '4_day',
  '5-day': '5_day', '5_day': '5_day',
  '6-day': '6_day', '6_day': '6_day',
  'multi-week': 'multi_week', multi_week: 'multi_week',
};

export function detectDelimiter(text: string, mediaType: string): string {
  if (mediaType === 'text/tab-separated-values') return '\t';
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = (['\t', ';', ','] as const).map((d) => [d, header.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

export function parseInventoryFeed(text: string, mediaType: string, storeId: string): ParsedFeed {
  const errors: ProblemErrors = [];
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      delimiter: detectDelimiter(text, mediaType),
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    return { items: [], lines: [], errors: [{ ...(line ? { line } : {}), reason: `the file cannot be read: ${(err as Error).message}` }] };
  }
  const [head, ...body] = rows;
  if (!head) return { items: [], lines: [], errors: [{ line: 1, reason: 'the file is empty: expected a header line' }] };

  const header = head.record.map((h) => h.toLowerCase().replace(/[\s-]+/g, '_'));
  for (const name of header) {
    if (!(COLUMNS as readonly string[]).includes(name)) {
      errors.push({ line: head.info.lines, field: name, reason: `unknown column "${name}"; known columns: ${COLUMNS.join(', ')}` });
    }
  }
  if (!header.includes('id') && !header.includes('itemid')) errors.push({ line: head.info.lines, field: 'id', reason: 'missing column "id" (the shop\'s article number)' });
  for (const required of ['gtin', 'price'] as const) {
    if (!header.includes(required)) errors.push({ line: head.info.lines, field: required, reason: `missing column "${required}"` });
  }
  if (!header.includes('quantity') && !header.includes('availability')) {
    errors.push({ line: head.info.lines, field: 'quantity', reason: 'give a "quantity" or an "availability" column' });
  }
  if (errors.length) return { items: [], lines: [], errors };

  const items: InventoryItem[] = [];
  const lines: number[] = [];
  for (const { record, info } of body) {
    const line = info.lines;
    if (record.length !== header.length) {
      errors.push({ line, reason: `expected ${header.length} fields, found ${record.length}` });
      continue;
    }
    const cell = new Map<Column, string>();
    header.forEach((name, i) => { if (record[i] !== '') cell.set(name as Column, record[i]!); });
    const rowErrors: ProblemErrors = [];
    const storeCode = cell.get('store_code');
    if (storeCode !== undefined && storeCode !== storeId) {
      rowErrors.push({ line, field: 'store_code', reason: `belongs to store "${storeCode}", not "${storeId}"` });
    }
    const candidate: Record<string, unknown> = { sku: cell.get('id') ?? cell.get('itemid'), gtin: cell.get('gtin') };
    const quantity = cell.get('quantity');
    if (quantity !== undefined) candidate.quantity = /^\d+$/.test(quantity) ? Number(quantity) : quantity;
    const price = cell.get('price');
    if (price !== undefined) {
      const m = /^(\d{1,9}(?:[.,]\d{1,2})?)\s*([A-Za-z]{3})?$/.exec(price);
      if (m) candidate.price = { amount: m[1]!.replace(',', '.'), currency: (m[2] ?? 'EUR').toUpperCase() };
      else rowErrors.push({ line, field: 'price', reason: `"${price}" is not a price like "12.99 EUR"` });
    }
    mapEnum(cell, 'availability', AVAILABILITY, candidate, rowErrors, line);
    mapEnum(cell, 'pickup_method', PICKUP_METHOD, candidate, rowErrors, line);
    mapEnum(cell, 'pickup_sla', PICKUP_SLA, candidate, rowErrors, line);
    for (const key of ['title', 'brand'] as const) if (cell.has(key)) candidate[key] = cell.get(key);

    const parsed = InventoryItem.safeParse(candidate);
    if (!parsed.success) {
      const known = new Set(rowErrors.map((e) => e.field));
      for (const e of issuesToErrors(parsed.error.issues)) {
        const field = feedColumn(e.path ?? '');
        if (!known.has(field)) rowErrors.push({ line, field, reason: e.reason });
      }
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else if (parsed.success) {
      items.push(parsed.data);
      lines.push(line);
    }
  }
  return { items, lines, errors };
}

function mapEnum<T>(
  cell: Map<Column, string>,
  column: Column,
  table: Record<string, T>,
  candidate: Record<string, unknown>,
  errors: ProblemErrors,
  line: number,
): void {
  const raw = cell.get(column);
  if (raw === undefined) return;
  const value = table[raw.toLowerCase()];
  if (value === undefined) {
    errors.push({ line, field: column, reason: `"${raw}" is not one of: ${[...new Set(Object.keys(table).filter((k) => !k.includes('_')))].join(', ')}` });
  } else candidate[column] = value;
}

/** Names the feed column behind a schema path ("price.amount" → "price"). */
function feedColumn(path: string): string {
  const head = path.split('.')[0] ?? '';
  return head === 'sku' ? 'id' : head;
}
