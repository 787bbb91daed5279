/**
 * The words of <citylab-click-collect>'s reservation dialog, one catalogue per
 * language; they arrive with the dialog's lazy chunk. German first, in the
 * "Sie" register; errors say what happened and what to do next.
 */
export interface DialogStrings {
  title: string;
  close: string;
  chooseShop: string;
  chooseShopHint: string;
  shopOption: (price: string, state: string) => string;
  inStock: string;
  limited: string;
  quantity: string;
  /** `free`: the limit is what the shop has free, not the most one reservation may take. */
  quantityHint: (max: number, free: boolean) => string;
  name: string;
  email: string;
  emailHint: string;
  phone: string;
  optional: string;
  privacyTitle: string;
  privacy: (shop: string) => string;
  privacyAccept: string;
  window: (from: string, until: string) => string;
  price: string;
  total: (quantity: number, each: string, total: string) => string;
  payInShop: string;
  submit: string;
  resend: string;
  sending: string;
  // field errors
  errShop: string;
  errQuantity: string;
  errQuantityMax: (max: number) => string;
  errQuantityFree: (shop: string, n: number) => string;
  errName: string;
  /** The contract's longest name, in characters. */
  errNameLong: (max: number) => string;
  errEmail: string;
  errPhone: string;
  errPrivacy: string;
  errCheck: string;
  // failures
  failInsufficient: (shop: string, n: number) => string;
  failSoldOut: (shop: string) => string;
  failRateLimited: (when: string) => string;
  failNetwork: string;
  failTimeout: string;
  failInProgress: string;
  failNotReservable: (shop: string, phone?: string) => string;
  failServer: string;
  failInvalid: string;
  cancelledByPage: string;
  unavailable: string;
  // dates
  inMinutes: (n: number) => string;
  atTime: (time: string) => string;
  // confirmation
  doneTitle: string;
  doneLead: (quantity: number, item: string, shop: string) => string;
  earlier: string;
  codeLabel: string;
  qrLabel: (code: string) => string;
  showCode: string;
  readyFrom: string;
  heldUntil: string;
  shop: string;
  theShop: string;
  hours: string;
  closed: string;
  mailSent: (email: string) => string;
  calendar: string;
  calendarFile: (code: string) => string;
  calendarSummary: (quantity: number, item: string, shop: string) => string;
  calendarDescription: (code: string, until: string) => string;
  calendarAlarm: (shop: string) => string;
  calendarReady: (shop: string) => string;
  cancel: string;
  cancelAsk: string;
  cancelYes: string;
  cancelNo: string;
  cancelling: string;
  cancelFailed: string;
  cancelledTitle: string;
  cancelledText: (code: string, item: string) => string;
  another: string;
  weekdays: [string, string, string, string, string, string, string];
  timeSuffix: string;
  call: (phone: string) => string;
}

