/** The demo town and its fourteen shops: addresses, contacts, opening hours with holidays (see ../town.ts). */
import type { City, OpeningHours, SpecialDay, Store, TimeInterval } from '../../src/sdk/contract/schemas.js';

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
