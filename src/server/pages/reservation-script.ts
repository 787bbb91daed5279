/**
 * The script of the shopper's reservation page (/r/{id}), served as its own file
 * at /pages/reservation.js so the page needs no inline script. It is plain
 * browser JavaScript kept as text: the endpoint's build bundles Node code only,
 * and a file beside it would not travel into the published package.
 *
 * It reads the token from the fragment and shows, in the shopper's language, what
 * they need at the counter and on the way: the pickup code with its QR code, from
 * when and until when it is held (times with "Uhr"), the article and its price, the
 * shop's opening hours, phone and a route link. Cancelling asks once; afterwards the
 * page shows the reservation as cancelled, without the pickup code.
 */
export const RESERVATION_SCRIPT = String.raw`const main = document.getElementById('main');
const id = location.pathname.split('/').pop();
const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const T = {
  de: { title: 'Ihre Reservierung', code: 'Abholcode', qr: 'QR-Code mit Ihrem Abholcode', status: { held: 'Reserviert', ready: 'Liegt zur Abholung bereit', collected: 'Abgeholt', cancelled: 'Storniert', expired: 'Abgelaufen' },
    from: 'Abholbereit ab', until: 'Reserviert bis', price: 'Preis', pay: 'Bezahlt wird im Geschäft.', shop: 'Geschäft', hours: 'Öffnungszeiten', closed: 'geschlossen', suffix: ' Uhr',
    days: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'], route: 'Route (OpenStreetMap)', call: 'Anrufen', show: 'Nennen oder zeigen Sie den Abholcode im Geschäft.',
    cancel: 'Reservierung stornieren', ask: 'Möchten Sie diese Reservierung wirklich stornieren? Der Artikel wird wieder für andere frei.', yes: 'Ja, stornieren', no: 'Nein, behalten',
    cancelled: 'Diese Reservierung ist storniert. Eine Bestätigung ist per E-Mail unterwegs.', gone: 'Diese Reservierung ist nicht mehr aktiv.',
    missing: 'Diese Reservierung finden wir nicht. Bitte öffnen Sie den vollständigen Link aus Ihrer E-Mail.', failed: 'Das hat nicht geklappt. Bitte versuchen Sie es gleich noch einmal.' },
  en: { title: 'Your reservation', code: 'Pickup code', qr: 'QR code of your pickup code', status: { held: 'Reserved', ready: 'Ready for pickup', collected: 'Collected', cancelled: 'Cancelled', expired: 'Expired' },
    from: 'Ready from', until: 'Held until', price: 'Price', pay: 'You pay in the shop.', shop: 'Shop', hours: 'Opening hours', closed: 'closed', suffix: '',
    days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'], route: 'Directions (OpenStreetMap)', call: 'Call', show: 'Say or show the pickup code in the shop.',
    cancel: 'Cancel reservation', ask: 'Do you really want to cancel this reservation? The item becomes available to others again.', yes: 'Yes, cancel', no: 'No, keep it',
    cancelled: 'This reservation is cancelled. A confirmation is on its way by e-mail.', gone: 'This reservation is no longer active.',
    missing: 'We cannot find this reservation. Please open the complete link from your e-mail.', failed: 'That did not work. Please try again in a moment.' },
};
let justCancelled = false;
function week(hours, t) {
  const days = DAYS.map((d) => [...hours.weekly[d]].sort((a, b) => a.opens.localeCompare(b.opens)).map((i) => i.opens + '–' + i.closes).join(', '));
  const lines = [];
  for (let s = 0; s < 7; ) {
    let e = s;
    while (e + 1 < 7 && days[e + 1] === days[s]) e++;
    lines.push((s === e ? t.days[s] : t.days[s] + '–' + t.days[e]) + ' ' + (days[s] ? days[s] + t.suffix : t.closed));
    s = e + 1;
  }
  return lines;
}
async function show() {
  const res = await fetch('/v1/reservations/' + encodeURIComponent(id), { headers: { Authorization: 'Bearer ' + token } });
  if (!res.ok) { main.innerHTML = '<p>' + T.de.missing + '</p><p lang="en">' + T.en.missing + '</p>'; return; }
  const r = await res.json();
  const t = T[r.lang] ?? T.de;
  const locale = r.lang === 'en' ? 'en-GB' : 'de-DE';
  document.documentElement.lang = r.lang;
  document.title = t.title;
  const at = (iso) => new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: r.store.time_zone }).format(new Date(iso)) + t.suffix;
  const total = new Intl.NumberFormat(locale, { style: 'currency', currency: r.item.price.currency }).format(Math.round(Number(r.item.price.amount) * 100) * r.quantity / 100);
  const each = new Intl.NumberFormat(locale, { style: 'currency', currency: r.item.price.currency }).format(Number(r.item.price.amount));
  const open = r.status === 'held' || r.status === 'ready';
  const s = r.store;
  const a = s.address;
  const route = 'https://www.openstreetmap.org/search?query=' + encodeURIComponent(a.street + ', ' + a.postal_code + ' ' + a.city);
  main.innerHTML = '<h1>' + t.title + '</h1>'
    + '<p class="status ' + esc(r.status) + '"><strong>' + t.status[r.status] + '</strong></p>'
    + (r.status === 'cancelled' ? '<p>' + (justCancelled ? t.cancelled : t.gone) + '</p>' : '')
    + '<p class="item">' + esc(r.quantity) + ' × ' + esc(r.item.name) + '</p>'
    + (open ? '<div class="ticket"><div><p class="label">' + t.code + '</p><p class="code">' + esc(r.code) + '</p><p class="muted">' + t.show + '</p></div><canvas class="qr" role="img" aria-label="' + t.qr + ' ' + esc(r.code) + '"></canvas></div>' : '')
    + '<dl class="facts">'
    + (open ? '<div><dt>' + t.from + '</dt><dd>' + esc(at(r.ready_from)) + '</dd></div><div><dt>' + t.until + '</dt><dd>' + esc(at(r.expires_at)) + '</dd></div>' : '')
    + '<div><dt>' + t.price + '</dt><dd>' + (r.quantity > 1 ? esc(r.quantity + ' × ' + each + ' = ') : '') + esc(total) + (open ? ' · ' + t.pay : '') + '</dd></div>'
    + '<div><dt>' + t.shop + '</dt><dd>' + esc(s.name) + '<br>' + esc(a.street) + ', ' + esc(a.postal_code) + ' ' + esc(a.city)
    + '<br><a href="' + esc(route) + '" rel="noopener noreferrer" target="_blank">' + t.route + '</a>'
    + (s.phone ? '<br><a href="tel:' + esc(s.phone.replace(/[^+\d]/g, '')) + '">' + t.call + ': ' + esc(s.phone) + '</a>' : '') + '</dd></div>'
    + '<div><dt>' + t.hours + '</dt><dd><ul class="hours">' + week(s.opening_hours, t).map((l) => '<li>' + esc(l) + '</li>').join('') + '</ul></dd></div>'
    + '</dl>'
    + (open ? '<div class="actions" id="actions"><button type="button" id="cancel">' + t.cancel + '</button></div>' : '');
  if (open) {
    import('/pages/qr.js').then(({ generate, correction }) => {
      const canvas = main.querySelector('canvas.qr');
      if (canvas) generate(r.code, { minCorrectionLevel: correction.M }).toCanvas(canvas, { on: [0, 0, 0, 255], off: [255, 255, 255, 255], pad: 4 });
    });
  }
  document.getElementById('cancel')?.addEventListener('click', () => {
    const actions = document.getElementById('actions');
    actions.innerHTML = '<p id="ask">' + t.ask + '</p><button type="button" id="confirm" class="danger" aria-describedby="ask">' + t.yes + '</button> <button type="button" id="keep">' + t.no + '</button>';
    document.getElementById('confirm').focus();
    document.getElementById('keep').addEventListener('click', () => show());
    document.getElementById('confirm').addEventListener('click', async () => {
      const c = await fetch('/v1/reservations/' + encodeURIComponent(id) + '/cancel', { method: 'POST', headers: { Authorization: 'Bearer ' + token } });
      if (c.ok) { justCancelled = true; await show(); main.querySelector('h1')?.focus(); }
      else actions.insertAdjacentHTML('beforeend', '<p role="alert">' + t.failed + '</p>');
    });
  });
}
show();
`;
