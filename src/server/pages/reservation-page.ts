/**
 * The shopper's page behind the link in their confirmation e-mail
 * (`/r/{id}#token=…`): it shows the reservation and lets them cancel it. The
 * token stays in the fragment, which browsers never send, so it reaches no log;
 * the page's script (./assets.ts) reads it and asks the API.
 */
import { contentSecurityPolicy, pageHeaders } from './html.js';

export const RESERVATION_PAGE = `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Reservierung</title>
<link rel="stylesheet" href="/pages/reservation.css">
<script type="module" src="/pages/reservation.js"></script>
</head>
<body><main id="main" aria-live="polite"><p>…</p></main></body>
</html>
`;

export const RESERVATION_PAGE_HEADERS = pageHeaders(contentSecurityPolicy(), 'no-store');
