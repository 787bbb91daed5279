/** What each demo shop has in stock, at which price, and how it is collected (see ../town.ts). */
import type { InventoryItem, PickupMethod, PickupSla } from '../../src/sdk/contract/schemas.js';
import { catalogue, type Key } from './catalogue.js';

// ----------------------------------------------------------------- inventory

/**
 * Stock: a quantity (the state follows from the shop's threshold), or an
 * explicit state for shops that count only roughly or show display pieces.
 */
type Stock = number | 'display' | 'in_stock' | 'limited';

interface ShopDefaults {
  /** How this shop's stock is collected: 'reserve' by default, 'not_supported' without click & collect. */
  method: PickupMethod;
  sla: PickupSla;
}

type Row = [product: Key, sku: string, price: string, stock: Stock, pickup?: { method?: PickupMethod; sla?: PickupSla }];

function shop(defaults: ShopDefaults, rows: Row[]): InventoryItem[] {
  return rows.map(([key, sku, amount, stock, pickup]) => {
    const item: InventoryItem = {
      sku,
      gtin: catalogue[key].gtin,
      price: { amount, currency: 'EUR' },
      pickup_method: pickup?.method ?? defaults.method,
      pickup_sla: pickup?.sla ?? defaults.sla,
    };
    if (typeof stock === 'number') item.quantity = stock;
    else if (stock === 'display') item.availability = 'on_display_to_order';
    else if (stock === 'limited') item.availability = 'limited_availability';
    else item.availability = 'in_stock';
    return item;
  });
}

const reserve = (sla: PickupSla): ShopDefaults => ({ method: 'reserve', sla });
const notSupported: ShopDefaults = { method: 'not_supported', sla: 'same_day' };
/** Ordered from the supplier and collected in the shop. */
const order = (sla: PickupSla) => ({ method: 'ship_to_store' as const, sla });

