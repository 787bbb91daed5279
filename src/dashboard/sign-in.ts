/**
 * The sign-in screen: ask for a one-time link by e-mail (the usual way), or
 * type the shop's key. Fires `dashboard-signed-in` with the session.
 */
import { LitElement, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiProblem, type DashboardApi } from './api.js';
import type { Strings } from './strings.js';
import { base } from './styles.js';

export class DashboardSignIn extends LitElement {
  static override styles = [base];

  @property({ attribute: false }) api!: DashboardApi;
  @property({ attribute: false }) t!: Strings;
  @property({ attribute: 'ui-lang' }) uiLang = 'de';
  /** A message to show first (a used link). */
  @property() notice = '';

  @state() private sent = false;
  @state() private error = '';
  @state() private busy = false;

  private async sendLink(e: SubmitEvent) {
    e.preventDefault();
    const email = (new FormData(e.target as HTMLFormElement).get('email') as string).trim();
    await this.run(async () => {
      await this.api.call('POST', '/v1/dashboard/sign-in-link', { json: { email, lang: this.uiLang } });
      this.sent = true;
    });
  }

  private async withKey(e: SubmitEvent) {
    e.preventDefault();
    const key = (new FormData(e.target as HTMLFormElement).get('key') as string).trim();
    await this.run(async () => {
      const session = await this.api.signIn({ key });
      this.dispatchEvent(new CustomEvent('dashboard-signed-in', { detail: session, bubbles: true, composed: true }));
    });
  }

  private async run(work: () => Promise<void>) {
    this.busy = true;
    this.error = '';
    try {
      await work();
    } catch (err) {
      this.error = err instanceof ApiProblem && err.problem.code === 'offline' ? this.t.offline : err instanceof ApiProblem && err.problem.detail ? err.problem.detail : this.t.error;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const t = this.t.signIn;
    return html`
      <section class="stack" aria-labelledby="h">
        <h1 id="h">${t.heading}</h1>
        ${this.notice ? html`<p class="notice bad" role="alert">${this.notice}</p>` : ''}
        <p>${t.intro}</p>
        <form class="stack" @submit=${this.sendLink}>
          <div>
            <label for="email">${t.email}</label>
            <input id="email" name="email" type="email" autocomplete="email" required />
          </div>
          <button class="primary" type="submit" ?disabled=${this.busy}>${t.send}</button>
        </form>
        <div aria-live="polite">${this.sent ? html`<p class="notice ok">${t.sent(15)}</p>` : ''}</div>
        <details>
          <summary class="button">${t.orKey}</summary>
          <form class="stack" @submit=${this.withKey}>
            <div>
              <label for="key">${t.key}</label>
              <input id="key" name="key" type="password" autocomplete="off" required />
            </div>
            <button type="submit" ?disabled=${this.busy}>${t.withKey}</button>
          </form>
        </details>
        <div role="alert">${this.error ? html`<p class="notice bad">${this.error}</p>` : ''}</div>
      </section>
    `;
  }
}
