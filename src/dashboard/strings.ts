/**
 * Every word of the dashboard, German first (the "Sie" register) and English
 * for a browser set to another language. One catalogue per language; a
 * missing word is a type error.
 */
import type { ReservationState } from '../sdk/contract/reservations.js';

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

const STATE_NAMES: Record<string, string> = {
  BW: 'Baden-Württemberg', BY: 'Bayern', BE: 'Berlin', BB: 'Brandenburg', HB: 'Bremen', HH: 'Hamburg', HE: 'Hessen',
  MV: 'Mecklenburg-Vorpommern', NI: 'Niedersachsen', NW: 'Nordrhein-Westfalen', RP: 'Rheinland-Pfalz', SL: 'Saarland',
  SN: 'Sachsen', ST: 'Sachsen-Anhalt', SH: 'Schleswig-Holstein', TH: 'Thüringen',
};

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

export const en: Strings = {
  title: 'CityLab – your shop',
  nav: { board: 'Reservations', stock: 'Stock', profile: 'Shop', snippet: 'For your website', insights: 'Figures', label: 'Sections' },
  signOut: 'Sign out',
  signedInAs: (shop) => `Signed in: ${shop}`,
  loading: 'Loading …',
  offline: 'No connection to the server. Please check the internet connection.',
  signIn: {
    heading: 'Sign in',
    intro: 'We send a sign-in link to your shop\'s e-mail address.',
    email: 'Your shop\'s e-mail address',
    send: 'Send sign-in link',
    sent: (m) => `If the address belongs to a shop, the link is on its way. It works once, for ${m} minutes.`,
    orKey: 'Or sign in with a key: the shop\'s, or the town\'s admin key',
    key: 'Key (a shop\'s starts with cl_sk_)',
    withKey: 'Sign in with key',
    checkingLink: 'Checking the sign-in link …',
    linkInvalid: 'This sign-in link has been used already or is older than 15 minutes. Please ask for a new one.',
  },
  board: {
    heading: 'Reservations',
    live: 'Live: new reservations appear by themselves.',
    reconnecting: 'Connection lost, reconnecting …',
    sound: 'Sound for a new reservation',
    find: 'Pickup code',
    findButton: 'Find',
    findHint: 'e.g. 7KQ-M4P',
    scan: 'Scan QR code',
    scanStop: 'Stop scanning',
    scanNoCamera: 'The camera cannot be opened. Please type the pickup code.',
    noMatch: (code) => `No open reservation with the code ${code}.`,
    sections: { new: 'New', ready: 'Ready', dueToday: 'Due today', expired: 'Expired' },
    empty: 'None.',
    newBadge: 'Just arrived',
    announceNew: (code) => `New reservation ${code}`,
    code: 'Pickup code',
    article: 'Article',
    quantity: 'Quantity',
    customer: 'Customer',
    pickup: (from, until) => `Ready from ${from}, held until ${until}`,
    markReady: 'Ready',
    collected: 'Collected',
    cancel: 'Cancel',
    cancelReason: 'Reason (the customer gets it by e-mail)',
    cancelConfirm: 'Cancel reservation',
    keep: 'Keep it',
    done: {
      ready: (c) => `${c}: marked ready, the customer gets an e-mail.`,
      collected: (c) => `${c}: collected, the stock is updated.`,
      cancelled: (c) => `${c}: cancelled, the customer gets an e-mail.`,
    },
    invalid: (status) => `That is no longer possible: the reservation is already "${status}".`,
    status: { held: 'new', ready: 'ready', collected: 'collected', cancelled: 'cancelled', expired: 'expired' },
  },
  stock: {
    heading: 'Stock',
    uploadHeading: 'Upload your stock list',
    drop: 'Drop the file here',
    choose: 'Choose file',
    fileHint: 'CSV, semicolon CSV or TSV with the columns of Google\'s local inventory feed (id, gtin, quantity, price …). German numbers like 12,50 are fine.',
    checking: 'Checking the file …',
    problems: (n) => `${n === 1 ? 'One problem' : `${n} problems`} in the file. Nothing was changed.`,
    line: 'Line',
    field: 'Column',
    reason: 'Problem',
    fixAndRetry: 'Please correct the file and upload it again.',
    preview: (r) => `Preview: ${r.updated} articles will be updated, ${r.created} new, ${r.removed} removed.`,
    apply: 'Apply',
    discard: 'Discard',
    applied: (r) => `${r.updated} articles updated, ${r.created} new, ${r.removed} removed.`,
    listHeading: 'Articles',
    search: 'Search articles (name, article number or EAN)',
    sku: 'Article number',
    gtin: 'EAN',
    quantity: 'Quantity',
    held: (n) => `${n} reserved`,
    save: 'Save',
    saved: 'Saved.',
    download: 'Download stock (CSV)',
    lastUpdate: (when) => `Last updated: ${when}`,
    stale: (h) => `The stock is older than ${h === 1 ? 'an hour' : `${h} hours`}. Shoppers rely on it: please update it.`,
    noStock: 'No articles yet. Upload your stock list.',
    noCount: 'not counted',
    shown: (s, t) => `${s} of ${t} articles`,
    fieldHints: {},
  },
  profile: {
    heading: 'Your shop',
    collect: 'Click & collect',
    collectOn: 'Take reservations',
    readyWithin: 'Ready after (minutes)',
    holdDays: 'Hold for (days)',
    showQuantities: 'Show quantities publicly',
    stockPromise: 'Keep the stock current: update at least every … hours',
    stockPromiseHint: 'When your stock is older, the Stock page warns you. Shoppers rely on it.',
    hours: 'Opening hours',
    days: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' },
    opens: 'opens', closes: 'closes', closed: 'Closed',
    addInterval: 'Add hours',
    remove: 'Remove',
    specialDays: 'Special days',
    specialDay: 'Special day',
    date: 'Date',
    label: 'Name',
    addSpecial: 'Add a special day',
    removeDay: 'Remove day',
    state: 'Federal state',
    states: STATE_NAMES,
    addHolidays: 'Add the state\'s public holidays (closed)',
    contact: 'Contact and address',
    email: 'E-mail for notifications',
    phone: 'Phone',
    website: 'Website',
    street: 'Street and number',
    postalCode: 'Postal code',
    city: 'Town',
    save: 'Save',
    saved: 'Saved.',
    notSaved: 'Not saved: please check the details listed. What you typed is kept.',
    fieldName: (p) => p,
  },
  snippet: {
    heading: 'For your website',
    intro: 'Show on your product pages that the item is in stock at your shop, and let shoppers reserve it.',
    element: 'Element',
    elements: { 'citylab-store-finder': 'In stock nearby (store finder)', 'citylab-click-collect': 'Reserve & collect', 'citylab-ar-viewer': '3D view in your room' },
    product: 'Article for the preview',
    accent: 'Accent colour',
    language: 'Language',
    previewHeading: 'Preview',
    codeHeading: 'Code to paste',
    system: 'Your shop system',
    systems: {
      html: { name: 'HTML (Jimdo, Wix, IONOS …)', guide: 'Paste the code as an "HTML element" or "custom code" block on the product page. The EAN is fixed in the code: one copy per product page.' },
      shopify: { name: 'Shopify', guide: 'Online Store → Themes → Edit code → sections/main-product.liquid: paste where it should show. The EAN comes from the variant\'s barcode.' },
      woocommerce: { name: 'WooCommerce', guide: 'Paste into the single-product template (child theme) or with a code-snippets plugin at the woocommerce_single_product_summary hook. The EAN comes from the "GTIN, UPC, EAN or ISBN" field.' },
      shopware: { name: 'Shopware 6', guide: 'In your own theme, extend storefront/page/product-detail/buy-widget.html.twig (block page_product_detail_buy_container) and paste. The EAN comes from the product\'s EAN field.' },
      jtl: { name: 'JTL-Shop', guide: 'In a child template, extend productdetails/details.tpl and paste. The EAN comes from the article\'s barcode (GTIN) field.' },
    },
    copy: 'Copy code',
    copied: 'Copied.',
  },
  error: 'That did not work. Please try again.',
};

export const catalogue: Record<Lang, Strings> = { de, en };
