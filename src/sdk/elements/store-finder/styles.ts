import { css } from 'lit';
import { themeStyles } from '../internal/theme.js';

export const finderStyles = [
  themeStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
      min-width: 0;
      --_line: 1.5em;
      --_gap: 0.75rem;
    }
    :host([hidden]) { display: none; }
    .base { display: grid; gap: var(--_gap); }

    /* ---------------------------------------------------------- toolbar */
    .toolbar { display: grid; gap: 0.5rem 1.5rem; grid-template-columns: 1fr; align-items: end; }
    @container (min-width: 640px) { .toolbar { grid-template-columns: 1fr auto; } }
    .where { display: grid; gap: 0.35rem; }
    .where label { font-weight: 600; }
    .where-row { display: flex; gap: 0.5rem; flex-wrap: wrap; }
    input[type='text'], input:not([type]) {
      flex: 1 1 9rem; min-width: 0; min-height: 44px; padding: 0.5rem 0.75rem;
      border: 1px solid var(--_border); border-radius: var(--_radius);
      background: var(--_surface); color: inherit;
    }
    .filter { display: inline-flex; align-items: center; gap: 0.5rem; min-height: 44px; cursor: pointer; }
    .filter input { width: 1.25rem; height: 1.25rem; accent-color: var(--_accent); margin: 0; }

    button {
      min-height: 44px; padding: 0.5rem 1rem; border-radius: var(--_radius); cursor: pointer;
      border: 1px solid var(--_border); background: var(--_surface); color: inherit;
      display: inline-flex; align-items: center; justify-content: center; gap: 0.4rem;
    }
    button.primary, .where-row button {
      background: var(--_accent); color: var(--_on-accent); border-color: var(--_accent); font-weight: 600;
    }
    button.quiet { border-color: transparent; background: transparent; color: var(--_link); padding-inline: 0.25rem; justify-self: start; text-decoration: underline; text-underline-offset: 0.2em; }

    /* Two lines reserved: the summary fits in them from about 360 px up, so loading doesn't shift the page. */
    .status { margin: 0; color: var(--_muted); min-height: calc(2 * var(--_line)); line-height: var(--_line); }

    /* ------------------------------------------------------------- list */
    .list { list-style: none; margin: 0; padding: 0; display: grid; gap: var(--_gap); }
    .offer {
      border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface);
      padding: 0.75rem 1rem; display: grid; gap: 0.2rem; min-width: 0;
      line-height: var(--_line);
    }
    .offer.own { border-width: 2px; border-color: var(--_accent); }
    .offer:focus { outline: 3px solid var(--_focus); outline-offset: 2px; }
    .head { display: flex; flex-wrap: wrap; gap: 0 0.75rem; align-items: start; justify-content: space-between; min-width: 0; min-height: var(--_line); }
    .skeleton .head, .skeleton .line { align-items: center; }
    /* Facts wrap, never cut (UX.md): a long shop name takes a second line, the price stays on
       the first line's end while it fits and moves below the name when it doesn't. */
    .name { margin: 0; font-size: 1.05em; font-weight: 700; min-width: 0; overflow-wrap: anywhere; }
    .price { font-weight: 700; white-space: nowrap; margin-inline-start: auto; }
    .title { display: flex; gap: 0.5rem; align-items: flex-start; min-width: 0; }
    .num {
      flex: none; display: inline-grid; place-items: center; min-width: 1.4em; height: 1.4em; margin-top: 0.05em; padding: 0 0.3em;
      border-radius: 999px; font-size: 0.85em; font-weight: 700; line-height: 1;
      /* The state colours mix in the text colour (currentColor): it stays the card's, so the fill
         is the list's own shade; the digit is painted in the accent's text colour. */
      -webkit-text-fill-color: var(--_on-accent);
    }
    /* One line each for the usual text, so the skeleton reserves the usual height; a longer fact
       wraps onto a second line instead of being cut off, and a badge with no room beside the
       state moves to its own line. */
    .line { display: flex; gap: 0 0.5rem; align-items: center; min-width: 0; min-height: var(--_line); overflow-wrap: anywhere; }
    .line > span { min-width: 0; }
    /* On a phone the name and the price, the stock state and the quantity, the opening state and
       the next opening ("Geschlossen ·" / "öffnet morgen um 10:00 Uhr") each take two lines,
       whatever the shop or the hour: nothing is cut off, and the skeleton's lines (the same
       rules) reserve the same height, so the page does not move when the list arrives. */
    /* The opening state takes two lines below 480 px: in the evening "Geschlossen · öffnet morgen
       um 09:30 Uhr" does not fit a card's line at 420 px, where the day's "Geöffnet bis 18:30 Uhr"
       does, and the skeleton cannot know the hour. */
    @container (max-width: 479px) {
      .line.hours { min-height: calc(2 * var(--_line)); align-items: flex-start; }
      .line.hours > .icon { margin-top: 0.25em; }
      .hours .next { display: block; }
    }
    @container (max-width: 399px) {
      .head { min-height: calc(2 * var(--_line)); flex-direction: column; flex-wrap: nowrap; align-items: flex-start; justify-content: space-around; }
      .price { margin-inline-start: 0; }
      .line.state { min-height: calc(2 * var(--_line)); align-items: flex-start; }
      .avail > .icon { margin-top: 0.25em; }
      .avail { align-items: flex-start; }
      .avail .qty { display: block; }
      /* The pickup time likewise: "Abholbereit ab Mo., 14. Dez.," | "10:00 Uhr" (a named day and a
         two-digit date do not fit a line at 360 px), whatever the day. */
      .line.pickup { min-height: calc(2 * var(--_line)); align-items: flex-start; }
      .pickup .second { display: block; }
      .avail .sep { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    }
    .muted { color: var(--_muted); }
    .icon { width: 1em; height: 1em; flex: none; vertical-align: -0.125em; }
    .avail { display: inline-flex; align-items: center; gap: 0.35rem; font-weight: 600; }
    .avail.in_stock { color: var(--_in-stock); }
    .avail.limited_availability { color: var(--_limited); }
    .avail.out_of_stock { color: var(--_out); }
    .avail.on_display_to_order, .avail.orderable { color: var(--_display); }
    .avail.in_stock .icon path { stroke: Canvas; }
    /* The badge has a row of its own above the name: the facts beside it keep their room. */
    .own-tag { font-size: 0.85em; line-height: 1.4; border: 1px solid var(--_link); color: var(--_link); border-radius: 999px; padding: 0 0.5rem; }
    .hours.open { }
    .hours.closing-soon, .hours.lunch-break { color: var(--_limited); }
    .hours.closed { color: var(--_muted); }
    .distance { color: inherit; }

    .actions { display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: center; align-content: flex-start; margin-top: 0.35rem; min-height: 44px; }
    /* The actions take the rows a shop with all five (Reservieren, Route, Karten-App, Anrufen,
       Website) needs at this width, whichever of them a shop has: the skeleton's row reserves the
       same, so the list does not grow when the shops arrive after the code (a slow endpoint, an
       app that adds the finder later). One row from 480 px, where the maps-app link goes; two
       below, also at 320 px in German with the links' spacing a little tighter there. */
    @container (max-width: 479px) { .actions { min-height: calc(2 * 44px + 0.25rem); } }
    .actions a {
      display: inline-flex; align-items: center; gap: 0.3rem; min-height: 44px; padding: 0 0.25rem;
      color: var(--_link); text-underline-offset: 0.2em;
    }
    .actions .primary { padding-inline: 1.1rem; }
    @container (min-width: 480px) { .actions a.geo { display: none; } }
    @container (max-width: 329px) {
      .actions { column-gap: 0.5rem; }
      .actions a { padding: 0; }
      /* "Bestand aktualisiert vor 23 Stunden" fits a line at 360 px but not at 320, depending on
         the hour: here it always takes two, as the skeleton's line does. */
      .line.updated { min-height: calc(2 * var(--_line)); align-items: flex-start; }
      .updated .ago { display: block; }
    }

    .message { border: 1px dashed var(--_border); border-radius: var(--_radius); padding: 1rem; display: grid; gap: 0.75rem; justify-items: start; }
    .message p { margin: 0; }
    .more { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; min-height: 44px; }
    .bar-row { display: block; height: 44px; }

    /* --------------------------------------------------------- skeleton */
    .skeleton .bar {
      display: inline-block; height: 0.9em; border-radius: 4px;
      background: color-mix(in srgb, currentColor 12%, transparent);
      animation: pulse 1.6s ease-in-out infinite;
    }
    .skeleton .bar.btn { width: 6.5rem; height: 2rem; }
    /* Widths as classes, not style attributes: a shop's CSP without 'unsafe-inline' refuses those. */
    .w18 { width: 18%; } .w25 { width: 25%; } .w40 { width: 40%; } .w45 { width: 45%; } .w50 { width: 50%; }
    .w55 { width: 55%; } .w60 { width: 60%; } .w65 { width: 65%; }
    @keyframes pulse { 50% { opacity: 0.45; } }

    /* The cards' numbers in the list's state colours (the map's pins, tools-styles.ts, have the same). */
    .num.in_stock { background: var(--_in-stock); }
    .num.limited_availability { background: var(--_limited); }
    .num.out_of_stock { background: var(--_out); }
    .num.on_display_to_order, .num.orderable { background: var(--_display); }
  `,
];
