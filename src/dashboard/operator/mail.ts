/** The town's outgoing mail: SMTP configured or not (never its password), mails waiting and failed, the newest error. */
import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { MailStatus } from '../../sdk/contract/schemas/operator.js';
import type { DashboardApi } from '../api.js';
import type { Lang } from '../strings.js';
import { base } from '../styles.js';
import { problemText } from './form.js';
import type { OperatorStrings } from './strings.js';

export class OperatorMail extends LitElement {
  static override styles = [
    base,
    css`
      dl { display: grid; grid-template-columns: 1fr; gap: 0.25rem 1rem; margin: 0 0 1rem; }
      @media (min-width: 600px) { dl { grid-template-columns: max-content 1fr; } }
      dt { font-weight: 600; }
      dd { margin: 0 0 0.5rem; overflow-wrap: anywhere; font-variant-numeric: tabular-nums; }
      dd.bad { color: var(--bad); }
    `,
  ];

  @property({ attribute: false }) api!: DashboardApi;
  @property({ attribute: false }) t!: OperatorStrings;
  @property({ attribute: 'ui-lang' }) uiLang: Lang = 'de';

  @state() private status: MailStatus | undefined;
  @state() private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this.status = await this.api.call<MailStatus>('GET', '/v1/operator/mail');
      this.error = '';
    } catch (err) {
      this.error = problemText(err, this.t.error);
    }
  }

  override render() {
    const t = this.t.mail;
    const s = this.status;
    const n = (v: number) => new Intl.NumberFormat(this.uiLang === 'de' ? 'de-DE' : 'en-GB').format(v);
    return html`
      <h1>${t.heading}</h1>
      ${this.error ? html`<p class="notice bad" role="alert">${this.error}</p>` : nothing}
      ${s
        ? html`<dl class="card">
            <dt>${t.smtp}</dt><dd class=${s.smtp_configured ? '' : 'bad'} data-field="smtp">${s.smtp_configured ? t.configured(s.smtp_server ?? '') : t.notConfigured}</dd>
            <dt>${t.waiting}</dt><dd data-field="waiting">${n(s.waiting)}</dd>
            <dt>${t.failed}</dt><dd class=${s.failed ? 'bad' : ''} data-field="failed">${n(s.failed)}</dd>
            <dt>${t.lastError}</dt><dd data-field="last-error">${s.last_error ?? t.noError}</dd>
          </dl>`
        : this.error ? nothing : html`<p>${this.t.loading}</p>`}
      <button @click=${() => this.load()}>${t.reload}</button>
    `;
  }
}
