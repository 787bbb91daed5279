/** The stock feed's words on the stock screen, German and English (kept beside strings.ts so the feed's many words stay together). */
import type { FeedFetchFailure } from '../sdk/contract/schemas/stock-feed.js';
import type { Lang } from './strings.js';

export interface FeedStrings {
  heading: string;
  intro: string;
  url: string;
  urlHint: string;
  every: string;
  everyOption: (hours: number) => string;
  at: string;
  save: string;
  saved: string;
  remove: string;
  removed: string;
  notSaved: string;
  urlRefused: string;
  none: string;
  schedule: (every: number, at: string) => string;
  next: (when: string) => string;
  lastRun: (when: string) => string;
  waiting: string;
  applied: (r: { updated: number; created: number; removed: number }) => string;
  unchanged: string;
  failed: string;
  problems: (n: number) => string;
  fetchFailure: (failure: FeedFetchFailure, status?: number) => string;
  mailed: string;
  fetchNow: string;
  fetching: string;
  fetched: string;
  fetchSlow: string;
}

const de: FeedStrings = {
  heading: 'Bestand automatisch abrufen',
  intro: 'Liegt Ihre Bestandsliste im Internet (z. B. als Export Ihres Shopsystems), holt der Server sie regelmäßig ab und übernimmt sie wie einen Upload.',
  url: 'Adresse der Bestandsliste (https)',
  urlHint: 'Eine öffentliche https-Adresse, z. B. https://ihr-shop.de/export/bestand.csv. Spalten wie beim Upload.',
  every: 'Wie oft',
  everyOption: (h) => (h === 24 ? 'einmal am Tag' : h === 1 ? 'jede Stunde' : `alle ${h} Stunden`),
  at: 'Erster Abruf am Tag (Uhrzeit)',
  save: 'Abruf speichern',
  saved: 'Gespeichert. Der erste Abruf folgt in etwa einer Minute.',
  remove: 'Abruf beenden',
  removed: 'Der automatische Abruf ist beendet. Ihr Bestand bleibt, wie er ist.',
  notSaved: 'Nicht gespeichert.',
  urlRefused: 'Die Adresse (url) ist keine öffentliche https-Adresse: Der Server ruft keine lokalen oder internen Adressen ab.',
  none: 'Noch kein automatischer Abruf eingerichtet.',
  schedule: (every, at) => (every === 24 ? `Abruf täglich um ${at} Uhr.` : `Abruf alle ${every} Stunden ab ${at} Uhr.`),
  next: (when) => `Nächster Abruf: ${when}`,
  lastRun: (when) => `Letzter Abruf: ${when}`,
  waiting: 'Der erste Abruf steht noch aus.',
  applied: (r) => `Übernommen: ${r.updated} Artikel aktualisiert, ${r.created} neu, ${r.removed} entfernt.`,
  unchanged: 'Unverändert seit dem letzten Abruf: Ihr Bestand ist bestätigt.',
  failed: 'Fehlgeschlagen, es wurde nichts geändert.',
  problems: (n) => (n === 1 ? 'Ein Problem in der Datei:' : `${n} Probleme in der Datei:`),
  fetchFailure: (f, status) => ({
    address: 'Die Adresse ist keine öffentliche https-Adresse.',
    status: `Der Server antwortete mit dem Status ${status ?? ''}.`,
    'too-large': 'Die Datei ist größer als 16 MB.',
    timeout: 'Der Server hat nicht innerhalb von 30 Sekunden geantwortet.',
    network: 'Der Server war nicht erreichbar.',
    redirects: 'Die Adresse leitet zu oft weiter.',
  })[f],
  mailed: 'Wir haben Ihnen dazu eine E-Mail geschickt (nur einmal, bis der Abruf wieder gelingt).',
  fetchNow: 'Jetzt abrufen',
  fetching: 'Wird abgerufen …',
  fetched: 'Abgerufen. Das Ergebnis steht oben unter „Letzter Abruf“.',
  fetchSlow: 'Der Abruf dauert länger als üblich. Das Ergebnis steht hier, wenn Sie die Seite später neu laden.',
};

const en: FeedStrings = {
  heading: 'Fetch the stock automatically',
  intro: 'If your stock list is online (for example an export of your shop system), the server fetches it regularly and applies it like an upload.',
  url: 'Address of the stock list (https)',
  urlHint: 'A public https address, e.g. https://your-shop.example/export/stock.csv. Same columns as an upload.',
  every: 'How often',
  everyOption: (h) => (h === 24 ? 'once a day' : h === 1 ? 'every hour' : `every ${h} hours`),
  at: 'First fetch of the day (time)',
  save: 'Save fetch',
  saved: 'Saved. The first fetch follows in about a minute.',
  remove: 'Stop fetching',
  removed: 'Automatic fetching has stopped. Your stock stays as it is.',
  notSaved: 'Not saved.',
  urlRefused: 'The address (url) is not a public https address: the server fetches no local or internal addresses.',
  none: 'No automatic fetch set up yet.',
  schedule: (every, at) => (every === 24 ? `Fetched daily at ${at}.` : `Fetched every ${every} hours from ${at}.`),
  next: (when) => `Next fetch: ${when}`,
  lastRun: (when) => `Last fetch: ${when}`,
  waiting: 'The first fetch has not happened yet.',
  applied: (r) => `Applied: ${r.updated} articles updated, ${r.created} new, ${r.removed} removed.`,
  unchanged: 'Unchanged since the last fetch: your stock is confirmed.',
  failed: 'Failed; nothing was changed.',
  problems: (n) => (n === 1 ? 'One problem in the file:' : `${n} problems in the file:`),
  fetchFailure: (f, status) => ({
    address: 'The address is not a public https address.',
    status: `The server answered with status ${status ?? ''}.`,
    'too-large': 'The file is larger than 16 MB.',
    timeout: 'The server did not answer within 30 seconds.',
    network: 'The server could not be reached.',
    redirects: 'The address redirects too often.',
  })[f],
  mailed: 'We sent you an e-mail about it (once, until fetching works again).',
  fetchNow: 'Fetch now',
  fetching: 'Fetching …',
  fetched: 'Fetched. The result is above under "Last fetch".',
  fetchSlow: 'The fetch is taking longer than usual. Reload the page later to see its result here.',
};

export const feedStrings: Record<Lang, FeedStrings> = { de, en };
