/**
 * The viewer is a picture of fixed aspect (square unless the shop says
 * otherwise) with a row of controls under it, as furniture shops' product
 * pages have them: the buttons never cover the product. Both are of fixed
 * height in every state (a button that goes away leaves its row), and
 * src/sdk/citylab.css reserves the same height before the code arrives, so
 * nothing the viewer does moves the host page: the picture, then
 * CONTROLS_ROW, then (with a gtin) STOCK_ROW.
 */
import { css } from 'lit';
import { themeStyles } from '../internal/theme.js';

export const arViewerStyles = [
  themeStyles,
  css`
    :host {
      display: block;
      position: relative;
      container-type: inline-size;
      --_stage-bg: var(--citylab-ar-background, #f4f3ef);
      --_control-bg: var(--citylab-ar-control-background, #ffffff);
      --_control-fg: var(--citylab-ar-control-color, #1d1d1b);
      --_progress: var(--citylab-ar-progress-color, var(--_accent));
    }
    :host([hidden]) { display: none; }

    .stage {
      position: relative;
      aspect-ratio: var(--citylab-ar-aspect, 1 / 1);
      width: 100%;
      overflow: hidden;
      border-radius: var(--_radius);
      background: var(--_stage-bg);
      /* The stage is a light "photo studio" on light and dark pages alike; its text keeps its contrast. */
      color: var(--_control-fg);
    }

    .poster, .placeholder {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
    }
    .poster {
      object-fit: contain;
      z-index: 1;
      cursor: pointer;
    }
    .placeholder {
      z-index: 1;
      display: grid;
      place-items: center;
      padding: 1rem;
      text-align: center;
      font-weight: 600;
    }
    /* The shop's own photo fills the box as the poster would. */
    .placeholder ::slotted(img) {
      position: absolute;
      inset: 0;
      width: 100%;
      height: 100%;
      object-fit: contain;
    }
    .pending .placeholder {
      background: linear-gradient(90deg, transparent, color-mix(in srgb, currentColor 6%, transparent), transparent) 0 0 / 200% 100%;
      animation: shimmer 1.4s linear infinite;
    }
    @keyframes shimmer { to { background-position: -200% 0; } }

    .overlay {
      position: absolute;
      inset: 0;
      z-index: 2;
      display: flex;
      flex-direction: column;
      justify-content: space-between;
      gap: 0.5rem;
      padding: 0.625rem;
      /* Clicks between the controls go to the 3D view below. */
      pointer-events: none;
    }
    .overlay > * { pointer-events: auto; }
    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0.5rem;
    }
    .top { justify-content: space-between; }
    /* Right-aligned, also when it wraps onto a line of its own. */
    .size { margin-left: auto; }
    .size {
      display: flex;
      flex-direction: column;
      align-items: flex-end;
      gap: 0.5rem;
    }
    .top:empty { display: none; }

    /* Under the picture: the 3D and AR buttons side by side, sharing the width (one alone takes
       all of it). The row's height is fixed (two lines of button text, at least 44 px), and so is
       the stock line's under it (two lines): citylab.css reserves the same. */
    .controls {
      display: grid;
      grid-auto-flow: column;
      grid-auto-columns: minmax(0, 1fr);
      gap: 0.5rem;
      height: max(44px, calc(2.6rem + 2px));
      margin-top: 0.5rem;
    }
    .controls button, .controls ::slotted(*) {
      height: 100%;
      min-width: 0;
      padding: 0.25rem 0.625rem;
      font-size: 0.875rem;
      line-height: 1.2;
    }
    .stock-row { display: none; }
    :host([gtin]) .stock-row {
      display: flex;
      align-items: center;
      height: 2.5rem;
      margin-top: 0.25rem;
    }
    button.stock {
      min-height: 24px;
      padding: 0 0.125rem;
      border: none;
      border-radius: 2px;
      background: none;
      box-shadow: none;
      color: inherit;
      font-size: 0.875rem;
      line-height: 1.3;
      text-align: start;
      text-decoration: underline;
      text-underline-offset: 0.15em;
    }
    button.stock:hover { text-decoration-thickness: 2px; }

    button, .button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.4em;
      min-height: 44px;
      min-width: 44px;
      padding: 0.5rem 0.875rem;
      border: 1px solid color-mix(in srgb, var(--_control-fg) 25%, transparent);
      border-radius: 999px;
      background: var(--_control-bg);
      color: var(--_control-fg);
      font: inherit;
      font-size: 0.9375rem;
      line-height: 1.2;
      text-align: center;
      cursor: pointer;
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.12);
    }
    button:hover { border-color: var(--_accent); }
    button.primary {
      background: var(--_accent);
      color: var(--_on-accent);
      border-color: transparent;
    }
    button.view-3d { font-weight: 600; }
    button svg { width: 1.25em; height: 1.25em; flex: none; fill: currentColor; }

    .message {
      margin: 0;
      max-width: 100%;
      padding: 0.5rem 0.75rem;
      border-radius: var(--_radius);
      background: var(--_control-bg);
      color: var(--_control-fg);
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.12);
      font-size: 0.9375rem;
    }
    .message:empty { display: none; }
    .message.error { border-left: 4px solid #b3261e; }

    /* A narrow column (a phone): the buttons in the picture a little smaller. */
    @container (max-width: 340px) {
      .top button { font-size: 0.875rem; padding: 0.5rem 0.75rem; }
    }
  `,
];
