/**
 * Shared look: the host's font and colour, one accent and one radius as custom
 * properties, availability colours that meet WCAG AA on white and on dark pages.
 */
import { css } from 'lit';

export const themeStyles = css`
  :host {
    --_accent: var(--citylab-accent, #0b5cad);
    --_on-accent: var(--citylab-on-accent, #ffffff);
    --_radius: var(--citylab-radius, 8px);
    --_border: var(--citylab-border-color, color-mix(in srgb, currentColor 22%, transparent));
    --_muted: var(--citylab-muted-color, color-mix(in srgb, currentColor 72%, transparent));
    --_surface: var(--citylab-surface, transparent);
    /* Links and quiet buttons: the accent pulled towards the text colour, so it keeps
       4.5:1 on light and on dark pages alike. */
    --_link: var(--citylab-link-color, color-mix(in oklab, var(--_accent) 68%, currentColor));
    --_focus: var(--citylab-focus-color, var(--_link));
    /* State colours mixed with the text colour: darker on light pages, lighter on dark ones,
       so they keep their contrast without knowing the shop's background. */
    --_in-stock: var(--citylab-in-stock-color, color-mix(in oklab, #138a3e 62%, currentColor));
    --_limited: var(--citylab-limited-color, color-mix(in oklab, #b86e00 62%, currentColor));
    --_out: var(--citylab-out-of-stock-color, color-mix(in oklab, #707070 45%, currentColor));
    --_display: var(--citylab-on-display-color, color-mix(in oklab, #6b4bc4 62%, currentColor));
    font: inherit;
    color: inherit;
    box-sizing: border-box;
  }
  *, *::before, *::after { box-sizing: inherit; }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* Filled accent buttons: the outer ring (link colour) contrasts with the page, light or dark;
     an inner ring in the button's text colour fills the offset and contrasts with its fill, so
     the ring never blends into the button or into a page of the accent's shade. */
  :is(.primary, .reserve, .where-row button):focus-visible {
    box-shadow: 0 0 0 2px var(--_on-accent);
  }
  button, input, select, a { font: inherit; }
  .visually-hidden {
    position: absolute !important;
    width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  @media (prefers-reduced-motion: reduce) {
    *, *::before, *::after { animation: none !important; transition: none !important; }
  }
`;
