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
 */
import { withCheckDigit } from '../src/sdk/contract/gtin.js';
import type {
  City,
  InventoryItem,
  OpeningHours,
  PickupMethod,
  PickupSla,
  Product,
  SpecialDay,
  Store,
  TimeInterval,
} from '../src/sdk/contract/schemas.js';

/** A shop as the demo defines it; the seed adds `updated_at`. */
export type DemoStore = Omit<Store, 'updated_at'>;

// ---------------------------------------------------------------------- town

export const city: City = {
  id: 'arnsberg',
  name: 'Arnsberg',
  region: 'Südwestfalen',
  country: 'DE',
  time_zone: 'Europe/Berlin',
  // Alter Markt, at the foot of the Glockenturm.
  centre: { lat: 51.3968, lon: 8.0645 },
  map: { zoom: 16 },
  // The demo never contacts a tile server.
  tiles: { type: 'none' },
  attribution: 'Geschäfte, Produkte und Bestände: frei erfundene Demo-Daten von CityLab. Straßennamen real, alle Geschäfte fiktiv.',
  // Districts and neighbouring towns with their postcodes (approximate centres), so shoppers can
  // type "Neheim" or "59755" instead of sharing their location.
  places: [
    { name: 'Arnsberg (Altstadt)', postal_code: '59821', location: { lat: 51.3968, lon: 8.0645 } },
    { name: 'Arnsberg-Neheim', postal_code: '59755', location: { lat: 51.4497, lon: 7.965 } },
    { name: 'Arnsberg-Hüsten', postal_code: '59759', location: { lat: 51.426, lon: 7.977 } },
    { name: 'Arnsberg-Bruchhausen', postal_code: '59759', location: { lat: 51.41, lon: 8.0 } },
    { name: 'Arnsberg-Herdringen', postal_code: '59757', location: { lat: 51.437, lon: 7.944 } },
    { name: 'Arnsberg-Müschede', postal_code: '59757', location: { lat: 51.4097, lon: 7.9447 } },
    { name: 'Arnsberg-Voßwinkel', postal_code: '59757', location: { lat: 51.47, lon: 7.903 } },
    { name: 'Arnsberg-Oeventrop', postal_code: '59823', location: { lat: 51.393, lon: 8.14 } },
    { name: 'Arnsberg-Rumbeck', postal_code: '59821', location: { lat: 51.385, lon: 8.087 } },
    { name: 'Arnsberg-Wennigloh', postal_code: '59821', location: { lat: 51.362, lon: 8.03 } },
    { name: 'Sundern (Sauerland)', postal_code: '59846', location: { lat: 51.327, lon: 8.004 } },
    { name: 'Meschede', postal_code: '59872', location: { lat: 51.35, lon: 8.284 } },
    { name: 'Wickede (Ruhr)', postal_code: '58739', location: { lat: 51.496, lon: 7.868 } },
    { name: 'Soest', postal_code: '59494', location: { lat: 51.5711, lon: 8.1057 } },
  ],
};

// ------------------------------------------------------------ opening hours

const iv = (opens: string, closes: string): TimeInterval => ({ opens, closes });
const day = (...pairs: [string, string][]): TimeInterval[] => pairs.map(([o, c]) => iv(o, c));
const closed: TimeInterval[] = [];

/** Weekdays the same, Saturday its own, Sunday closed. */
function week(weekday: TimeInterval[], sat: TimeInterval[], overrides: Partial<OpeningHours['weekly']> = {}): OpeningHours['weekly'] {
  return { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat, sun: closed, ...overrides };
}

/** The public holidays of the coming weeks in Nordrhein-Westfalen, with short hours on the eves. */
function holidays(eve: TimeInterval[] = day(['09:00', '13:00']), newYearsEve: TimeInterval[] = day(['09:00', '14:00'])): SpecialDay[] {
  return [
    { date: '2026-12-24', intervals: eve, label: 'Heiligabend' },
    { date: '2026-12-25', intervals: closed, label: '1. Weihnachtstag' },
    { date: '2026-12-26', intervals: closed, label: '2. Weihnachtstag' },
    { date: '2026-12-31', intervals: newYearsEve, label: 'Silvester' },
    { date: '2027-01-01', intervals: closed, label: 'Neujahr' },
  ];
}

/** A late shopping night during the Christmas market (Friday). */
const adventsabend = (intervals: TimeInterval[]): SpecialDay => ({
  date: '2026-12-11',
  intervals,
  label: 'Adventsabend – lange Einkaufsnacht',
});