export const de: DialogStrings = {
  title: 'Reservieren & abholen',
  close: 'Schließen',
  chooseShop: 'Geschäft',
  chooseShopHint: 'Wählen Sie, wo Sie den Artikel abholen möchten.',
  shopOption: (price, state) => `${price} · ${state}`,
  inStock: 'vorrätig',
  limited: 'nur noch wenige vorrätig',
  quantity: 'Menge',
  quantityHint: (max, free) => (free ? `Höchstens ${max} Stück frei` : `Höchstens ${max} Stück`),
  name: 'Name',
  email: 'E-Mail',
  emailHint: 'Dorthin schicken wir den Abholcode.',
  phone: 'Telefon',
  optional: '(freiwillig)',
  privacyTitle: 'Datenschutz',
  privacy: (shop) =>
    `Gespeichert werden nur Ihr Name und Ihre Kontaktdaten, damit ${shop} die Reservierung zuordnen und Sie benachrichtigen kann. Sie werden 30 Tage nach Ende der Reservierung gelöscht.`,
  privacyAccept: 'Ich habe den Hinweis zum Datenschutz gelesen.',
  window: (from, until) => `Abholbereit ab ${from}, reserviert bis ${until}.`,
  price: 'Preis',
  total: (q, each, total) => (q === 1 ? each : `${q} × ${each} = ${total}`),
  payInShop: 'Bezahlt wird im Geschäft.',
  submit: 'Jetzt reservieren',
  resend: 'Erneut senden',
  sending: 'Ihre Reservierung wird gesendet …',
  errShop: 'Bitte wählen Sie ein Geschäft.',
  errQuantity: 'Bitte geben Sie eine Menge ab 1 ein.',
  errQuantityMax: (max) => `Bitte höchstens ${max} Stück.`,
  errQuantityFree: (shop, n) => `Bei ${shop} ${n === 1 ? 'ist nur noch 1 Stück' : `sind nur noch ${n} Stück`} frei.`,
  errName: 'Bitte geben Sie Ihren Namen ein.',
  errNameLong: (max) => `Bitte höchstens ${max} Zeichen.`,
  errEmail: 'Bitte geben Sie Ihre E-Mail-Adresse ein, z. B. name@beispiel.de.',
  errPhone: 'Bitte nur Ziffern, Leerzeichen und + ( ) / - – oder lassen Sie das Feld leer.',
  errPrivacy: 'Bitte bestätigen Sie, dass Sie den Hinweis zum Datenschutz gelesen haben.',
  errCheck: 'Bitte prüfen Sie diese Angabe.',
  failInsufficient: (shop, n) =>
    `Inzwischen ${n === 1 ? 'ist bei ' + shop + ' nur noch 1 Stück' : `sind bei ${shop} nur noch ${n} Stück`} frei. Bitte verringern Sie die Menge und senden Sie erneut.`,
  failSoldOut: (shop) => `Inzwischen ist bei ${shop} kein Stück mehr frei. Bitte wählen Sie ein anderes Geschäft oder versuchen Sie es später noch einmal.`,
  failRateLimited: (when) =>
    `Gerade sind keine weiteren Reservierungen möglich: zu viele in kurzer Zeit oder zu viele offene für diese E-Mail-Adresse. Bitte versuchen Sie es ${when} noch einmal.`,
  failNetwork: 'Die Verbindung ist abgebrochen. Ihre Angaben sind noch da: Senden Sie einfach erneut, es entsteht keine doppelte Reservierung.',
  failTimeout: 'Es kam keine Antwort. Ihre Angaben sind noch da: Senden Sie einfach erneut, es entsteht keine doppelte Reservierung.',
  failInProgress: 'Ihre Reservierung wird noch bearbeitet. Bitte senden Sie in einem Moment erneut.',
  failNotReservable: (shop, phone) =>
    `${shop} kann diesen Artikel gerade nicht reservieren.${phone ? ` Rufen Sie gern an: ${phone}.` : ' Fragen Sie gern im Geschäft nach.'}`,
  failServer: 'Das hat gerade nicht geklappt. Ihre Angaben sind noch da: Bitte senden Sie in einem Moment erneut.',
  failInvalid: 'Einige Angaben wurden nicht angenommen. Bitte prüfen Sie die markierten Felder.',
  cancelledByPage: 'Die Reservierung wurde nicht gesendet.',
  unavailable: 'Dieser Artikel lässt sich gerade in keinem Geschäft der Stadt reservieren.',
  inMinutes: (n) => (n <= 1 ? 'in einer Minute' : `in ${n} Minuten`),
  atTime: (t) => `ab ${t} Uhr`,
  doneTitle: 'Reserviert',
  doneLead: (q, item, shop) => `${q} × ${item} ist für Sie bei ${shop} reserviert.`,
  earlier: 'Ihre erste Anfrage war bereits angekommen: Das ist Ihre Reservierung. Möchten Sie etwas ändern, stornieren Sie sie und reservieren Sie neu.',
  codeLabel: 'Ihr Abholcode',
  qrLabel: (code) => `QR-Code mit Ihrem Abholcode ${code}`,
  showCode: 'Zeigen Sie den Code oder den QR-Code im Geschäft vor.',
  readyFrom: 'Abholbereit ab',
  heldUntil: 'Reserviert bis',
  shop: 'Geschäft',
  theShop: 'das Geschäft',
  hours: 'Öffnungszeiten',
  closed: 'geschlossen',
  mailSent: (email) => `Eine Bestätigung mit dem Code geht an ${email}.`,
  calendar: 'Zum Kalender hinzufügen',
  calendarFile: (code) => `abholung-${code}.ics`,
  calendarSummary: (q, item, shop) => `Abholen: ${q} × ${item} bei ${shop}`,
  calendarDescription: (code, until) => `Abholcode: ${code}\nReserviert bis ${until}.\nBezahlt wird im Geschäft.`,
  calendarAlarm: (shop) => `Ihre Reservierung bei ${shop} läuft bald ab.`,
  calendarReady: (shop) => `Ihre Reservierung liegt bei ${shop} bereit.`,
  cancel: 'Reservierung stornieren',
  cancelAsk: 'Möchten Sie die Reservierung wirklich stornieren? Der Artikel ist dann wieder für andere frei.',
  cancelYes: 'Ja, stornieren',
  cancelNo: 'Nein, behalten',
  cancelling: 'Die Reservierung wird storniert …',
  cancelFailed: 'Das Stornieren hat gerade nicht geklappt. Ihre Reservierung besteht weiter; bitte versuchen Sie es gleich noch einmal.',
  cancelledTitle: 'Reservierung storniert',
  cancelledText: (code, item) => `Ihre Reservierung ${code} ist storniert. ${item} ist wieder für andere frei.`,
  another: 'Weitere Reservierung',
  weekdays: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
  timeSuffix: ' Uhr',
  call: (phone) => `Telefon: ${phone}`,
};

