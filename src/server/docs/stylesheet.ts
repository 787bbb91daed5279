/**
 * The docs' one stylesheet, served as a file (`/docs/docs.css`) so the pages carry no
 * inline style. Readable from a 320 px phone up: long names and types wrap, code
 * blocks scroll inside themselves, the page never gets wider than the screen.
 */
export const DOCS_CSS = `
:root { color-scheme: light dark; --accent: #0b5cad; --muted: #5b5b57; --line: #d6d5d0; --code-bg: #f4f3ef; }
@media (prefers-color-scheme: dark) { :root { --accent: #8cc0ff; --muted: #b9b8b2; --line: #44443f; --code-bg: #26262a; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem; font: 1rem/1.55 system-ui, sans-serif; overflow-wrap: anywhere; }
a { color: var(--accent); }
a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0.5rem 0; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; padding-top: 0.5rem; border-top: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 0 0 0.25rem; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; background: var(--code-bg); border-radius: 4px; padding: 0 0.2em; }
pre { background: var(--code-bg); border-radius: 8px; padding: 0.75rem; overflow-x: auto; max-width: 100%; }
pre code { background: none; padding: 0; overflow-wrap: normal; }
.lead { font-size: 1.1rem; }
.muted, .meta dt { color: var(--muted); }
nav.toc ul, ul.elements { padding: 0; list-style: none; }
nav.toc ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
nav.toc a { display: inline-block; padding: 0.6rem 0; min-height: 44px; }
ul.elements li { margin: 0 0 1rem; }
ul.elements a { display: inline-block; padding: 0.4rem 0; font-size: 1.1rem; }
.api { border: 1px solid var(--line); border-radius: 8px; padding: 0.75rem; margin: 0 0 0.75rem; }
.api p { margin: 0.35rem 0 0; }
.meta { display: flex; flex-wrap: wrap; gap: 0.15rem 1.25rem; margin: 0.25rem 0 0; }
.meta div { display: flex; gap: 0.4rem; min-width: 0; }
.meta dd { margin: 0; min-width: 0; }
.deprecated { color: #b3261e; font-weight: 600; }
.example { border: 2px dashed var(--line); border-radius: 8px; padding: 0.75rem; margin: 0.75rem 0; max-width: 40rem; }
`;
