/** The dashboard's one script (`/dashboard/dashboard.js`): registers its elements. */
import { DashboardApp } from './app.js';
import { DashboardBoard } from './board.js';
import { DashboardProfile } from './profile.js';
import { DashboardSignIn } from './sign-in.js';
import { DashboardSnippet } from './snippet.js';
import { DashboardStock } from './stock.js';
import { DashboardOperator } from './operator/operator-app.js';
import { OperatorMail } from './operator/mail.js';
import { OperatorNumbers } from './operator/numbers.js';
import { OperatorShops } from './operator/shops.js';
import { OperatorTown } from './operator/town.js';
// <dashboard-insights> registers itself; its chart library loads when the screen opens.
import './insights/insights-view.js';

const elements: [string, CustomElementConstructor][] = [
  ['dashboard-app', DashboardApp],
  ['dashboard-board', DashboardBoard],
  ['dashboard-profile', DashboardProfile],
  ['dashboard-sign-in', DashboardSignIn],
  ['dashboard-snippet', DashboardSnippet],
  ['dashboard-stock', DashboardStock],
  ['dashboard-operator', DashboardOperator],
  ['operator-shops', OperatorShops],
  ['operator-town', OperatorTown],
  ['operator-mail', OperatorMail],
  ['operator-numbers', OperatorNumbers],
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
    'dashboard-operator': DashboardOperator;
    'operator-shops': OperatorShops;
    'operator-town': OperatorTown;
    'operator-mail': OperatorMail;
    'operator-numbers': OperatorNumbers;
  }
}
