/**
 * HTML from templates that escape every value: `html\`<p>${text}</p>\`` escapes
 * `text`, and only what another `html` template made passes as markup. The manifest's
 * words come from JSDoc and the example's from the storage; neither may become markup.
 */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  return new Html(strings.reduce((out, part, i) => out + part + (i < values.length ? render(values[i]!) : ''), ''));
}

/** JSDoc prose: `code` in backticks becomes <code>, a blank line a new paragraph; everything else is text. */
export function prose(text: string | undefined): Html {
  if (!text?.trim()) return html``;
  const paragraphs = text.trim().split(/\n\s*\n/);
  return html`${paragraphs.map((p) => html`<p>${inline(p.replace(/\s*\n\s*/g, ' '))}</p>`)}`;
}

/** One line of JSDoc prose, backticks as <code>. */
export function inline(text: string): Html {
  return html`${text.split('`').map((part, i) => (i % 2 ? html`<code>${part}</code>` : part))}`;
}
