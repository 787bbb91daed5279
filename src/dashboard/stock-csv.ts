/**
 * The shop's stock as a file to download, in the columns of Google's local
 * inventory feed that the upload reads, semicolon-separated with German
 * decimal commas (what a German spreadsheet opens without asking). A cell that
 * a spreadsheet would run as a formula (=, +, -, @, tab, carriage return at
 * its start) is prefixed with an apostrophe (OWASP's advice on CSV injection).
 */
export interface StockItem {
  sku: string;
  gtin: string;
  quantity?: number;
  held?: number;
  availability?: string;
  price: { amount: string; currency: string };
  pickup_method?: string;
  pickup_sla?: string;
  updated_at: string;
  /** The shop's own title, when it gave one. */
  title?: string;
  /** The town's name of the product. */
  product_name?: string;
}

const COLUMNS = ['store_code', 'id', 'gtin', 'quantity', 'price', 'availability', 'pickup_method', 'pickup_sla'] as const;

export function escapeCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function stockCsv(storeId: string, items: readonly StockItem[]): string {
  const rows = items.map((i) => [
    storeId,
    i.sku,
    i.gtin,
    i.quantity === undefined ? '' : String(i.quantity),
    `${i.price.amount.replace('.', ',')} ${i.price.currency}`,
    i.availability ?? '',
    i.pickup_method ?? '',
    i.pickup_sla ?? '',
  ]);
  return [COLUMNS.join(';'), ...rows.map((r) => r.map(escapeCell).join(';'))].join('\r\n') + '\r\n';
}
