/**
 * The script of the shopper's reservation page (/r/{id}), served as its own file
 * at /pages/reservation.js so the page needs no inline script. It is plain
 * browser JavaScript kept as text: the endpoint's build bundles Node code only,
 * and a file beside it would not travel into the published package.
 *
 * It reads the token from the fragment, shows the reservation in the shopper's
 * language, and cancels it on request.
 */
export const RESERVATION_SCRIPT = String.raw`const main = document.getElementById('main');
const id = location.pathname.split('/').pop();
const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => '&#' + c.charCodeAt(0) + ';');
const T = {
  de: { title: 'Ihre Reservierung', code: 'Abholcode', status: { held: 'Reserviert', ready: 'Liegt zur Abholung bereit', collected: 'Abgeholt', cancelled: 'Storniert', expired: 'Abgelaufen' }, until: 'Reserviert bis', cancel: 'Reservierung stornieren', cancelled: 'Die Reservierung ist storniert.', missing: 'Diese Reservierung finden wir nicht. Bitte öffnen Sie den vollständigen Link aus Ihrer E-Mail.', failed: 'Das hat nicht geklappt. Bitte versuchen Sie es gleich noch einmal.' },
  en: { title: 'Your reservation', code: 'Pickup code', status: { held: 'Reserved', ready: 'Ready for pickup', collected: 'Collected', cancelled: 'Cancelled', expired: 'Expired' }, until: 'Held until', cancel: 'Cancel reservation', cancelled: 'The reservation is cancelled.', missing: 'We cannot find this reservation. Please open the complete link from your e-mail.', failed: 'That did not work. Please try again in a moment.' },
};
async function show() {
  const res = await fetch('/v1/reservations/' + encodeURIComponent(id), { headers: { Authorization: 'Bearer ' + token } });
  if (!res.ok) { main.innerHTML = '<p>' + T.de.missing + '</p><p lang="en">' + T.en.missing + '</p>'; return; }
  const r = await res.json();
  const t = T[r.lang] ?? T.de;
  document.documentElement.lang = r.lang;
  document.title = t.title;
  const until = new Intl.DateTimeFormat(r.lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: r.store.time_zone }).format(new Date(r.expires_at));
  main.innerHTML = '<h1>' + t.title + '</h1><p>' + esc(r.quantity) + ' × ' + esc(r.item.name) + '<br>' + esc(r.store.name) + ', ' + esc(r.store.address.street) + ', ' + esc(r.store.address.postal_code) + ' ' + esc(r.store.address.city) + '</p>'
    + '<p>' + t.code + '</p><p class="code">' + esc(r.code) + '</p><p><strong>' + t.status[r.status] + '</strong><br><span class="muted">' + t.until + ': ' + esc(until) + '</span></p>'
    + (r.status === 'held' || r.status === 'ready' ? '<button id="cancel">' + t.cancel + '</button>' : '');
  document.getElementById('cancel')?.addEventListener('click', async () => {
    const c = await fetch('/v1/reservations/' + encodeURIComponent(id) + '/cancel', { method: 'POST', headers: { Authorization: 'Bearer ' + token } });
    if (c.ok) show(); else main.insertAdjacentHTML('beforeend', '<p role="alert">' + t.failed + '</p>');
  });
}
show();
`;
