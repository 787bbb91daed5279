/**
 * The operator's "Zahlen": the town's insights (<dashboard-insights> without a
 * shop) and the import of the counters' passer-by CSV by file. A refused file
 * changes nothing; its bad lines are listed by number.
 */
import { LitElement, html, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { property, state } from 'lit/decorators.js';
import type { DashboardApi } from '../api.js';
import { ApiProblem } from '../api.js';
import type { Lang } from '../strings.js';
import { base } from '../styles.js';
import { fieldStyles, problemText } from './form.js';
import type { OperatorStrings } from './strings.js';

interface Imported { rows: number; points: string[] }

export class OperatorNumbers extends LitElement {
  static override styles = [base, fieldStyles];

  @property({ attribute: false }) api!: DashboardApi;
  @property({ attribute: false }) t!: OperatorStrings;
  @property({ attribute: 'ui-lang' }) uiLang: Lang = 'de';

  @state() private result: { ok: boolean; text: string; lines?: string[] } | undefined;
  @state() private busy = false;
  /** Bumped after an import, so the figures are read again. */
  @state() private round = 0;

  private async upload(e: Event) {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const t = this.t.numbers;
    this.busy = true;
    this.result = undefined;
    try {
      const done = await this.api.call<Imported>('PUT', '/v1/footfall', { text: await file.text(), type: 'text/csv; charset=utf-8' });
      this.result = { ok: true, text: t.imported(done.rows, done.points.join(', ')) };
      this.round++;
    } catch (err) {
      const errors = err instanceof ApiProblem ? err.problem.errors ?? [] : [];
      this.result = errors.length
        ? { ok: false, text: t.rejected(errors.length), lines: errors.map((x) => `${x.line ? `${t.line(x.line)}: ` : ''}${x.field ? `${x.field}: ` : ''}${x.reason}`) }
        : { ok: false, text: problemText(err, this.t.error) };
    } finally {
      this.busy = false;
      // The same file again (after fixing it) is a change too.
      input.value = '';
    }
  }

  override render() {
    const t = this.t.numbers;
    const r = this.result;
    return html`
      ${keyed(this.round, html`<dashboard-insights .api=${this.api} lang=${this.uiLang}></dashboard-insights>`)}
      <section class="card stack" aria-labelledby="footfall-heading">
        <h2 id="footfall-heading">${t.footfall}</h2>
        <p id="footfall-intro">${t.footfallIntro}</p>
        <div>
          <label for="footfall-file">${t.file}</label>
          <input id="footfall-file" type="file" accept=".csv,text/csv,text/plain" aria-describedby="footfall-intro" ?disabled=${this.busy} @change=${this.upload} />
        </div>
        <div role="status" aria-live="polite">
          ${r
            ? html`<div class="notice ${r.ok ? 'ok' : 'bad'}" id="footfall-result">
                <p>${r.text}</p>
                ${r.lines ? html`<ul>${r.lines.map((l) => html`<li>${l}</li>`)}</ul>` : nothing}
              </div>`
            : nothing}
        </div>
      </section>
    `;
  }
}
