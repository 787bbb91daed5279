/**
 * The styles of what only the tools show: the location field's problem and "locating",
 * the map, its consent step and its pins. They come with the finder's tools (a lazy
 * chunk) and join the element's own styles before the tools change anything, so nothing
 * shows unstyled. The theme's variables (--_accent …) are the element's (styles.ts).
 */
import { css } from 'lit';

export const toolsStyles = [
  css`
    /* ------------------------------------------------------ location */
    input[aria-invalid='true'] { border-color: var(--_limited); border-width: 2px; }
    .where-msg { margin: 0; color: inherit; font-weight: 600; }
    .where-msg::before { content: '⚠ '; color: var(--_limited); }
    button:disabled { opacity: 0.7; cursor: progress; }

    /* ----------------------------------------------------------- map */
    .map { position: relative; display: grid; gap: 0.35rem; }
    .map-canvas {
      height: var(--citylab-map-height, 320px); border-radius: var(--_radius); overflow: hidden;
      border: 1px solid var(--_border); background: color-mix(in srgb, currentColor 6%, Canvas);
    }
    .map-canvas.schematic {
      background-color: color-mix(in srgb, currentColor 5%, Canvas);
      background-image:
        linear-gradient(color-mix(in srgb, currentColor 8%, transparent) 1px, transparent 1px),
        linear-gradient(90deg, color-mix(in srgb, currentColor 8%, transparent) 1px, transparent 1px);
      background-size: 48px 48px;
    }
    .map-note, .map-caption { margin: 0; color: var(--_muted); font-size: 0.9em; }
    .map-note { position: absolute; inset: 40% 0 auto; text-align: center; }
    .consent { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 1rem; display: grid; gap: 0.75rem; justify-items: start; }
    .consent p { margin: 0; }
    .pin {
      display: grid; place-items: center; background: var(--_accent);
      border: 2px solid Canvas; border-radius: 50% 50% 50% 0; transform: rotate(-45deg);
      width: 30px !important; height: 30px !important; font-weight: 700; box-shadow: 0 1px 4px rgb(0 0 0 / 0.35);
    }
    .pin span { transform: rotate(45deg); font-size: 13px; color: var(--_on-accent); }
    /* Pins in the list's state colours, as the cards' numbers (styles.ts). */
    .pin.pin-in_stock { background: var(--_in-stock); }
    .pin.pin-limited_availability { background: var(--_limited); }
    .pin.pin-out_of_stock { background: var(--_out); }
    .pin.pin-on_display_to_order, .pin.pin-orderable { background: var(--_display); }
    .pin.pin-own { outline: 3px solid var(--_accent); outline-offset: 2px; }
    .origin { stroke: var(--_accent); fill: Canvas; fill-opacity: 1; }
    .leaflet-container { font: inherit; font-size: 0.8rem; }
  `,
];
