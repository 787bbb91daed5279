/**
 * <dashboard-app>: the shop's own screen at `/dashboard/`. Signs in (a
 * mailed link's token arrives in the address's fragment, `#sign-in=…`, which no
 * server log ever sees), then shows the reservations board or the stock.
 * German first, English for a browser set to another language. Nothing is
 * kept in the browser but the httpOnly session cookie.
 */
import { LitElement, css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { DashboardSession } from '../sdk/contract/schemas/dashboard.js';
import { ApiProblem, DashboardApi } from './api.js';
import { catalogue, pickLang, type Lang } from './strings.js';
import { base } from './styles.js';

type View = 'board' | 'stock' | 'profile' | 'snippet' | 'insights';

export class DashboardApp extends LitElement {
  static override styles = [
    base,
    css`
      :host { max-width: 72rem; margin: 0 auto; padding: 0 1rem 2rem; }
      header { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; justify-content: space-between; padding: 0.75rem 0; border-bottom: 1px solid var(--line); margin-bottom: 1rem; }
      header p { margin: 0; }
      nav ul { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; margin: 0; padding: 0; }
      nav a { display: inline-flex; align-items: center; min-height: 44px; padding: 0.5rem 1rem; border-radius: 8px; color: inherit; text-decoration: none; border: 1px solid var(--line); }
      nav a[aria-current='page'] { background: var(--accent); border-color: var(--accent); color: #fff; }
      .brand { font-weight: 700; }
    `,
  ];

  readonly uiLang: Lang = pickLang();
  readonly t = catalogue[this.uiLang];
  private readonly api = new DashboardApi();

  @state() private session: DashboardSession | null | undefined;
  @state() private view: View = 'board';
  @state() private focusId = '';
  @state() private notice = '';
  @state() private newCount = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    document.documentElement.lang = this.uiLang;
    document.title = this.t.title;
    window.addEventListener('hashchange', this.route);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.route);
  }

  private async start() {
    if (this.tokenInAddress()) return;
    this.route();
    try {
      this.session = await this.api.session();
    } catch {
      this.notice = this.t.offline;
      this.session = null;
    }
  }

  /** Signs in with the mailed link's token (`#sign-in=…`), which leaves the address bar and the history at once. */
  private tokenInAddress(): boolean {
    const token = /^#sign-in=([A-Za-z0-9_-]+)$/.exec(location.hash)?.[1];
    if (!token) return false;
    history.replaceState(null, '', location.pathname);
    this.session = undefined;
    this.api.signIn({ token }).then(
      (session) => {
        this.session = session;
        this.notice = '';
      },
      (err: unknown) => {
        this.notice = err instanceof ApiProblem && err.status === 401 ? this.t.signIn.linkInvalid : this.t.error;
        this.session = null;
      },
    );
    return true;
  }

  /** `#stock`, `#board`, `#r=<reservation id>` (the shop's mail links there), or a sign-in link opened in this tab. */
  private route = () => {
    if (this.tokenInAddress()) return;
    const hash = location.hash;
    const reservation = /^#r=([A-Za-z0-9_-]+)$/.exec(hash)?.[1];
    if (reservation) {
      this.view = 'board';
      this.focusId = reservation;
    } else if (hash === '#stock') this.view = 'stock';
    else if (hash === '#profile') this.view = 'profile';
    else if (hash === '#snippet') this.view = 'snippet';
    else if (hash === '#insights') this.view = 'insights';
    else if (hash === '#board' || hash === '') this.view = 'board';
  };

  private async signOut() {
    try {
      await this.api.signOut();
    } catch {
      // Signed out or not, the screen goes back to signing in.
    }
    this.session = null;
  }

  private onNew = (e: Event) => {
    this.newCount += (e as CustomEvent<number>).detail;
    if (document.hidden) document.title = `(${this.newCount}) ${this.t.title}`;
  };

  override render() {
    if (this.session === undefined) return html`<p role="status">${this.t.loading}</p>`;
    if (this.session === null) {
      return html`<dashboard-sign-in .api=${this.api} .t=${this.t} ui-lang=${this.uiLang} .notice=${this.notice}
        @dashboard-signed-in=${(e: CustomEvent<DashboardSession>) => ((this.session = e.detail), (this.notice = ''))}></dashboard-sign-in>`;
    }
    if (this.session.role === 'operator') {
      // The operator's screens are their own chunk; the element upgrades once it has loaded.
      import('./operator/define.js').catch(() => (this.notice = this.t.offline));
      return html`<dashboard-operator .api=${this.api} ui-lang=${this.uiLang} @dashboard-signed-out=${() => (this.session = null)}></dashboard-operator>`;
    }
    const t = this.t;
    const link = (view: View, label: string) => html`<li><a href="#${view}" aria-current=${this.view === view ? 'page' : 'false'}>${label}</a></li>`;
    return html`
      <header>
        <div>
          <p class="brand">CityLab</p>
          <p class="muted">${t.signedInAs(this.session.store_name ?? '')}</p>
        </div>
        <nav aria-label=${t.nav.label}><ul>${link('board', t.nav.board)}${link('stock', t.nav.stock)}${link('profile', t.nav.profile)}${link('snippet', t.nav.snippet)}${link('insights', t.nav.insights)}</ul></nav>
        <button @click=${this.signOut}>${t.signOut}</button>
      </header>
      <main>
        ${this.view === 'board'
          ? html`<dashboard-board .api=${this.api} .t=${t} ui-lang=${this.uiLang} store-id=${this.session.store_id} focus-id=${this.focusId} @dashboard-new-reservations=${this.onNew}></dashboard-board>`
          : this.view === 'stock'
            ? html`<dashboard-stock .api=${this.api} .t=${t} ui-lang=${this.uiLang} store-id=${this.session.store_id}></dashboard-stock>`
            : this.view === 'profile'
              ? html`<dashboard-profile .api=${this.api} .t=${t} ui-lang=${this.uiLang} store-id=${this.session.store_id}></dashboard-profile>`
              : this.view === 'insights'
                ? html`<dashboard-insights .api=${this.api} lang=${this.uiLang} store=${this.session.store_id}></dashboard-insights>`
                : html`<dashboard-snippet .api=${this.api} .t=${t} ui-lang=${this.uiLang} store-id=${this.session.store_id}></dashboard-snippet>`}
      </main>
      ${nothing}
    `;
  }
}