const byDate = (days: SpecialDay[]): SpecialDay[] => [...days].sort((a, b) => a.date.localeCompare(b.date));

/** Classic small-town hours with a lunch break. */
const lunchBreak = day(['09:30', '13:00'], ['14:30', '18:30']);
const lunchSat = day(['09:30', '14:00']);
const continuous = day(['09:30', '18:30']);
const continuousSat = day(['09:30', '16:00']);

// ------------------------------------------------------------------- shops

const TZ = 'Europe/Berlin';
const PLZ = '59821';

function address(street: string): DemoStore['address'] {
  return { street, postal_code: PLZ, city: 'Arnsberg', country: 'DE' };
}

function contact(slug: string, phone: string): Pick<DemoStore, 'phone' | 'email' | 'website'> {
  return { phone, email: `info@${slug}.example`, website: `https://${slug}.example` };
}

export const stores: DemoStore[] = [
  {
    id: 'buchhandlung-am-markt',
    name: 'Buchhandlung am Markt',
    description: 'Inhabergeführte Buchhandlung mit Regionalia, Kinderbüchern und Bestellservice – bis 18 Uhr bestellt, am nächsten Morgen da.',
    address: address('Alter Markt 12'),
    location: { lat: 51.39688, lon: 8.06428 },
    ...contact('buchhandlung-am-markt', '+49 30 23125 120'),
    time_zone: TZ,
    opening_hours: {
      weekly: week(continuous, continuousSat),
      special_days: byDate([...holidays(), adventsabend(day(['09:30', '21:00']))]),
    },
    click_and_collect: { enabled: true, ready_within_minutes: 60, hold_days: 3 },
    show_quantities: true,
    low_stock_threshold: 2,
  },
  {
    id: 'schuhhaus-kersting',
    name: 'Schuhhaus Kersting',
    description: 'Schuhe für Damen, Herren und Kinder seit drei Generationen, mit Fußvermessung und Reparaturannahme.',
    address: address('Steinweg 8'),
    location: { lat: 51.39612, lon: 8.06302 },
    ...contact('schuhhaus-kersting', '+49 30 23125 131'),
    time_zone: TZ,
    opening_hours: {
      weekly: week(lunchBreak, lunchSat),
      special_days: byDate([...holidays(), adventsabend(day(['09:30', '13:00'], ['14:30', '21:00']))]),
    },
    click_and_collect: { enabled: true, ready_within_minutes: 120, hold_days: 2 },
    show_quantities: false,
    low_stock_threshold: 2,
  },
  {
    id: 'wohnraum-einrichtung',
    name: 'Wohnraum Einrichtung & Design',
    description: 'Möbel, Leuchten und Wohnaccessoires aus kleinen Werkstätten. Ausstellungsstücke können Sie bei uns Probe sitzen.',
    address: address('Königstraße 21'),
    location: { lat: 51.39741, lon: 8.06012 },
    ...contact('wohnraum-einrichtung', '+49 30 23125 145'),
    time_zone: TZ,
    opening_hours: {
      // Closed all Monday.
      weekly: week(day(['10:00', '18:00']), day(['10:00', '16:00']), { mon: closed }),
      special_days: byDate([
        ...holidays(day(['10:00', '13:00']), day(['10:00', '14:00'])),
        { date: '2027-01-02', intervals: closed, label: 'Inventur' },
      ]),
    },
    click_and_collect: { enabled: true, ready_within_minutes: 1440, hold_days: 3 },
    show_quantities: false,
    low_stock_threshold: 2,
  },
  {
    id: 'lichtwerk-leuchten',
    name: 'Lichtwerk Leuchten',
    description: 'Fachgeschäft für Leuchten und Lichtplanung. Wir beraten Sie gern zu Leuchtmitteln und Lichtfarben.',
    address: address('Schlossstraße 5'),
    location: { lat: 51.39765, lon: 8.06581 },
    ...contact('lichtwerk-leuchten', '+49 30 23125 152'),
    time_zone: TZ,
    opening_hours: {
      // Wednesday afternoon closed.
      weekly: week(lunchBreak, lunchSat, { wed: day(['09:30', '13:00']) }),
      special_days: byDate([...holidays()]),
    },
    click_and_collect: { enabled: true, ready_within_minutes: 240, hold_days: 2 },
    show_quantities: false,
    low_stock_threshold: 3,
  },
  {
    id: 'keramik-am-glockenturm',
    name: 'Keramik & Geschenke am Glockenturm',
    description: 'Handgemachte Keramik aus der eigenen Werkstatt, Kerzen, Karten und kleine Geschenke.',
    address: address('Alter Markt 3'),
    location: { lat: 51.39701, lon: 8.06495 },
    ...contact('keramik-am-glockenturm', '+49 30 23125 163'),
    time_zone: TZ,
    opening_hours: {
      weekly: week(day(['10:00', '13:00'], ['14:30', '18:00']), day(['10:00', '14:00']), { mon: closed }),
      special_days: byDate([
        ...holidays(day(['10:00', '13:00']), day(['10:00', '13:00'])),
        adventsabend(day(['10:00', '13:00'], ['14:30', '21:00'])),
        { date: '2027-01-05', intervals: closed, label: 'Betriebsferien' },
        { date: '2027-01-06', intervals: closed, label: 'Betriebsferien' },
        { date: '2027-01-07', intervals: closed, label: 'Betriebsferien' },
        { date: '2027-01-08', intervals: closed, label: 'Betriebsferien' },
        { date: '2027-01-09', intervals: closed, label: 'Betriebsferien' },
      ]),
    },
    // A one-woman workshop: no reservations, just drop in.
    click_and_collect: { enabled: false, ready_within_minutes: 120, hold_days: 2 },
    show_quantities: false,
    low_stock_threshold: 2,
  },
  {
    id: 'spielwaren-sonnenschein',
    name: 'Spielwaren Sonnenschein',
    description: 'Holzspielzeug, Puzzles, Brettspiele und Kinderbücher – mit Spielecke und Geschenkverpackung.',
    address: address('Apothekerstraße 3'),
    location: { lat: 51.39634, lon: 8.06531 },
    ...contact('spielwaren-sonnenschein', '+49 30 23125 174'),
    time_zone: TZ,
    opening_hours: {
      weekly: week(continuous, continuousSat),
      special_days: byDate([...holidays(), adventsabend(day(['09:30', '21:00']))]),
    },
    click_and_collect: { enabled: true, ready_within_minutes: 60, hold_days: 3 },
    show_quantities: true,
    low_stock_threshold: 2,
  },
  {
    id: 'sauerland-outdoor',
    name: 'Sauerland Outdoor',
    description: 'Ausrüstung für Wandern, Radfahren und Trailrunning im Arnsberger Wald – mit Leihrucksäcken und Tourentipps.',
    address: address('Ruhrstraße 27'),
    location: { lat: 51.39452, lon: 8.06385 },
    ...contact('sauerland-outdoor', '+49 30 23125 185'),
    time_zone: TZ,
    opening_hours: {
      weekly: week(day(['10:00', '19:00']), day(['09:30', '16:00'])),
      special_days: byDate([...holidays()]),
    },
    click_and_collect: { enabled: true, ready_within_minutes: 240, hold_days: 3 },
    show_quantities: true,
    low_stock_threshold: 3,
  },
  {
    id: 'modehaus-brinkmann',
    name: 'Modehaus Brinkmann',
    description: 'Mode für Damen und Herren, Strick aus Naturfasern und Accessoires. Änderungsschneiderei im Haus.',
    address: address('Klosterstraße 6'),
    location: { lat: 51.39838, lon: 8.05731 },
    ...contact('modehaus-brinkmann', '+49 30 23125 196'),
    time_zone: TZ,
    opening_hours: {
      weekly: week(continuous, continuousSat),
      special_days: byDate([...holidays(), adventsabend(day(['09:30', '21:00']))]),
    },
    click_and_collect: { enabled: true, ready_within_minutes: 120, hold_days: 2 },
    show_quantities: false,
    low_stock_threshold: 2,
  },
  {
    id: 'haushaltswaren-vogt',
    name: 'Haushaltswaren Vogt',
    description: 'Alles für Haus und Küche, vom Bürstenset bis zur Leuchte – seit 1962 am Neumarkt.',
    address: address('Neumarkt 4'),
    location: { lat: 51.39802, lon: 8.05869 },
    ...contact('haushaltswaren-vogt', '+49 30 23125 207'),
    time_zone: TZ,
    opening_hours: {
      weekly: week(day(['09:00', '13:00'], ['14:30', '18:00']), day(['09:00', '13:00'])),
      special_days: byDate([...holidays(), { date: '2027-01-02', intervals: closed, label: 'Inventur' }]),
    },
    click_and_collect: { enabled: true, ready_within_minutes: 120, hold_days: 3 },
    show_quantities: true,
    low_stock_threshold: 3,
  },
  {
    id: 'papeterie-feder',
    name: 'Papeterie Feder & Papier',
    description: 'Schreibwaren, Notizbücher, Füller und Karten. Gravur von Füllfederhaltern auf Wunsch.',
    address: address('Apothekerstraße 11'),
    location: { lat: 51.39611, lon: 8.06588 },
    ...contact('papeterie-feder', '+49 30 23125 218'),
    time_zone: TZ,
    opening_hours: {
      weekly: week(lunchBreak, lunchSat),
      special_days: byDate([...holidays()]),
    },
    click_and_collect: { enabled: true, ready_within_minutes: 60, hold_days: 2 },
    show_quantities: true,
    low_stock_threshold: 2,
  },
  {
    id: 'radhaus-ruhrtal',
    name: 'Radhaus Ruhrtal',
    description: 'Fahrräder, E-Bikes und Zubehör, Meisterwerkstatt direkt am Ruhrtalradweg.',
    address: address('Brückenplatz 2'),
    location: { lat: 51.39398, lon: 8.06702 },
    ...contact('radhaus-ruhrtal', '+49 30 23125 229'),
    time_zone: TZ,
    opening_hours: {
      weekly: week(day(['09:00', '12:30'], ['14:00', '18:00']), day(['09:00', '13:00']), { mon: closed }),
      special_days: byDate([...holidays(day(['09:00', '12:00']), day(['09:00', '12:00']))]),
    },
    // Workshop first: no reservations online.
    click_and_collect: { enabled: false, ready_within_minutes: 1440, hold_days: 2 },
    show_quantities: true,
    low_stock_threshold: 2,
  },
  {
    id: 'musikhaus-klangraum',
    name: 'Musikhaus Klangraum',
    description: 'Instrumente, Noten und Schallplatten, Gitarrenwerkstatt und Mietinstrumente für die Musikschule.',
    address: address('Königstraße 9'),
    location: { lat: 51.39722, lon: 8.06103 },
    ...contact('musikhaus-klangraum', '+49 30 23125 234'),
    time_zone: TZ,
    opening_hours: {
      weekly: week(day(['10:00', '13:00'], ['15:00', '18:30']), day(['10:00', '14:00']), { wed: day(['10:00', '13:00']) }),
      special_days: byDate([...holidays(day(['10:00', '13:00']), day(['10:00', '13:00']))]),
    },
    click_and_collect: { enabled: true, ready_within_minutes: 240, hold_days: 3 },
    show_quantities: false,
    low_stock_threshold: 2,
  },
  {
    id: 'kuechenkontor',
    name: 'Küchenkontor Arnsberg',
    description: 'Kochgeschirr, Messer und Küchenhelfer für Hobby- und Profiköche, mit Messerschleifdienst.',
    address: address('Steinweg 19'),
    location: { lat: 51.39585, lon: 8.06221 },
    ...contact('kuechenkontor', '+49 30 23125 241'),
    time_zone: TZ,
    opening_hours: {
      weekly: week(continuous, continuousSat),
      special_days: byDate([...holidays(), adventsabend(day(['09:30', '21:00']))]),
    },
    click_and_collect: { enabled: true, ready_within_minutes: 240, hold_days: 2 },
    show_quantities: true,
    low_stock_threshold: 2,
  },
  {
    id: 'teehaus-am-neumarkt',
    name: 'Teehaus am Neumarkt',
    description: 'Lose Tees, Honig aus der Region und alles für die Teestunde. Probieren ausdrücklich erwünscht.',
    address: address('Neumarkt 9'),
    location: { lat: 51.39815, lon: 8.05822 },
    ...contact('teehaus-am-neumarkt', '+49 30 23125 256'),
    time_zone: TZ,
    opening_hours: {
      weekly: week(day(['09:00', '18:00']), day(['09:00', '14:00']), { mon: day(['14:00', '18:00']) }),
      special_days: byDate([...holidays(day(['09:00', '13:00']), day(['09:00', '13:00']))]),
    },
    click_and_collect: { enabled: true, ready_within_minutes: 120, hold_days: 3 },
    show_quantities: true,
    low_stock_threshold: 3,
  },
];

