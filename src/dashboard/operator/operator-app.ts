/**
 * <dashboard-operator>: the dashboard as the town's operator sees it after
 * signing in with the admin key: shops, the town's settings, the mail status and
 * the town's figures (`#shops`, `#town`, `#mail`, `#numbers`). Fires
 * `dashboard-signed-out` when the operator signs out.
 */
import { LitElement, css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DashboardApi } from '../api.js';
import type { Lang } from '../strings.js';
import { base } from '../styles.js';
import { operatorCatalogue } from './strings.js';

type View = 'shops' | 'town' | 'mail' | 'numbers';
const VIEWS: readonly View[] = ['shops', 'town', 'mail', 'numbers'];

export class DashboardOperator extends LitElement {
  static override styles = [
    base,
    css`
      header { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; padding: 0.75rem 0; border-bottom: 1px solid var(--line); margin-bottom: 1rem; }
      header p { margin: 0; }
      nav ul { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; margin: 0; padding: 0; }
      nav a { display: inline-flex; align-items: center; min-height: 44px; padding: 0.5rem 1rem; border-radius: 8px; color: inherit; text-decoration: none; border: 1px solid var(--line); }
      nav a[aria-current='page'] { background: var(--accent); border-color: var(--accent); color: #fff; }
      .brand { font-weight: 700; }
    `,
  ];

  @property({ attribute: false }) api!: DashboardApi;
  @property({ attribute: 'ui-lang' }) uiLang: Lang = 'de';

  @state() private view: View = 'shops';

  private get t() {
    return operatorCatalogue[this.uiLang];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.route);
    this.route();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.route);
  }

  private route = () => {
    const hash = location.hash.slice(1) as View;
    this.view = VIEWS.includes(hash) ? hash : 'shops';
  };

  private async signOut() {
    try {
      await this.api.signOut();
    } catch {
      // Signed out or not, the screen goes back to signing in.
    }
    this.dispatchEvent(new CustomEvent('dashboard-signed-out', { bubbles: true, composed: true }));
  }

  override render() {
    const t = this.t;
    const link = (view: View, label: string) => html`<li><a href="#${view}" aria-current=${this.view === view ? 'page' : 'false'}>${label}</a></li>`;
    const screen = {
      shops: () => html`<operator-shops .api=${this.api} .t=${t} ui-lang=${this.uiLang}></operator-shops>`,
      town: () => html`<operator-town .api=${this.api} .t=${t} ui-lang=${this.uiLang}></operator-town>`,
      mail: () => html`<operator-mail .api=${this.api} .t=${t} ui-lang=${this.uiLang}></operator-mail>`,
      numbers: () => html`<operator-numbers .api=${this.api} .t=${t} ui-lang=${this.uiLang}></operator-numbers>`,
    }[this.view];
    return html`
      <header>
        <div>
          <p class="brand">CityLab</p>
          <p class="muted">${t.role}</p>
        </div>
        <nav aria-label=${t.nav.label}><ul>${link('shops', t.nav.shops)}${link('town', t.nav.town)}${link('mail', t.nav.mail)}${link('numbers', t.nav.numbers)}</ul></nav>
        <button @click=${this.signOut}>${t.signOut}</button>
      </header>
      <main>${screen()}</main>
    `;
  }
}
