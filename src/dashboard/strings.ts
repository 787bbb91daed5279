/**
 * Every word of the dashboard, German first (the "Sie" register) and English
 * (strings-en.ts) for a browser set to another language. One catalogue per
 * language; a missing word is a type error.
 */
import type { ReservationState } from '../sdk/contract/reservations.js';
import { STATE_NAMES } from './state-names.js';
import { en } from './strings-en.js';

export type Lang = 'de' | 'en';

/** German unless the browser prefers English (or another language) over German. */
export function pickLang(languages: readonly string[] = navigator.languages): Lang {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'de') return 'de';
    if (base === 'en') return 'en';
  }
  return 'de';
}

export interface Strings {
  title: string;
  nav: { board: string; stock: string; profile: string; snippet: string; insights: string; label: string };
  signOut: string;
  signedInAs: (shop: string) => string;
  loading: string;
  offline: string;
  signIn: {
    heading: string;
    intro: string;
    email: string;
    send: string;
    sent: (minutes: number) => string;
    orKey: string;
    key: string;
    withKey: string;
    checkingLink: string;
    linkInvalid: string;
  };
  board: {
    heading: string;
    live: string;
    reconnecting: string;
    sound: string;
    find: string;
    findButton: string;
    findHint: string;
    scan: string;
    scanStop: string;
    scanNoCamera: string;
    noMatch: (code: string) => string;
    sections: { new: string; ready: string; dueToday: string; expired: string };
    empty: string;
    newBadge: string;
    announceNew: (code: string) => string;
    code: string;
    article: string;
    quantity: string;
    customer: string;
    pickup: (from: string, until: string) => string;
    markReady: string;
    collected: string;
    cancel: string;
    cancelReason: string;
    cancelConfirm: string;
    keep: string;
    done: Record<'ready' | 'collected' | 'cancelled', (code: string) => string>;
    invalid: (status: string) => string;
    status: Record<ReservationState, string>;
  };
  stock: {
    heading: string;
    uploadHeading: string;
    drop: string;
    choose: string;
    fileHint: string;
    checking: string;
    problems: (n: number) => string;
    line: string;
    field: string;
    reason: string;
    fixAndRetry: string;
    preview: (r: { updated: number; created: number; removed: number }) => string;
    apply: string;
    discard: string;
    applied: (r: { updated: number; created: number; removed: number }) => string;
    listHeading: string;
    search: string;
    sku: string;
    gtin: string;
    quantity: string;
    held: (n: number) => string;
    save: string;
    saved: string;
    download: string;
    lastUpdate: (when: string) => string;
    stale: (hours: number) => string;
    noStock: string;
    noCount: string;
    shown: (shown: number, total: number) => string;
    /** What a column needs, by its name in the feed (shown beside the endpoint's reason). */
    fieldHints: Record<string, string>;
  };
  profile: {
    heading: string;
    collect: string;
    collectOn: string;
    readyWithin: string;
    holdDays: string;
    showQuantities: string;
    stockPromise: string;
    stockPromiseHint: string;
    hours: string;
    days: Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', string>;
    opens: string;
    closes: string;
    closed: string;
    addInterval: string;
    remove: string;
    specialDays: string;
    specialDay: string;
    date: string;
    label: string;
    addSpecial: string;
    removeDay: string;
    state: string;
    states: Record<string, string>;
    addHolidays: string;
    contact: string;
    email: string;
    phone: string;
    website: string;
    street: string;
    postalCode: string;
    city: string;
    save: string;
    saved: string;
    notSaved: string;
    fieldName: (path: string) => string;
  };
  snippet: {
    heading: string;
    intro: string;
    element: string;
    elements: Record<'citylab-store-finder' | 'citylab-click-collect' | 'citylab-ar-viewer', string>;
    product: string;
    accent: string;
    language: string;
    previewHeading: string;
    codeHeading: string;
    system: string;
    systems: Record<'html' | 'shopify' | 'woocommerce' | 'shopware' | 'jtl', { name: string; guide: string }>;
    copy: string;
    copied: string;
  };
  error: string;
}

