/**
 * The dashboard's look: calm, legible, phone first (360 px) and comfortable on
 * the counter tablet (768 px, touch): 44 px targets, text that wraps, status in
 * words and shapes as well as colour, motion off under prefers-reduced-motion.
 */
import { css } from 'lit';

export const base = css`
  :host {
    display: block;
    color: #1d1d1f;
    font: 1rem/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif;
    --accent: #0b5cad;
    --ok: #1e6b34;
    --warn: #8a4b00;
    --bad: #a1261b;
    --line: #c9c9ce;
    --soft: #f3f4f6;
  }
  * { box-sizing: border-box; }
  h1, h2, h3 { line-height: 1.25; margin: 0 0 0.75rem; overflow-wrap: anywhere; }
  h1 { font-size: 1.375rem; }
  h2 { font-size: 1.2rem; }
  h3 { font-size: 1.05rem; }
  p { margin: 0 0 0.75rem; overflow-wrap: anywhere; }
  button, .button {
    min-height: 44px;
    min-width: 44px;
    padding: 0.5rem 1rem;
    font: inherit;
    border-radius: 8px;
    border: 1px solid #6b6b70;
    background: #fff;
    color: inherit;
    cursor: pointer;
    text-align: center;
    overflow-wrap: anywhere;
  }
  button.primary, .button.primary { background: var(--accent); border-color: var(--accent); color: #fff; }
  button.danger { color: var(--bad); border-color: var(--bad); }
  button:disabled { opacity: 0.6; cursor: default; }
  button:focus-visible, input:focus-visible, a:focus-visible, select:focus-visible, label.drop:focus-within {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
  }
  label { display: block; font-weight: 600; margin: 0 0 0.25rem; }
  input[type='text'], input[type='email'], input[type='password'], input[type='search'], input[type='number'], input[type='tel'], input[type='url'] {
    width: 100%;
    min-height: 44px;
    padding: 0.5rem 0.75rem;
    font: inherit;
    border: 1px solid #6b6b70;
    border-radius: 8px;
    background: #fff;
    color: inherit;
  }
  .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  .stack > * + * { margin-top: 0.75rem; }
  .muted { color: #55555a; }
  .notice { padding: 0.75rem 1rem; border-radius: 8px; background: var(--soft); border-left: 4px solid var(--accent); }
  .notice.bad { border-left-color: var(--bad); background: #fdf0ee; }
  .notice.warn { border-left-color: var(--warn); background: #fff6e5; }
  .notice.ok { border-left-color: var(--ok); background: #edf7ef; }
  .card { border: 1px solid var(--line); border-radius: 10px; padding: 0.75rem 1rem; background: #fff; }
  .visually-hidden {
    position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); border: 0;
  }
  @media (prefers-reduced-motion: no-preference) {
    .flash { animation: flash 1.2s ease-out 2; }
    @keyframes flash { from { box-shadow: 0 0 0 4px #f0b400; } to { box-shadow: 0 0 0 0 transparent; } }
  }
`;
