/**
 * The fictional demo town: Arnsberg's old town (Sauerland, Südwestfalen) with
 * fourteen invented independent shops, their catalogue and their stock.
 *
 * Every shop, brand, product, phone number and address here is made up (phone
 * numbers come from the Bundesnetzagentur's range reserved for fiction, +49 30 23125 xxx); the
 * streets are real streets of Arnsberg's old town, the websites and e-mail
 * addresses use the reserved `.example` domain, and all GTINs use the GS1
 * restricted-circulation prefix 200, so they can never match a real product.
 *
 * The data is plain and deterministic (no clock, no randomness): the server's
 * `--seed-demo` loads it, adding each shop's `updated_at` at seeding time.
 *
 * Three files in town/: the town and its shops (shops.ts), the catalogue
 * (catalogue.ts) and each shop's stock (inventory.ts).
 */
export { city, stores, type DemoStore } from './town/shops.js';
export { products } from './town/catalogue.js';
export { inventory } from './town/inventory.js';
