/** Every word of the town operator's screens, German first (the "Sie" register) and English. */
import type { Lang } from '../strings.js';

export interface OperatorStrings {
  role: string;
  nav: { label: string; shops: string; town: string; mail: string; numbers: string };
  signOut: string;
  loading: string;
  error: string;
  saved: string;
  confirm: string;
  cancel: string;
  yes: string;
  shops: {
    heading: string;
    none: string;
    address: (street: string, postal: string, city: string) => string;
    collectOn: string;
    collectOff: string;
    paused: string;
    revoked: string;
    stockAt: (when: string) => string;
    noStock: string;
    open: (n: number) => string;
    invite: string;
    invited: (email: string, minutes: number) => string;
    noEmail: string;
    rotate: string;
    rotateConfirm: (name: string) => string;
    newKey: (name: string) => string;
    keyOnce: string;
    revoke: string;
    revokeConfirm: (name: string) => string;
    revokedDone: (name: string) => string;
    pause: string;
    pauseConfirm: (name: string) => string;
    pausedDone: (name: string) => string;
    resume: string;
    resumedDone: (name: string) => string;
    actionsFor: (name: string) => string;
  };
  add: {
    heading: string;
    name: string;
    street: string;
    postal: string;
    city: string;
    lat: string;
    lon: string;
    email: string;
    phone: string;
    hours: string;
    hoursHint: string;
    collect: string;
    readyWithin: string;
    holdDays: string;
    submit: string;
    created: (name: string) => string;
    fix: string;
  };
  town: {
    heading: string;
    name: string;
    lat: string;
    lon: string;
    zoom: string;
    places: string;
    placesHint: string;
    placeLine: (n: number) => string;
    tiles: string;
    tilesNone: string;
    tilesXyz: string;
    tilesPmtiles: string;
    tileUrl: string;
    tileUrlHint: string;
    maxZoom: string;
    attribution: string;
    submit: string;
    fix: string;
    notANumber: string;
    placeFormat: string;
  };
  mail: {
    heading: string;
    smtp: string;
    configured: (server: string) => string;
    notConfigured: string;
    waiting: string;
    failed: string;
    lastError: string;
    noError: string;
    reload: string;
  };
  numbers: {
    footfall: string;
    footfallIntro: string;
    file: string;
    imported: (rows: number, points: string) => string;
    rejected: (n: number) => string;
    line: (line: number) => string;
  };
}

