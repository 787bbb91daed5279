/** The insights screen's words, German first. */
import type { InsightEvent } from '../../sdk/contract/insights.js';

export interface InsightStrings {
  title: string;
  townTitle: string;
  intro: string;
  townIntro: string;
  demo: string;
  period: string;
  last4: string;
  last8: string;
  byDay: string;
  byWeek: string;
  events: Record<InsightEvent, string>;
  keyFigures: string;
  chartTitle: string;
  chartLabel: (from: string, to: string) => string;
  table: string;
  periodColumn: string;
  csv: string;
  funnel: string;
  funnelNote: string;
  ofViews: (percent: string) => string;
  top: string;
  product: string;
  noData: string;
  loading: string;
  failed: string;
  retry: string;
  small: string;
  shops: string;
  shopsNote: string;
  footfall: string;
  footfallNote: string;
  weekday: string[];
  hour: string;
  passersBy: string;
  online: string;
  openData: string;
  privacy: string;
}

const de: InsightStrings = {
  title: 'Zahlen',
  townTitle: 'Zahlen der Stadt',
  intro: 'Was Kundinnen und Kunden mit Ihren Artikeln tun, gezählt ohne Tracking: nur Summen, keine Personen.',
  townIntro: 'Alle Geschäfte zusammen. Kleine Zahlen (unter 5) stehen als „< 5“, damit niemand einzelne Personen herauslesen kann.',
  demo: 'Demodaten: erzeugte Zahlen der Demo-Stadt',
  period: 'Zeitraum',
  last4: 'Letzte 4 Wochen',
  last8: 'Letzte 8 Wochen',
  byDay: 'Pro Tag',
  byWeek: 'Pro Woche',
  events: {
    view: 'Angesehen',
    'model-open': '3D geöffnet',
    'ar-start': 'AR gestartet',
    'ar-fail': 'AR nicht möglich',
    'qr-shown': 'QR-Code fürs Handy',
    'finder-search': 'In der Geschäftssuche',
    'store-select': 'Geschäft gewählt',
    'route-open': 'Weg geöffnet',
    'call-open': 'Angerufen',
    'website-open': 'Website geöffnet',
    'reservation-open': 'Reservierung begonnen',
    reserved: 'Reserviert',
    collected: 'Abgeholt',
    expired: 'Nicht abgeholt',
  },
  keyFigures: 'Auf einen Blick',
  chartTitle: 'Verlauf',
  chartLabel: (from, to) => `Diagramm: Angesehen, Geschäft gewählt, Reserviert und Abgeholt vom ${from} bis ${to}. Die Zahlen stehen auch in der Tabelle darunter.`,
  table: 'Zahlen als Tabelle',
  periodColumn: 'Zeitraum',
  csv: 'Als CSV herunterladen',
  funnel: 'Vom Ansehen bis zum Abholen',
  funnelNote: 'Wie viele der Ansichten zum nächsten Schritt führten.',
  ofViews: (p) => `${p} der Ansichten`,
  top: 'Meistgesehene Artikel',
  product: 'Artikel',
  noData: 'In diesem Zeitraum wurde nichts gezählt.',
  loading: 'Die Zahlen werden geladen …',
  failed: 'Die Zahlen lassen sich gerade nicht laden.',
  retry: 'Erneut versuchen',
  small: '< 5',
  shops: 'Geschäfte, die ihre Zahlen teilen',
  shopsNote: 'Nur Geschäfte, die in ihrem Profil zugestimmt haben.',
  footfall: 'Passanten und Interesse online',
  footfallNote: 'Wann Menschen online nach Artikeln der Stadt sehen, und wann sie in die Innenstadt kommen (Summe je Wochentag und Stunde).',
  weekday: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
  hour: 'Uhrzeit',
  passersBy: 'Passanten',
  online: 'Online angesehen',
  openData: 'Offene Daten (JSON, CSV)',
  privacy: 'Text für die Datenschutzerklärung',
};

const en: InsightStrings = {
  title: 'Figures',
  townTitle: 'The town\'s figures',
  intro: 'What shoppers do with your articles, counted without tracking: sums only, never people.',
  townIntro: 'All shops together. Small figures (under 5) show as "< 5", so that nobody can read off a single person.',
  demo: 'Demo data: generated figures of the demo town',
  period: 'Period',
  last4: 'Last 4 weeks',
  last8: 'Last 8 weeks',
  byDay: 'Per day',
  byWeek: 'Per week',
  events: {
    view: 'Viewed',
    'model-open': '3D opened',
    'ar-start': 'AR started',
    'ar-fail': 'AR not possible',
    'qr-shown': 'QR code for a phone',
    'finder-search': 'In the shop finder',
    'store-select': 'Shop chosen',
    'route-open': 'Route opened',
    'call-open': 'Called',
    'website-open': 'Website opened',
    'reservation-open': 'Reservation started',
    reserved: 'Reserved',
    collected: 'Collected',
    expired: 'Not collected',
  },
  keyFigures: 'At a glance',
  chartTitle: 'Over time',
  chartLabel: (from, to) => `Chart: viewed, shop chosen, reserved and collected from ${from} to ${to}. The figures are also in the table below.`,
  table: 'Figures as a table',
  periodColumn: 'Period',
  csv: 'Download as CSV',
  funnel: 'From viewing to collecting',
  funnelNote: 'How many of the views led to the next step.',
  ofViews: (p) => `${p} of views`,
  top: 'Most viewed articles',
  product: 'Article',
  noData: 'Nothing was counted in this period.',
  loading: 'Loading the figures …',
  failed: 'The figures cannot be loaded right now.',
  retry: 'Try again',
  small: '< 5',
  shops: 'Shops that share their figures',
  shopsNote: 'Only shops that agreed in their profile.',
  footfall: 'Passers-by and online interest',
  footfallNote: 'When people look at the town\'s articles online, and when they come to the town centre (sum per weekday and hour).',
  weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  hour: 'Time',
  passersBy: 'Passers-by',
  online: 'Viewed online',
  openData: 'Open data (JSON, CSV)',
  privacy: 'Text for the privacy notice',
};

export const insightStrings = { de, en } as const;