export const de: Strings = {
  title: 'CityLab – Ihr Geschäft',
  nav: { board: 'Reservierungen', stock: 'Bestand', profile: 'Geschäft', snippet: 'Für Ihre Website', insights: 'Zahlen', label: 'Bereiche' },
  signOut: 'Abmelden',
  signedInAs: (shop) => `Angemeldet: ${shop}`,
  loading: 'Wird geladen …',
  offline: 'Keine Verbindung zum Server. Bitte prüfen Sie die Internetverbindung.',
  signIn: {
    heading: 'Anmelden',
    intro: 'Wir senden Ihnen einen Anmeldelink an die E-Mail-Adresse Ihres Geschäfts.',
    email: 'E-Mail-Adresse des Geschäfts',
    send: 'Anmeldelink senden',
    sent: (m) => `Falls die Adresse zu einem Geschäft gehört, ist der Link unterwegs. Er gilt ${m} Minuten und nur einmal.`,
    orKey: 'Oder mit einem Schlüssel anmelden: dem des Geschäfts oder dem Admin-Schlüssel der Stadt',
    key: 'Schlüssel (Geschäft: beginnt mit cl_sk_)',
    withKey: 'Mit Schlüssel anmelden',
    checkingLink: 'Anmeldelink wird geprüft …',
    linkInvalid: 'Dieser Anmeldelink wurde schon benutzt oder ist älter als 15 Minuten. Bitte fordern Sie einen neuen an.',
  },
  board: {
    heading: 'Reservierungen',
    live: 'Live: neue Reservierungen erscheinen von selbst.',
    reconnecting: 'Verbindung unterbrochen, wird wiederhergestellt …',
    sound: 'Ton bei neuer Reservierung',
    find: 'Abholcode',
    findButton: 'Suchen',
    findHint: 'z. B. 7KQ-M4P',
    scan: 'QR-Code scannen',
    scanStop: 'Scannen beenden',
    scanNoCamera: 'Die Kamera lässt sich nicht öffnen. Bitte tippen Sie den Abholcode ein.',
    noMatch: (code) => `Keine offene Reservierung mit dem Code ${code}.`,
    sections: { new: 'Neu', ready: 'Liegt bereit', dueToday: 'Heute fällig', expired: 'Abgelaufen' },
    empty: 'Keine.',
    newBadge: 'Neu eingegangen',
    announceNew: (code) => `Neue Reservierung ${code}`,
    code: 'Abholcode',
    article: 'Artikel',
    quantity: 'Menge',
    customer: 'Kunde',
    pickup: (from, until) => `Abholbereit ab ${from}, reserviert bis ${until}`,
    markReady: 'Liegt bereit',
    collected: 'Abgeholt',
    cancel: 'Stornieren',
    cancelReason: 'Grund (erhält die Kundin oder der Kunde per E-Mail)',
    cancelConfirm: 'Reservierung stornieren',
    keep: 'Nicht stornieren',
    done: {
      ready: (c) => `${c}: als bereit gemeldet, die Kundin oder der Kunde erhält eine E-Mail.`,
      collected: (c) => `${c}: abgeholt, der Bestand ist angepasst.`,
      cancelled: (c) => `${c}: storniert, die Kundin oder der Kunde erhält eine E-Mail.`,
    },
    invalid: (status) => `Das geht nicht mehr: Die Reservierung ist bereits „${status}“.`,
    status: { held: 'neu', ready: 'bereit', collected: 'abgeholt', cancelled: 'storniert', expired: 'abgelaufen' },
  },
  stock: {
    heading: 'Bestand',
    uploadHeading: 'Bestandsliste hochladen',
    drop: 'Datei hierher ziehen',
    choose: 'Datei auswählen',
    fileHint: 'CSV, mit Semikolon getrennte CSV oder TSV mit den Spalten des Google-Inventarfeeds (id, gtin, quantity, price …). Deutsche Zahlen wie 12,50 sind in Ordnung.',
    checking: 'Datei wird geprüft …',
    problems: (n) => `${n === 1 ? 'Ein Problem' : `${n} Probleme`} in der Datei. Es wurde nichts geändert.`,
    line: 'Zeile',
    field: 'Spalte',
    reason: 'Problem',
    fixAndRetry: 'Bitte korrigieren Sie die Datei und laden Sie sie erneut hoch.',
    preview: (r) => `Vorschau: ${r.updated} Artikel werden aktualisiert, ${r.created} neu, ${r.removed} entfernt.`,
    apply: 'Übernehmen',
    discard: 'Verwerfen',
    applied: (r) => `${r.updated} Artikel aktualisiert, ${r.created} neu, ${r.removed} entfernt.`,
    listHeading: 'Artikel',
    search: 'Artikel suchen (Name, Artikelnummer oder EAN)',
    sku: 'Artikelnummer',
    gtin: 'EAN',
    quantity: 'Menge',
    held: (n) => `${n} reserviert`,
    save: 'Speichern',
    saved: 'Gespeichert.',
    download: 'Bestand herunterladen (CSV)',
    lastUpdate: (when) => `Zuletzt aktualisiert: ${when}`,
    stale: (h) => `Der Bestand ist älter als ${h === 1 ? 'eine Stunde' : `${h} Stunden`}. Kundinnen und Kunden verlassen sich darauf: Bitte aktualisieren Sie ihn.`,
    noStock: 'Noch keine Artikel. Laden Sie Ihre Bestandsliste hoch.',
    noCount: 'ohne Zählung',
    shown: (s, t) => `${s} von ${t} Artikeln`,
    fieldHints: {
      quantity: 'Die Menge muss eine ganze Zahl ab 0 sein.',
      price: 'Der Preis muss wie „12,50 EUR“ aussehen.',
      gtin: 'Die EAN/GTIN ist nicht gültig (8, 12, 13 oder 14 Ziffern mit Prüfziffer).',
      id: 'Jede Zeile braucht eine eigene Artikelnummer.',
      title: 'Dieser Artikel ist in der Stadt neu: Bitte geben Sie seinen Namen an (Spalte title).',
      availability: 'Verfügbarkeit: in stock, limited availability, out of stock oder on display to order.',
      store_code: 'Die Zeile gehört zu einem anderen Geschäft.',
    },
  },
  profile: {
    heading: 'Ihr Geschäft',
    collect: 'Click & Collect',
    collectOn: 'Reservierungen annehmen',
    readyWithin: 'Abholbereit nach (Minuten)',
    holdDays: 'Reserviert halten (Tage)',
    showQuantities: 'Stückzahlen öffentlich zeigen',
    stockPromise: 'Bestand aktuell halten: spätestens alle … Stunden',
    stockPromiseHint: 'Ist Ihr Bestand älter, warnt die Seite „Bestand“. Kundinnen verlassen sich darauf.',
    hours: 'Öffnungszeiten',
    days: { mon: 'Montag', tue: 'Dienstag', wed: 'Mittwoch', thu: 'Donnerstag', fri: 'Freitag', sat: 'Samstag', sun: 'Sonntag' },
    opens: 'öffnet', closes: 'schließt', closed: 'Geschlossen',
    addInterval: 'Zeitraum hinzufügen',
    remove: 'Entfernen',
    specialDays: 'Besondere Tage',
    specialDay: 'Besonderer Tag',
    date: 'Datum',
    label: 'Bezeichnung',
    addSpecial: 'Besonderen Tag hinzufügen',
    removeDay: 'Tag entfernen',
    state: 'Bundesland',
    states: STATE_NAMES,
    addHolidays: 'Feiertage des Bundeslands eintragen (geschlossen)',
    contact: 'Kontakt und Adresse',
    email: 'E-Mail für Benachrichtigungen',
    phone: 'Telefon',
    website: 'Website',
    street: 'Straße und Hausnummer',
    postalCode: 'Postleitzahl',
    city: 'Ort',
    save: 'Speichern',
    saved: 'Gespeichert.',
    notSaved: 'Nicht gespeichert: Bitte prüfen Sie die markierten Angaben. Ihre Eingaben bleiben erhalten.',
    fieldName: (p) => p.replace(/^stock_promise_hours$/, 'Bestand aktuell halten').replace(/^opening_hours\.weekly\./, 'Öffnungszeiten ').replace(/^opening_hours\.special_days\./, 'Besondere Tage ').replace(/^click_and_collect\./, 'Click & Collect '),
  },
  snippet: {
    heading: 'Für Ihre Website',
    intro: 'Zeigen Sie auf Ihren Produktseiten, dass der Artikel bei Ihnen vorrätig ist, und lassen Sie ihn reservieren.',
    element: 'Baustein',
    elements: { 'citylab-store-finder': 'Im Geschäft vorrätig (Geschäftsfinder)', 'citylab-click-collect': 'Reservieren & abholen', 'citylab-ar-viewer': '3D-Ansicht im eigenen Raum' },
    product: 'Artikel für die Vorschau',
    accent: 'Akzentfarbe',
    language: 'Sprache',
    previewHeading: 'Vorschau',
    codeHeading: 'Code zum Einfügen',
    system: 'Ihr Shopsystem',
    systems: {
      html: { name: 'HTML (Jimdo, Wix, IONOS …)', guide: 'Fügen Sie den Code als „HTML-Element“ oder „Eigener Code“ auf der Produktseite ein. Die EAN steht fest im Code: eine Kopie je Produktseite.' },
      shopify: { name: 'Shopify', guide: 'Online Store → Themes → Code bearbeiten → sections/main-product.liquid: an der gewünschten Stelle einfügen. Die EAN kommt aus dem Barcode der Variante.' },
      woocommerce: { name: 'WooCommerce', guide: 'In der Vorlage single-product (Child-Theme) oder mit einem Code-Snippets-Plugin am Hook woocommerce_single_product_summary einfügen. Die EAN kommt aus dem Feld „GTIN, UPC, EAN oder ISBN“.' },
      shopware: { name: 'Shopware 6', guide: 'Im eigenen Theme die Vorlage storefront/page/product-detail/buy-widget.html.twig erweitern (Block page_product_detail_buy_container) und einfügen. Die EAN kommt aus dem Produktfeld EAN.' },
      jtl: { name: 'JTL-Shop', guide: 'Im Child-Template die Datei productdetails/details.tpl erweitern und einfügen. Die EAN kommt aus dem Artikelfeld Barcode (GTIN).' },
    },
    copy: 'Code kopieren',
    copied: 'Kopiert.',
  },
  error: 'Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.',
};

export const catalogue: Record<Lang, Strings> = { de, en };