const de: OperatorStrings = {
  role: 'Betreiber der Stadt',
  nav: { label: 'Bereiche', shops: 'Geschäfte', town: 'Stadt', mail: 'E-Mail', numbers: 'Zahlen' },
  signOut: 'Abmelden',
  loading: 'Wird geladen …',
  error: 'Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.',
  saved: 'Gespeichert.',
  confirm: 'Bitte bestätigen',
  cancel: 'Abbrechen',
  yes: 'Ja, ausführen',
  shops: {
    heading: 'Geschäfte',
    none: 'Noch keine Geschäfte.',
    address: (street, postal, city) => `${street}, ${postal} ${city}`,
    collectOn: 'Click & Collect an',
    collectOff: 'Click & Collect aus',
    paused: 'Pausiert',
    revoked: 'Schlüssel gesperrt',
    stockAt: (when) => `Bestand zuletzt: ${when}`,
    noStock: 'Noch kein Bestand',
    open: (n) => `Offene Reservierungen: ${n}`,
    invite: 'Einladen',
    invited: (email, m) => `Der Anmeldelink ist an ${email} unterwegs. Er gilt ${m} Minuten und nur einmal.`,
    noEmail: 'Keine E-Mail-Adresse: Einladen geht erst mit einer Adresse.',
    rotate: 'Neuer Schlüssel',
    rotateConfirm: (n) => `Neuen Schlüssel für ${n} erzeugen? Der alte hört sofort auf zu funktionieren, alle Anmeldungen des Geschäfts enden.`,
    newKey: (n) => `Neuer Schlüssel für ${n}:`,
    keyOnce: 'Er wird nur jetzt angezeigt. Geben Sie ihn dem Geschäft auf sicherem Weg weiter.',
    revoke: 'Schlüssel sperren',
    revokeConfirm: (n) => `Schlüssel von ${n} sperren? Kein Schlüssel des Geschäfts funktioniert mehr, alle Anmeldungen enden, bis Sie einen neuen erzeugen.`,
    revokedDone: (n) => `Der Schlüssel von ${n} ist gesperrt.`,
    pause: 'Pausieren',
    pauseConfirm: (n) => `${n} pausieren? Das Geschäft verschwindet aus der Verfügbarkeit und nimmt keine Reservierungen an. Bestehende Reservierungen bleiben.`,
    pausedDone: (n) => `${n} ist pausiert.`,
    resume: 'Fortsetzen',
    resumedDone: (n) => `${n} ist wieder sichtbar und nimmt Reservierungen an.`,
    actionsFor: (n) => `Aktionen für ${n}`,
  },
  add: {
    heading: 'Geschäft hinzufügen',
    name: 'Name',
    street: 'Straße und Hausnummer',
    postal: 'Postleitzahl',
    city: 'Ort',
    lat: 'Breitengrad (z. B. 51,3970)',
    lon: 'Längengrad (z. B. 8,0650)',
    email: 'E-Mail-Adresse für Benachrichtigungen und Einladung',
    phone: 'Telefon (freiwillig)',
    hours: 'Öffnungszeiten',
    hoursHint: 'Zum Beispiel: Mo-Fr 09:30-13:00 14:30-18:30; Sa 10:00-14:00. Nicht genannte Tage sind geschlossen.',
    collect: 'Click & Collect anbieten',
    readyWithin: 'Abholbereit nach (Minuten)',
    holdDays: 'Zurückgelegt für (Öffnungstage)',
    submit: 'Geschäft anlegen',
    created: (n) => `${n} ist angelegt.`,
    fix: 'Bitte prüfen Sie dieses Feld:',
  },
  town: {
    heading: 'Einstellungen der Stadt',
    name: 'Name der Stadt',
    lat: 'Mitte: Breitengrad',
    lon: 'Mitte: Längengrad',
    zoom: 'Kartenausschnitt (Zoomstufe 1–22)',
    places: 'Orte und Postleitzahlen',
    placesHint: 'Eine Zeile je Ort: Name; Postleitzahl (freiwillig); Breitengrad; Längengrad',
    placeLine: (n) => `Orte, Zeile ${n}`,
    tiles: 'Kartenkacheln',
    tilesNone: 'Keine (schematische Karte)',
    tilesXyz: 'Rasterkacheln von einem Server, den die Stadt nennt',
    tilesPmtiles: 'PMTiles-Datei vom Endpunkt',
    tileUrl: 'Adresse der Kacheln',
    tileUrlHint: 'Rasterkacheln: https://…/{z}/{x}/{y}.png; PMTiles: /tiles/stadt.pmtiles',
    maxZoom: 'Größte Zoomstufe',
    attribution: 'Quellenangabe der Karte',
    submit: 'Speichern',
    fix: 'Nicht gespeichert. Bitte prüfen Sie dieses Feld:',
    notANumber: 'keine Zahl',
    placeFormat: 'erwartet: Name; Postleitzahl; Breitengrad; Längengrad',
  },
  mail: {
    heading: 'E-Mail-Versand',
    smtp: 'SMTP-Server',
    configured: (s) => `eingerichtet (${s})`,
    notConfigured: 'nicht eingerichtet: E-Mails warten im Postausgang',
    waiting: 'Warten auf Versand',
    failed: 'Endgültig fehlgeschlagen',
    lastError: 'Letzter Fehler',
    noError: 'keiner',
    reload: 'Aktualisieren',
  },
  numbers: {
    footfall: 'Passantenzählung importieren',
    footfallIntro: 'CSV der Zählstellen mit den Spalten Zählstelle, Stunde, Anzahl. Eine Datei mit einer fehlerhaften Zeile wird ganz abgelehnt.',
    file: 'CSV-Datei wählen',
    imported: (r, p) => `${new Intl.NumberFormat('de-DE').format(r)} Stundenwerte importiert (${p}).`,
    rejected: (n) => `Nichts importiert: ${n === 1 ? 'eine Zeile' : `${n} Zeilen`} zu korrigieren.`,
    line: (l) => `Zeile ${l}`,
  },
};

