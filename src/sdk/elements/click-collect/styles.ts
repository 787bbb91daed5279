/**
 * The button and its availability line: the part of <citylab-click-collect> in
 * the script-tag entry (the dialog's styles arrive with the dialog).
 *
 * - `[data-dialog-only]`: made by `openFor` for another element (the finder's
 *   "Reservieren"): only the dialog, no box on the page.
 * - A disabled button gets no colour of its own: outlined and dashed, the
 *   reason written beside it.
 * - `.state` reserves two lines: loading and every state's sentence fit in
 *   them from 280 px up, so the page never shifts; the pickup moment, whose
 *   length changes with the day, always starts the second.
 * Comments stay out of the css literal: it ships as written.
 */
import { css } from 'lit';
import { themeStyles } from '../internal/theme.js';

export const collectStyles = [
  themeStyles,
  css`
:host{display:block;container-type:inline-size;min-width:0;--_line:1.5em}
:host([hidden]){display:none}
:host([data-dialog-only]){display:contents}
.base{display:grid;gap:.35rem;justify-items:start;min-width:0}
.reserve{min-height:48px;max-width:100%;padding:.6rem 1.25rem;display:inline-flex;align-items:center;justify-content:center;gap:.5rem;
border:2px solid var(--_accent);border-radius:var(--_radius);background:var(--_accent);color:var(--_on-accent);font-weight:600;line-height:1.25;text-align:center;cursor:pointer}
.reserve:hover:not([aria-disabled='true']){filter:brightness(1.08)}
.reserve[aria-disabled='true']{background:transparent;color:inherit;border-style:dashed;border-color:var(--_border);cursor:not-allowed}
@container (max-width:360px){.reserve{width:100%}}
.state{margin:0;min-height:calc(2*var(--_line));line-height:var(--_line);display:flex;gap:.4rem;align-items:flex-start;min-width:0;color:var(--_muted)}
.state .text{min-width:0;overflow-wrap:anywhere}
.pickup{display:block;font-weight:400}
.state.available,.state.reserved{color:var(--_in-stock);font-weight:600}
.state.limited{color:var(--_limited);font-weight:600}
.state.elsewhere{color:var(--_link);font-weight:600}
.state.unavailable,.state.error{color:inherit}
.icon{width:1em;height:1em;flex:none;margin-top:.25em}
.reserve .icon{margin-top:0}
.state.available .icon path,.state.reserved .icon path{stroke:Canvas}
.bar{display:inline-block;height:.9em;width:14rem;max-width:80%;margin-top:.3em;border-radius:4px;background:color-mix(in srgb,currentColor 12%,transparent);animation:pulse 1.6s ease-in-out infinite}
@keyframes pulse{50%{opacity:.45}}
`,
];