// ----------------------------------------------------------------- catalogue

/**
 * GTIN-13 in GS1's restricted-circulation range: "200" + "4317" + two digits
 * for the department + three for the article, then the check digit.
 */
const gtin = (department: number, article: number): string =>
  withCheckDigit(`2004317${String(department).padStart(2, '0')}${String(article).padStart(3, '0')}`);

/** The four products with a 3D model; the sizes match what `demo/scripts/models.ts` builds. */
const model = (name: string, width: number, height: number, depth: number): Product['model'] => ({
  glb_url: `/demo/models/${name}.glb`,
  poster_url: `/demo/models/${name}-poster.webp`,
  dimensions_m: { width, height, depth },
});

const p = (
  department: number,
  article: number,
  name: string,
  brand: string,
  category: string,
  description: string,
  extra: Partial<Pick<Product, 'model' | 'image_url'>> = {},
): Product => ({ gtin: gtin(department, article), name, brand, category, description, ...extra });

const BOOKS = 'Bücher';
const SHOES = 'Schuhe';
const FURNITURE = 'Möbel';
const LIGHTING = 'Leuchten';
const CERAMICS = 'Keramik & Geschenke';
const TOYS = 'Spielwaren';
const OUTDOOR = 'Outdoor & Sport';
const FASHION = 'Mode';
const HOUSEHOLD = 'Haushalt';
const STATIONERY = 'Schreibwaren';
const BIKE = 'Fahrrad';
const MUSIC = 'Musik';
const KITCHEN = 'Küche';
const TEA = 'Tee & Feinkost';