const en: OperatorStrings = {
  role: 'Town operator',
  nav: { label: 'Sections', shops: 'Shops', town: 'Town', mail: 'E-mail', numbers: 'Figures' },
  signOut: 'Sign out',
  loading: 'Loading …',
  error: 'That did not work. Please try again.',
  saved: 'Saved.',
  confirm: 'Please confirm',
  cancel: 'Cancel',
  yes: 'Yes, do it',
  shops: {
    heading: 'Shops',
    none: 'No shops yet.',
    address: (street, postal, city) => `${street}, ${postal} ${city}`,
    collectOn: 'Click & collect on',
    collectOff: 'Click & collect off',
    paused: 'Paused',
    revoked: 'Key revoked',
    stockAt: (when) => `Stock last updated: ${when}`,
    noStock: 'No stock yet',
    open: (n) => `Open reservations: ${n}`,
    invite: 'Invite',
    invited: (email, m) => `The sign-in link is on its way to ${email}. It works once, for ${m} minutes.`,
    noEmail: 'No e-mail address: add one before inviting.',
    rotate: 'New key',
    rotateConfirm: (n) => `Make a new key for ${n}? The old one stops working at once and every session of the shop ends.`,
    newKey: (n) => `New key for ${n}:`,
    keyOnce: 'It is shown only now. Pass it to the shop by a safe way.',
    revoke: 'Revoke key',
    revokeConfirm: (n) => `Revoke ${n}'s key? No key of the shop works and every session ends until you make a new one.`,
    revokedDone: (n) => `${n}'s key is revoked.`,
    pause: 'Pause',
    pauseConfirm: (n) => `Pause ${n}? The shop disappears from availability and takes no reservations. Existing reservations stay.`,
    pausedDone: (n) => `${n} is paused.`,
    resume: 'Resume',
    resumedDone: (n) => `${n} is visible again and takes reservations.`,
    actionsFor: (n) => `Actions for ${n}`,
  },
  add: {
    heading: 'Add a shop',
    name: 'Name',
    street: 'Street and number',
    postal: 'Postal code',
    city: 'Town',
    lat: 'Latitude (e.g. 51.3970)',
    lon: 'Longitude (e.g. 8.0650)',
    email: 'E-mail for notifications and the invitation',
    phone: 'Phone (optional)',
    hours: 'Opening hours',
    hoursHint: 'For example: Mon-Fri 09:30-13:00 14:30-18:30; Sat 10:00-14:00. Days not named are closed.',
    collect: 'Offer click & collect',
    readyWithin: 'Ready for pickup after (minutes)',
    holdDays: 'Held for (opening days)',
    submit: 'Add the shop',
    created: (n) => `${n} has been added.`,
    fix: 'Please check this field:',
  },
  town: {
    heading: 'Town settings',
    name: 'Name of the town',
    lat: 'Centre: latitude',
    lon: 'Centre: longitude',
    zoom: 'Map view (zoom level 1–22)',
    places: 'Places and postal codes',
    placesHint: 'One line per place: name; postal code (optional); latitude; longitude',
    placeLine: (n) => `Places, line ${n}`,
    tiles: 'Map tiles',
    tilesNone: 'None (schematic map)',
    tilesXyz: 'Raster tiles from a server the town names',
    tilesPmtiles: 'PMTiles file from the endpoint',
    tileUrl: 'Tile address',
    tileUrlHint: 'Raster tiles: https://…/{z}/{x}/{y}.png; PMTiles: /tiles/town.pmtiles',
    maxZoom: 'Largest zoom level',
    attribution: 'Map attribution',
    submit: 'Save',
    fix: 'Not saved. Please check this field:',
    notANumber: 'not a number',
    placeFormat: 'expected: name; postal code; latitude; longitude',
  },
  mail: {
    heading: 'Outgoing e-mail',
    smtp: 'SMTP server',
    configured: (s) => `configured (${s})`,
    notConfigured: 'not configured: mails wait in the outbox',
    waiting: 'Waiting to be sent',
    failed: 'Failed for good',
    lastError: 'Last error',
    noError: 'none',
    reload: 'Refresh',
  },
  numbers: {
    footfall: 'Import passer-by counts',
    footfallIntro: 'The counters\' CSV with the columns point, hour, count. A file with a bad line is refused whole.',
    file: 'Choose a CSV file',
    imported: (r, p) => `${new Intl.NumberFormat('en-GB').format(r)} hourly counts imported (${p}).`,
    rejected: (n) => `Nothing imported: ${n === 1 ? 'one line' : `${n} lines`} to fix.`,
    line: (l) => `Line ${l}`,
  },
};

export const operatorCatalogue: Record<Lang, OperatorStrings> = { de, en };
