/**
 * The looks of what the viewer shows only once the shopper has shown interest: the 3D view,
 * the open "Maße" toggle and the size, the loading bar and its words, and the desktop's QR dialog. They arrive with the lazy part (internal/viewer-3d.ts),
 * which adopts them before it first draws any of these, so nothing shows unstyled; styles.ts has
 * the first paint's.
 */
import { css } from 'lit';

export const arViewerStyles3d = css`
  model-viewer {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    --poster-color: transparent;
    background: transparent;
  }
  .revealed .poster, .revealed .placeholder { display: none; }

  button[aria-expanded='true'] { border-color: var(--_accent); }
  .dimensions {
    margin: 0;
    padding: 0.375rem 0.75rem;
    border-radius: 999px;
    background: var(--_control-bg);
    color: var(--_control-fg);
    font-variant-numeric: tabular-nums;
    box-shadow: 0 1px 3px rgb(0 0 0 / 0.12);
  }

  .centre {
    align-self: center;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.5rem;
  }
  .progress {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    height: 4px;
    z-index: 3;
    background: color-mix(in srgb, var(--_progress) 20%, transparent);
  }
  .progress .bar {
    height: 100%;
    width: 100%;
    background: var(--_progress);
    transform-origin: left;
    transform: scaleX(var(--_done, 0));
    transition: transform 0.2s ease-out;
  }
  .progress.indeterminate .bar {
    width: 30%;
    transform: none;
    animation: slide 1.2s ease-in-out infinite;
  }
  @keyframes slide { from { margin-left: -30%; } to { margin-left: 100%; } }
  .progress-text {
    margin: 0;
    padding: 0.25rem 0.625rem;
    border-radius: 999px;
    background: var(--_control-bg);
    font-size: 0.875rem;
  }

  dialog {
    max-width: min(26rem, calc(100vw - 2rem));
    padding: 1.25rem;
    border: none;
    border-radius: var(--_radius);
    background: #ffffff;
    color: #1d1d1b;
    text-align: center;
  }
  dialog::backdrop { background: rgb(0 0 0 / 0.45); }
  .qr-title { margin: 0 0 0.75rem; font-size: 1.125rem; font-weight: 700; }
  .qr-code {
    display: block;
    width: min(240px, 70vw);
    height: auto;
    margin: 0 auto 0.75rem;
    image-rendering: pixelated;
  }
  dialog p { margin: 0 0 0.75rem; }
  .qr-link { word-break: break-all; font-size: 0.875rem; }
  .qr-link a { color: #0b5cad; }
`;
