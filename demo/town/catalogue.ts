/** The demo town's catalogue: every product the shops carry, four of them with a 3D model (see ../town.ts). */
import { withCheckDigit } from '../../src/sdk/contract/gtin.js';
import type { Product } from '../../src/sdk/contract/schemas.js';

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

/** The catalogue by a short key, which the shops' stock lists (inventory.ts) name. */
export const catalogue = {
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

export type Key = keyof typeof catalogue;

export const products: Product[] = Object.values(catalogue);