const c = {
  // Books (fixed book prices in Germany: the same everywhere).
  roman: p(10, 1, 'Die Glocken von Arnsberg', 'Ruhrbogen Verlag', BOOKS, 'Kriminalroman aus dem Sauerland. Taschenbuch, 320 Seiten.'),
  wanderfuehrer: p(10, 2, 'Wandern im Arnsberger Wald – 30 Touren', 'Hellweg Verlag', BOOKS, 'Wanderführer mit Karten, Höhenprofilen und Einkehrtipps. 192 Seiten.'),
  kochbuch: p(10, 3, 'Sauerländer Landküche', 'Hellweg Verlag', BOOKS, 'Kochbuch mit 80 Rezepten von Potthucke bis Schnibbelbohnen. Gebunden.'),
  bilderbuch: p(10, 4, 'Kleiner Fuchs im Eichenwald', 'Ruhrbogen Verlag', BOOKS, 'Bilderbuch zum Vorlesen ab 3 Jahren. Pappbilderbuch, 24 Seiten.'),
  bildband: p(10, 5, 'Die Ruhr – von der Quelle bis zur Mündung', 'Hellweg Verlag', BOOKS, 'Bildband mit 180 Fotografien entlang des Flusses. Gebunden, 240 Seiten.'),
  gedichte: p(10, 6, 'Notizen über das Licht', 'Ruhrbogen Verlag', BOOKS, 'Gedichte und kurze Prosa. Leinen mit Lesebändchen.'),

  // Shoes.
  sneaker: p(11, 1, 'Sneaker Ruhrtal, Nachtblau', 'Lennestep', SHOES, 'Leichter Sneaker aus Wildleder mit heller Naturkautschuksohle und Wechselfußbett.', {
    model: model('sneaker', 0.11, 0.12, 0.3),
    image_url: '/demo/models/sneaker-poster.webp',
  }),
  chelsea: p(11, 2, 'Chelsea Boot Hellweg, Cognac', 'Lennestep', SHOES, 'Chelsea Boot aus pflanzlich gegerbtem Glattleder mit Elastikeinsatz, rahmengenäht.'),
  wanderschuh: p(11, 3, 'Wanderschuh Rothaarsteig, wasserdicht', 'Bergpfad', SHOES, 'Knöchelhoher Wanderschuh mit Membran und griffiger Profilsohle.'),
  hausschuh: p(11, 4, 'Hausschuh aus Filz, Grau', 'Wollstube', SHOES, 'Warmer Hausschuh aus gewalktem Schafwollfilz mit rutschfester Ledersohle.'),
  lauflern: p(11, 5, 'Lauflernschuh Igel', 'Lennestep Kids', SHOES, 'Weicher Lauflernschuh aus Leder mit flexibler Sohle und Klettverschluss.'),

  // Furniture.
  sessel: p(12, 1, 'Loungesessel Lenne, Wollstoff Petrol', 'Hölzer Werkstätten', FURNITURE, 'Loungesessel mit Gestell aus geölter Eiche und Polster in Wollstoff. B 75 × H 80 × T 80 cm.', {
    model: model('lounge-chair', 0.75, 0.8, 0.8),
    image_url: '/demo/models/lounge-chair-poster.webp',
  }),
  beistelltisch: p(12, 2, 'Beistelltisch Eiche rund, Ø 45 cm', 'Hölzer Werkstätten', FURNITURE, 'Runder Beistelltisch aus massiver Eiche, geölt. Höhe 50 cm.'),
  wandregal: p(12, 3, 'Wandregal Nussbaum, 80 cm', 'Hölzer Werkstätten', FURNITURE, 'Schlichtes Wandregal aus Nussbaum mit verdeckter Aufhängung.'),
  sitzkissen: p(12, 4, 'Sitzkissen Wolle, Senfgelb', 'Wollstube', FURNITURE, 'Rundes Sitzkissen aus Schurwolle, Ø 40 cm, mit abnehmbarem Bezug.'),
  wolldecke: p(12, 5, 'Wolldecke Sauerland-Karo', 'Wollstube', FURNITURE, 'Kuscheldecke aus Lammwolle im Karomuster, 130 × 180 cm.'),
  hocker: p(12, 6, 'Hocker Esche, geölt', 'Hölzer Werkstätten', FURNITURE, 'Dreibeiniger Hocker aus Esche, Sitzhöhe 45 cm.'),

  // Lighting.
  tischleuchte: p(13, 1, 'Tischleuchte Röhr, Messing und Leinen', 'Lumen & Leinen', LIGHTING, 'Tischleuchte mit Fuß aus gebürstetem Messing und Schirm aus Leinen, E27. Höhe 50 cm.', {
    model: model('table-lamp', 0.3, 0.5, 0.3),
    image_url: '/demo/models/table-lamp-poster.webp',
  }),
  stehleuchte: p(13, 2, 'Stehleuchte Bogen, Schwarz', 'Lumen & Leinen', LIGHTING, 'Bogenleuchte mit Marmorfuß und schwenkbarem Schirm, Höhe 190 cm.'),
  pendelleuchte: p(13, 3, 'Pendelleuchte Glocke, Opalglas', 'Lumen & Leinen', LIGHTING, 'Pendelleuchte aus mundgeblasenem Opalglas, Ø 30 cm, Textilkabel 2 m.'),
  leuchtmittel: p(13, 4, 'LED-Filament E27, 2700 K, dimmbar', 'Hellwerk', LIGHTING, 'LED-Leuchtmittel in klassischer Birnenform, 7 W, 806 lm, warmweiß.'),
  akkuleuchte: p(13, 5, 'Akku-Tischleuchte Mini, Salbeigrün', 'Hellwerk', LIGHTING, 'Kabellose Tischleuchte mit USB-C-Ladung, drei Helligkeitsstufen.'),
  lichterkette: p(13, 6, 'Lichterkette Sterne, 20 LED', 'Hellwerk', LIGHTING, 'Lichterkette mit Papiersternen und Timer, batteriebetrieben.'),

  // Ceramics and gifts.
  vase: p(14, 1, 'Vase Möhne, Seladon glasiert', 'Sorpe Keramik', CERAMICS, 'Bauchige Vase aus Steinzeug, von Hand gedreht, mit seladongrüner Glasur. Höhe 32 cm.', {
    model: model('vase', 0.18, 0.32, 0.18),
    image_url: '/demo/models/vase-poster.webp',
  }),
  becher: p(14, 2, 'Becher Sauerland, Steinzeug 350 ml', 'Sorpe Keramik', CERAMICS, 'Handgedrehter Becher mit Reliefglasur, spülmaschinenfest.'),
  teekanne: p(14, 3, 'Teekanne Steinzeug, 1,2 l', 'Sorpe Keramik', CERAMICS, 'Teekanne mit Edelstahlsieb und Bambusgriff.'),
  teller: p(14, 4, 'Frühstücksteller Sandbeige, Ø 21 cm', 'Sorpe Keramik', CERAMICS, 'Teller aus Steinzeug mit unglasiertem Rand.'),
  duftkerze: p(14, 5, 'Duftkerze Fichtennadel', 'Glockenturm Manufaktur', CERAMICS, 'Kerze aus Rapswachs im Keramikgefäß, Brenndauer etwa 40 Stunden.'),
  windlicht: p(14, 6, 'Windlicht Glas, mundgeblasen', 'Glockenturm Manufaktur', CERAMICS, 'Windlicht aus Rauchglas, Höhe 18 cm.'),

  // Toys.
  eisenbahn: p(15, 1, 'Holzeisenbahn Starterset Ruhrtal-Express', 'Kleinholz', TOYS, 'Holzeisenbahn mit 28 Schienen, Brücke und Lok mit Magnetkupplung. Ab 3 Jahren.'),
  puzzle: p(15, 2, 'Puzzle Arnsberger Altstadt, 1000 Teile', 'Kleinholz', TOYS, 'Puzzle mit Luftbild der Altstadt und des Glockenturms.'),
  fuchs: p(15, 3, 'Kuscheltier Fuchs, 30 cm', 'Kleinholz', TOYS, 'Weicher Fuchs aus Bio-Baumwolle, waschbar bei 30 °C.'),
  brettspiel: p(15, 4, 'Brettspiel Schatzsuche im Schloss', 'Kleinholz', TOYS, 'Kooperatives Familienspiel für 2–5 Personen ab 6 Jahren.'),
  buntstifte: p(15, 5, 'Buntstifte 24 Farben im Metalletui', 'Feder & Papier', TOYS, 'Buntstifte aus zertifiziertem Holz mit bruchfester Mine.'),
  bausteine: p(15, 6, 'Bauklötze Buche, 50 Teile', 'Kleinholz', TOYS, 'Naturbelassene Bauklötze aus Buchenholz in der Kiste.'),

  // Outdoor.
  rucksack: p(16, 1, 'Wanderrucksack 28 l, Moosgrün', 'Bergpfad', OUTDOOR, 'Tagesrucksack mit Netzrücken, Regenhülle und Trinksystemfach.'),
  trinkflasche: p(16, 2, 'Trinkflasche Edelstahl, 0,75 l', 'Bergpfad', OUTDOOR, 'Auslaufsichere Trinkflasche aus Edelstahl, frei von BPA.'),
  softshell: p(16, 3, 'Softshelljacke Kahler Asten, Damen', 'Bergpfad', OUTDOOR, 'Winddichte, atmungsaktive Softshelljacke mit Kapuze.'),
  stoecke: p(16, 4, 'Trekkingstöcke Carbon, Paar', 'Bergpfad', OUTDOOR, 'Leichte, dreiteilige Wanderstöcke mit Korkgriff.'),
  stirnlampe: p(16, 5, 'Stirnlampe 300 lm', 'Hellwerk', OUTDOOR, 'Wiederaufladbare Stirnlampe mit Rotlicht und Leuchtweitenregelung.'),
  socken: p(16, 6, 'Merino-Wandersocken, 2 Paar', 'Wollstube', OUTDOOR, 'Gepolsterte Wandersocken aus Merinowolle.'),

  // Fashion.
  pullover: p(17, 1, 'Strickpullover Merino, Herren, Marine', 'Nordhang', FASHION, 'Feinstrickpullover aus Merinowolle mit Rundhalsausschnitt.'),
  schal: p(17, 2, 'Wollschal Fischgrat, Anthrazit', 'Nordhang', FASHION, 'Gewebter Schal aus Lammwolle, 180 × 30 cm.'),
  jeans: p(17, 3, 'Jeans Straight Fit, Dunkelblau', 'Nordhang', FASHION, 'Jeans aus Bio-Baumwolle mit geradem Bein.'),
  regenjacke: p(17, 4, 'Regenjacke Damen, Senfgelb', 'Nordhang', FASHION, 'Wasserdichte Regenjacke mit verschweißten Nähten und Kapuze.'),
  muetze: p(17, 5, 'Strickmütze Zopfmuster', 'Wollstube', FASHION, 'Mütze aus Schurwolle mit Zopfmuster und Fleecefutter.'),

  // Household.
  waeschekorb: p(18, 1, 'Wäschekorb geflochten, 50 l', 'Hausgut', HOUSEHOLD, 'Wäschekorb aus Seegras mit Baumwollfutter.'),
  buerstenset: p(18, 2, 'Bürstenset Buche, 3-teilig', 'Hausgut', HOUSEHOLD, 'Spülbürste, Gemüsebürste und Handfeger mit Naturborsten.'),
  vorratsdosen: p(18, 3, 'Vorratsgläser mit Holzdeckel, 3er-Set', 'Hausgut', HOUSEHOLD, 'Vorratsgläser 0,5 / 0,8 / 1,2 l mit Deckeln aus Akazie.'),
  thermoskanne: p(18, 4, 'Isolierkanne 1 l, Anthrazit', 'Hausgut', HOUSEHOLD, 'Isolierkanne aus Edelstahl, hält 12 Stunden heiß.'),

  // Stationery.
  notizbuch: p(19, 1, 'Notizbuch A5, Leinen, gepunktet', 'Feder & Papier', STATIONERY, 'Fadengeheftetes Notizbuch mit 192 Seiten Papier, 100 g/m².'),
  fueller: p(19, 2, 'Füllfederhalter Klassik, Schwarz', 'Feder & Papier', STATIONERY, 'Füller mit Stahlfeder M und Konverter.'),
  kalender: p(19, 3, 'Wandkalender 2027 – Sauerland', 'Ruhrbogen Verlag', STATIONERY, 'Fotokalender mit zwölf Landschaftsmotiven, 30 × 40 cm.'),
  grusskarten: p(19, 4, 'Grußkarten-Set Arnsberg, 10 Stück', 'Feder & Papier', STATIONERY, 'Klappkarten mit Zeichnungen der Altstadt, mit Umschlägen.'),
  fotoalbum: p(19, 5, 'Fotoalbum Leinen, 30 Seiten', 'Feder & Papier', STATIONERY, 'Fotoalbum mit Pergaminzwischenblättern.'),

  // Bicycles.
  helm: p(20, 1, 'Fahrradhelm Urban, Mattgrau', 'Ruhrtal Cycles', BIKE, 'Stadthelm mit integriertem Rücklicht, Größe M.'),
  schloss: p(20, 2, 'Faltschloss 90 cm', 'Ruhrtal Cycles', BIKE, 'Faltschloss aus gehärtetem Stahl mit Rahmenhalter.'),
  fahrradtasche: p(20, 3, 'Fahrradtasche wasserdicht, 20 l', 'Ruhrtal Cycles', BIKE, 'Gepäckträgertasche mit Schnellbefestigung und Reflektoren.'),
  fahrradlicht: p(20, 4, 'Akku-Fahrradlicht-Set', 'Hellwerk', BIKE, 'Front- und Rücklicht mit StVZO-Zulassung, USB-C.'),

  // Music.
  gitarre: p(21, 1, 'Konzertgitarre 4/4, Fichte', 'Ruhrklang', MUSIC, 'Konzertgitarre mit massiver Fichtendecke, inklusive Tasche.'),
  ukulele: p(21, 2, 'Sopran-Ukulele, Mahagoni', 'Ruhrklang', MUSIC, 'Sopran-Ukulele mit Nylonsaiten, Tasche und Stimmgerät.'),
  notenstaender: p(21, 3, 'Notenständer, klappbar', 'Ruhrklang', MUSIC, 'Leichter Notenständer mit Tasche.'),
  schallplatte: p(21, 4, 'Schallplatte „Heimatklang – Live im Kloster“', 'Klosterhof Records', MUSIC, 'Konzertmitschnitt aus Kloster Wedinghausen, 180 g Vinyl.'),
  saiten: p(21, 5, 'Gitarrensaiten Nylon, Satz', 'Ruhrklang', MUSIC, 'Saitensatz für Konzertgitarre, normale Spannung.'),

  // Kitchen.
  pfanne: p(22, 1, 'Gusseisenpfanne 28 cm', 'Kochkontor', KITCHEN, 'Eingebrannte Pfanne aus Gusseisen, für alle Herdarten.'),
  messer: p(22, 2, 'Kochmesser 20 cm, Damaststahl', 'Kochkontor', KITCHEN, 'Kochmesser mit Griff aus Olivenholz.'),
  schneidebrett: p(22, 3, 'Schneidebrett Eiche, 40 × 25 cm', 'Hölzer Werkstätten', KITCHEN, 'Schneidebrett aus Eiche mit Saftrille, geölt.'),
  frenchpress: p(22, 4, 'French Press 1 l, Glas', 'Kochkontor', KITCHEN, 'Kaffeebereiter aus Borosilikatglas mit Edelstahlfilter.'),

  // Tea.
  kraeutertee: p(23, 1, 'Sauerländer Kräutertee, 100 g', 'Teehaus am Neumarkt', TEA, 'Kräutermischung mit Minze, Zitronenmelisse und Holunderblüten.'),
  sencha: p(23, 2, 'Grüner Tee Sencha, 100 g', 'Teehaus am Neumarkt', TEA, 'Japanischer Grüntee, frisch und leicht grasig.'),
  teesieb: p(23, 3, 'Teesieb Edelstahl', 'Kochkontor', TEA, 'Feinmaschiges Teesieb für Tassen und Kannen.'),
  honig: p(23, 4, 'Waldhonig aus dem Arnsberger Wald, 500 g', 'Imkerei Eichholz', TEA, 'Kräftiger Waldhonig aus der Region.'),
} satisfies Record<string, Product>;

type Key = keyof typeof c;

export const products: Product[] = Object.values(c);

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
      gtin: c[key].gtin,
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
