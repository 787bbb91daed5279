/**
 * The reservation dialog's look, adopted into the element's shadow root when
 * the dialog's chunk arrives. The dialog takes the page's text colour; its
 * background is white under dark text and near-black under light text (the
 * element decides when it opens), or `--citylab-dialog-background`.
 */
import { css } from 'lit';

export const dialogStyles = [
  css`
    dialog {
      width: min(34rem, calc(100vw - 1rem));
      max-width: none;
      max-height: calc(100dvh - 1rem);
      padding: 0;
      border: 1px solid var(--_border);
      border-radius: calc(var(--_radius) * 1.5);
      color: inherit;
      overflow: auto;
      overscroll-behavior: contain;
      box-shadow: 0 12px 40px rgb(0 0 0 / 0.3);
    }
    dialog.light { background: var(--citylab-dialog-background, #ffffff); color-scheme: light; }
    dialog.dark { background: var(--citylab-dialog-background, #1c1c1e); color-scheme: dark; }
    dialog::backdrop { background: rgb(0 0 0 / 0.55); }
    .sheet { display: grid; gap: 1rem; padding: 1rem 1.25rem 1.25rem; }
    @media (max-width: 400px) { .sheet { padding: 0.75rem 0.85rem 1rem; } }

    .head { display: flex; align-items: flex-start; justify-content: space-between; gap: 0.75rem; }
    h2 { margin: 0; font-size: 1.3em; line-height: 1.25; width: fit-content; }
    h2:focus { outline: none; }
    h2:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
    .subtitle { margin: 0.15rem 0 0; color: var(--_muted); }
    .close {
      flex: none; width: 44px; height: 44px; display: grid; place-items: center; margin: -0.4rem -0.5rem 0 0;
      border: 0; border-radius: 50%; background: transparent; color: inherit; cursor: pointer;
    }
    .close svg { width: 18px; height: 18px; }
    .close:hover { background: color-mix(in srgb, currentColor 10%, transparent); }

    p { margin: 0; }
    .lead { font-size: 1.05em; }
    .muted, .hint { color: var(--_muted); }
    .hint { font-size: 0.92em; }
    .icon { width: 1em; height: 1em; flex: none; vertical-align: -0.125em; }

    form { display: grid; gap: 1rem; }
    .field { display: grid; gap: 0.3rem; }
    label { font-weight: 600; }
    .optional { font-weight: 400; color: var(--_muted); }
    input[type='text'], input[type='email'], input[type='tel'], input[type='number'] {
      width: 100%; min-height: 44px; padding: 0.5rem 0.75rem; font: inherit; color: inherit;
      border: 1px solid color-mix(in srgb, currentColor 55%, transparent); border-radius: var(--_radius); background: transparent;
    }
    input.qty { width: 7.5rem; }
    input[aria-invalid='true'] { border: 2px solid var(--_limited); }
    .field-error { display: flex; gap: 0.4rem; align-items: flex-start; font-weight: 600; }
    .field-error[hidden] { display: none; }
    .field-error .icon, .failure .icon { color: var(--_limited); margin-top: 0.2em; }

    .summary { display: grid; gap: 0.3rem; padding: 0.75rem 1rem; border: 1px solid var(--_border); border-radius: var(--_radius); }
    .window { display: flex; gap: 0.4rem; align-items: flex-start; }
    .window .icon { margin-top: 0.2em; }
    .price { font-weight: 600; }

    fieldset.shops { border: 0; margin: 0; padding: 0; display: grid; gap: 0.4rem; min-width: 0; }
    legend { font-weight: 600; padding: 0; margin-bottom: 0.1rem; }
    label.shop {
      display: flex; gap: 0.65rem; align-items: flex-start; min-height: 44px; padding: 0.6rem 0.8rem; font-weight: 400; cursor: pointer;
      border: 1px solid var(--_border); border-radius: var(--_radius);
    }
    label.shop:has(input:checked) { border: 2px solid var(--_accent); padding: calc(0.6rem - 1px) calc(0.8rem - 1px); }
    label.shop:has(input:disabled) { cursor: not-allowed; }
    input[type='radio'], input[type='checkbox'] { width: 1.25rem; height: 1.25rem; margin: 0.15em 0 0; flex: none; accent-color: var(--_accent); }

    .privacy { display: grid; gap: 0.4rem; font-size: 0.95em; }
    .privacy-title { font-weight: 600; }
    label.check { display: flex; gap: 0.65rem; align-items: flex-start; min-height: 44px; padding-top: 0.35rem; cursor: pointer; }

    .failure { display: flex; gap: 0.5rem; align-items: flex-start; font-weight: 600; padding: 0.65rem 0.85rem; border-left: 4px solid var(--_limited);
      background: color-mix(in srgb, var(--_limited) 10%, transparent); border-radius: 0 var(--_radius) var(--_radius) 0; }
    .live { color: var(--_muted); }
    /* Empty live regions stay in the accessibility tree (so what arrives is announced) but take no room. */
    .failure:empty, .live:empty { position: absolute; width: 1px; height: 1px; padding: 0; border: 0; overflow: hidden; clip: rect(0 0 0 0); }

    .actions { display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: center; }
    .actions > * { flex: 1 1 auto; }
    @media (min-width: 480px) { .actions > * { flex: 0 1 auto; } }
    button, a.button {
      min-height: 44px; padding: 0.55rem 1.1rem; border-radius: var(--_radius); font: inherit; cursor: pointer; text-decoration: none;
      display: inline-flex; align-items: center; justify-content: center; gap: 0.45rem; text-align: center;
    }
    .primary { background: var(--_accent); color: var(--_on-accent); border: 2px solid var(--_accent); font-weight: 600; }
    .secondary, .danger { background: transparent; color: inherit; border: 1px solid color-mix(in srgb, currentColor 55%, transparent); }
    .danger { font-weight: 600; }
    .quiet { background: transparent; border: 0; color: var(--_link); padding-inline: 0.25rem; justify-self: start; text-decoration: underline; text-underline-offset: 0.2em; }
    [aria-disabled='true'] { cursor: progress; opacity: 0.85; }
    .spinner {
      width: 1em; height: 1em; border-radius: 50%; border: 2px solid currentColor; border-right-color: transparent;
      animation: spin 0.8s linear infinite; flex: none;
    }
    @keyframes spin { to { transform: rotate(360deg); } }

    .done { display: grid; gap: 1rem; }
    .note { padding: 0.6rem 0.85rem; border-left: 4px solid var(--_link); }
    .ticket {
      display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between;
      padding: 1rem; border: 2px dashed var(--_border); border-radius: var(--_radius);
    }
    .ticket > div { display: grid; gap: 0.3rem; min-width: 0; flex: 1 1 13rem; }
    .code-label { font-weight: 600; }
    .code { font: 700 2.4rem/1.1 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; letter-spacing: 0.1em; white-space: nowrap; }
    /* One canvas pixel per module, scaled up crisply; always dark on white, as scanners expect. */
    canvas.qr { width: 140px; height: 140px; image-rendering: pixelated; background: #ffffff; border-radius: 4px; flex: none; }
    .facts { margin: 0; display: grid; gap: 0.6rem; }
    .facts > div { display: grid; gap: 0.1rem; }
    @media (min-width: 480px) { .facts > div { grid-template-columns: 9rem 1fr; gap: 1rem; } }
    dt { font-weight: 600; }
    dd { margin: 0; }
    dd a { color: var(--_link); text-underline-offset: 0.2em; display: inline-flex; align-items: center; min-height: 24px; }
    .hours { list-style: none; margin: 0; padding: 0; }
    .ask { display: grid; gap: 0.6rem; padding: 0.75rem 1rem; border: 2px solid var(--_limited); border-radius: var(--_radius); }
  `,
];
