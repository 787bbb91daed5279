/**
 * The one storage interface the routes use. Asynchronous throughout, so that
 * the PostgreSQL implementation fits without changing any caller; SQLite
 * (embedded, zero set-up) is the default.
 */
import type { City, Product, Store, StorePatch } from '../../shared/schemas.js';
import type { InventoryMode, InventoryPlan, StockRow } from '../inventory-plan.js';
import type { InventoryItem } from '../../shared/schemas.js';

export type { StockRow };

export interface ApplyInventoryInput {
  storeId: string;
  mode: InventoryMode;
  items: readonly InventoryItem[];
  dryRun: boolean;
  now: string;
}

export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies pending migrations. Safe to call on every start. */
  init(): Promise<void>;
  close(): Promise<void>;
  /** True when no town, shop or product has been stored yet. */
  isEmpty(): Promise<boolean>;
  /**
   * Changes whenever shops, products or stock change (through this instance or any other
   * writer), so answers derived from them can be cached until it does.
   */
  changeToken(): Promise<string>;

  getCity(): Promise<City | null>;
  setCity(city: City): Promise<void>;

  listStores(): Promise<Store[]>;
  getStore(id: string): Promise<Store | null>;
  /** Returns false when the id is taken. */
  createStore(store: Store, keyHash: string): Promise<boolean>;
  updateStore(id: string, patch: StorePatch, now: string): Promise<Store | null>;
  /** Replaces the shop's key hash; the old key stops working at once. */
  setStoreKeyHash(id: string, keyHash: string): Promise<boolean>;
  storeIdForKeyHash(keyHash: string): Promise<string | null>;

  getProduct(gtin: string): Promise<Product | null>;
  searchProducts(query: string, limit: number): Promise<Product[]>;
  /** Inserts or replaces products (the town operator's catalogue, or the demo seed). */
  putProducts(products: readonly Product[]): Promise<void>;

  /** Every shop's row for the product. */
  stockByGtin(gtin: string): Promise<StockRow[]>;
  stockBySku(storeId: string, sku: string): Promise<StockRow | null>;
  stockOfStore(storeId: string): Promise<StockRow[]>;
  /**
   * Plans and applies an upload in one transaction: either every row is
   * applied or none (the plan's errors say why). A dry run plans only.
   */
  applyInventory(input: ApplyInventoryInput): Promise<InventoryPlan>;
}