export const en: DialogStrings = {
  title: 'Reserve & collect',
  close: 'Close',
  chooseShop: 'Shop',
  chooseShopHint: 'Choose where you would like to collect the item.',
  shopOption: (price, state) => `${price} · ${state}`,
  inStock: 'in stock',
  limited: 'only a few left',
  quantity: 'Quantity',
  quantityHint: (max, free) => (free ? `At most ${max} available` : `At most ${max}`),
  name: 'Name',
  email: 'Email',
  emailHint: 'We send the pickup code there.',
  phone: 'Phone',
  optional: '(optional)',
  privacyTitle: 'Privacy',
  privacy: (shop) =>
    `Only your name and contact details are stored, so that ${shop} can match the reservation to you and let you know. They are deleted 30 days after the reservation ends.`,
  privacyAccept: 'I have read the privacy notice.',
  window: (from, until) => `Ready from ${from}, held until ${until}.`,
  price: 'Price',
  total: (q, each, total) => (q === 1 ? each : `${q} × ${each} = ${total}`),
  payInShop: 'You pay in the shop.',
  submit: 'Reserve now',
  resend: 'Send again',
  sending: 'Sending your reservation …',
  errShop: 'Please choose a shop.',
  errQuantity: 'Please enter a quantity of 1 or more.',
  errQuantityMax: (max) => `Please reserve at most ${max}.`,
  errQuantityFree: (shop, n) => `${shop} has only ${n} left.`,
  errName: 'Please enter your name.',
  errNameLong: (max) => `Please use at most ${max} characters.`,
  errEmail: 'Please enter your email address, e.g. name@example.com.',
  errPhone: 'Please use only digits, spaces and + ( ) / -, or leave the field empty.',
  errPrivacy: 'Please confirm that you have read the privacy notice.',
  errCheck: 'Please check this entry.',
  failInsufficient: (shop, n) => `${shop} now has only ${n} left. Please lower the quantity and send again.`,
  failSoldOut: (shop) => `${shop} has none left now. Please choose another shop or try again later.`,
  failRateLimited: (when) =>
    `No more reservations are possible right now: too many in a short time, or too many open ones for this email address. Please try again ${when}.`,
  failNetwork: 'The connection broke off. Your details are still here: just send again, it will not make a second reservation.',
  failTimeout: 'No answer came. Your details are still here: just send again, it will not make a second reservation.',
  failInProgress: 'Your reservation is still being processed. Please send again in a moment.',
  failNotReservable: (shop, phone) => `${shop} cannot reserve this item right now.${phone ? ` Feel free to call: ${phone}.` : ' Feel free to ask in the shop.'}`,
  failServer: 'That did not work just now. Your details are still here: please send again in a moment.',
  failInvalid: 'Some entries were not accepted. Please check the marked fields.',
  cancelledByPage: 'The reservation was not sent.',
  unavailable: 'No shop in town can reserve this item at the moment.',
  inMinutes: (n) => (n <= 1 ? 'in a minute' : `in ${n} minutes`),
  atTime: (t) => `from ${t}`,
  doneTitle: 'Reserved',
  doneLead: (q, item, shop) => `${q} × ${item} is held for you at ${shop}.`,
  earlier: 'Your first request had already arrived: this is your reservation. To change something, cancel it and reserve again.',
  codeLabel: 'Your pickup code',
  qrLabel: (code) => `QR code of your pickup code ${code}`,
  showCode: 'Show the code or the QR code in the shop.',
  readyFrom: 'Ready from',
  heldUntil: 'Held until',
  shop: 'Shop',
  theShop: 'the shop',
  hours: 'Opening hours',
  closed: 'closed',
  mailSent: (email) => `A confirmation with the code is on its way to ${email}.`,
  calendar: 'Add to calendar',
  calendarFile: (code) => `pickup-${code}.ics`,
  calendarSummary: (q, item, shop) => `Collect: ${q} × ${item} at ${shop}`,
  calendarDescription: (code, until) => `Pickup code: ${code}\nHeld until ${until}.\nYou pay in the shop.`,
  calendarAlarm: (shop) => `Your reservation at ${shop} ends soon.`,
  calendarReady: (shop) => `Your reservation is ready at ${shop}.`,
  cancel: 'Cancel reservation',
  cancelAsk: 'Do you really want to cancel the reservation? The item will then be free for others again.',
  cancelYes: 'Yes, cancel',
  cancelNo: 'No, keep it',
  cancelling: 'Cancelling the reservation …',
  cancelFailed: 'Cancelling did not work just now. Your reservation still stands; please try again in a moment.',
  cancelledTitle: 'Reservation cancelled',
  cancelledText: (code, item) => `Your reservation ${code} is cancelled. ${item} is free for others again.`,
  another: 'Another reservation',
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  timeSuffix: '',
  call: (phone) => `Phone: ${phone}`,
};

export const dialogCatalogue = { de, en };