export const inventory: Record<string, InventoryItem[]> = {
  'buchhandlung-am-markt': shop(reserve('same_day'), [
    ['roman', 'BU-10023', '14.00', 7],
    ['wanderfuehrer', 'BU-10031', '16.90', 2],
    ['kochbuch', 'BU-10047', '28.00', 0, order('next_day')],
    ['bilderbuch', 'BU-10052', '15.00', 4],
    ['bildband', 'BU-10068', '39.90', 1],
    ['gedichte', 'BU-10075', '20.00', 3],
    ['kalender', 'BU-20011', '19.95', 12],
    ['grusskarten', 'BU-20019', '12.50', 6],
    ['puzzle', 'BU-30004', '19.99', 0, order('next_day')],
  ]),

  'schuhhaus-kersting': shop(reserve('same_day'), [
    ['sneaker', '5120-N', '119.00', 6],
    ['chelsea', '5230-C', '169.00', 2],
    ['wanderschuh', '6105-B', '149.95', 0, order('3_day')],
    ['hausschuh', '7040-G', '49.90', 9],
    ['lauflern', '8012-I', '59.90', 3],
    ['socken', '9901-M', '24.95', 20],
  ]),

  'wohnraum-einrichtung': shop(reserve('next_day'), [
    ['sessel', 'WR/26/0815', '1290.00', 'display', order('multi_week')],
    ['beistelltisch', 'WR/26/0821', '349.00', 2],
    ['wandregal', 'WR/26/0833', '219.00', 0, order('multi_week')],
    ['hocker', 'WR/26/0790', '189.00', 'display', order('multi_week')],
    ['sitzkissen', 'WR/25/1102', '39.90', 8],
    ['wolldecke', 'WR/25/1140', '129.00', 3],
    ['tischleuchte', 'WR/26/0902', '189.00', 1],
    ['stehleuchte', 'WR/26/0905', '429.00', 'display', order('5_day')],
    ['vase', 'WR/26/0911', '59.00', 2],
    ['schneidebrett', 'WR/25/1207', '45.00', 5],
  ]),

  'lichtwerk-leuchten': shop(reserve('same_day'), [
    ['tischleuchte', 'LW-TL-0042', '189.00', 5],
    ['stehleuchte', 'LW-SL-0017', '429.00', 1],
    ['pendelleuchte', 'LW-PL-0088', '249.00', 'display', order('5_day')],
    ['leuchtmittel', 'LW-LM-2700', '7.95', 40],
    ['akkuleuchte', 'LW-TL-0107', '89.00', 0, order('4_day')],
    ['lichterkette', 'LW-DE-0020', '24.90', 12],
    // Staged in the showroom with the partner's furniture.
    ['sessel', 'LW-PA-0003', '1290.00', 1, { sla: 'next_day' }],
  ]),

  'keramik-am-glockenturm': shop(notSupported, [
    ['vase', 'K-118', '59.00', 4],
    ['becher', 'K-204', '24.00', 'in_stock'],
    ['teller', 'K-207', '26.00', 10],
    ['teekanne', 'K-311', '79.00', 1],
    ['windlicht', 'K-415', '34.00', 'limited'],
    ['duftkerze', 'K-502', '18.50', 0],
    ['grusskarten', 'K-900', '12.50', 5],
  ]),

  'spielwaren-sonnenschein': shop(reserve('same_day'), [
    ['eisenbahn', '00045871', '79.99', 3],
    ['bausteine', '00045902', '39.99', 4],
    ['puzzle', '00051203', '19.99', 6],
    ['fuchs', '00038820', '24.95', 1],
    ['brettspiel', '00060117', '34.99', 0, order('2_day')],
    ['buntstifte', '00012044', '12.99', 15],
    ['bilderbuch', '00070031', '15.00', 2],
    ['lichterkette', '00080015', '22.90', 5],
  ]),

  'sauerland-outdoor': shop(reserve('same_day'), [
    ['rucksack', 'SO-RUC-28-MG', '119.95', 4],
    ['trinkflasche', 'SO-TRI-075-ES', '29.95', 18],
    ['softshell', 'SO-JAC-KA-D', '189.00', 2],
    ['stoecke', 'SO-STO-CB', '99.00', 0, order('3_day')],
    ['stirnlampe', 'SO-LAM-300', '49.95', 7],
    ['socken', 'SO-SOC-MER-2', '24.95', 3],
    ['wanderschuh', 'SO-SHU-RS', '149.95', 5],
    ['sneaker', 'SO-SHU-RT', '119.00', 1],
    ['wanderfuehrer', 'SO-BUC-AW', '16.90', 8],
    ['thermoskanne', 'SO-THE-1000', '34.95', 1],
    ['fahrradtasche', 'SO-TAS-20', '79.95', 2],
    ['muetze', 'SO-MUE-ZO', '29.95', 6],
  ]),

  'modehaus-brinkmann': shop(reserve('same_day'), [
    ['pullover', 'MB 26.117.3', '139.00', 5],
    ['schal', 'MB 26.204.1', '59.95', 2],
    ['jeans', 'MB 26.311.2', '99.95', 11],
    ['regenjacke', 'MB 26.150.7', '149.00', 0, order('5_day')],
    ['muetze', 'MB 25.090.4', '29.95', 9],
    ['wolldecke', 'MB 25.400.1', '129.00', 1],
    ['socken', 'MB 26.500.2', '24.95', 4],
    ['sneaker', 'MB 26.610.5', '119.00', 3],
    ['chelsea', 'MB 26.620.1', '169.00', 0],
  ]),

  'haushaltswaren-vogt': shop(reserve('same_day'), [
    ['waeschekorb', 'HV4471', '39.95', 3],
    ['buerstenset', 'HV2210', '19.95', 12],
    ['vorratsdosen', 'HV3302', '24.95', 7],
    ['thermoskanne', 'HV3580', '34.95', 0, order('2_day')],
    ['schneidebrett', 'HV3390', '42.00', 6],
    ['trinkflasche', 'HV3601', '27.95', 9],
    ['teller', 'HV3115', '26.00', 8],
    ['sitzkissen', 'HV5120', '39.90', 2],
    ['wolldecke', 'HV5188', '119.00', 4],
    ['hausschuh', 'HV5302', '45.00', 3],
    ['tischleuchte', 'HV6012', '189.00', 0, order('5_day')],
    ['leuchtmittel', 'HV6107', '7.95', 25],
    ['lichterkette', 'HV6250', '24.90', 0],
  ]),

  'papeterie-feder': shop(reserve('same_day'), [
    ['notizbuch', 'P-0912', '18.90', 25],
    ['fueller', 'P-0447', '49.00', 2],
    ['kalender', 'P-1027', '19.95', 1],
    ['grusskarten', 'P-0310', '12.50', 14],
    ['buntstifte', 'P-0205', '12.99', 0, order('2_day')],
    ['fotoalbum', 'P-0560', '29.90', 3],
  ]),

  'radhaus-ruhrtal': shop(notSupported, [
    ['helm', 'RR-ZUB-1200', '89.90', 4],
    ['schloss', 'RR-ZUB-1315', '79.00', 1],
    ['fahrradtasche', 'RR-ZUB-1450', '79.95', 6],
    ['fahrradlicht', 'RR-ZUB-1502', '59.90', 0],
    ['trinkflasche', 'RR-ZUB-1610', '29.95', 10],
    ['stirnlampe', 'RR-ZUB-1720', '49.95', 2],
  ]),

  'musikhaus-klangraum': shop(reserve('same_day'), [
    ['gitarre', 'KR-1055', '249.00', 2],
    ['ukulele', 'KR-1102', '69.00', 5],
    ['notenstaender', 'KR-2040', '24.90', 7],
    ['saiten', 'KR-2105', '12.90', 18],
    ['schallplatte', 'KR-3301', '27.99', 0, order('6_day')],
  ]),

  kuechenkontor: shop(reserve('same_day'), [
    ['pfanne', 'KK.2231', '89.00', 3],
    ['messer', 'KK.4105', '149.00', 1],
    ['schneidebrett', 'KK.3307', '45.00', 4],
    ['vorratsdosen', 'KK.3410', '24.95', 0],
    ['frenchpress', 'KK.5120', '39.95', 6],
    ['teekanne', 'KK.5230', '79.00', 'display', order('5_day')],
    ['teesieb', 'KK.5301', '9.95', 11],
    ['thermoskanne', 'KK.5402', '34.95', 3],
    ['becher', 'KK.5510', '24.00', 6],
    ['kochbuch', 'KK.9001', '28.00', 2],
  ]),

  'teehaus-am-neumarkt': shop(reserve('same_day'), [
    ['kraeutertee', 'T-10-01', '7.90', 24],
    ['sencha', 'T-20-04', '9.50', 2],
    ['teesieb', 'T-50-07', '9.95', 5],
    ['frenchpress', 'T-50-12', '39.95', 1],
    ['thermoskanne', 'T-50-20', '34.95', 4],
    ['teekanne', 'T-60-02', '79.00', 2],
    ['becher', 'T-60-10', '24.00', 8],
    ['vase', 'T-70-01', '59.00', 'display', order('2_day')],
    ['honig', 'T-80-11', '12.90', 0],
  ]),
};
