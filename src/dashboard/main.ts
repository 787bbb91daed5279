/** The dashboard's one script (`/dashboard/dashboard.js`): registers its elements. */
import { DashboardApp } from './app.js';
import { DashboardBoard } from './board.js';
import { DashboardProfile } from './profile.js';
import { DashboardSignIn } from './sign-in.js';
import { DashboardSnippet } from './snippet.js';
import { DashboardStock } from './stock.js';
import { DashboardStockFeed } from './stock-feed.js';
// The operator's screens (dashboard-operator and its parts) load only for an operator's session (app.ts).
// <dashboard-insights> registers itself; its chart library loads when the screen opens.
import './insights/insights-view.js';

const elements: [string, CustomElementConstructor][] = [
  ['dashboard-app', DashboardApp],
  ['dashboard-board', DashboardBoard],
  ['dashboard-profile', DashboardProfile],
  ['dashboard-sign-in', DashboardSignIn],
  ['dashboard-snippet', DashboardSnippet],
  ['dashboard-stock', DashboardStock],
  ['dashboard-stock-feed', DashboardStockFeed],
];
for (const [name, element] of elements) if (!customElements.get(name)) customElements.define(name, element);

declare global {
  interface HTMLElementTagNameMap {
    'dashboard-app': DashboardApp;
    'dashboard-board': DashboardBoard;
    'dashboard-profile': DashboardProfile;
    'dashboard-sign-in': DashboardSignIn;
    'dashboard-snippet': DashboardSnippet;
    'dashboard-stock': DashboardStock;
    'dashboard-stock-feed': DashboardStockFeed;
  }
}
