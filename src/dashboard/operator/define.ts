/** Registers the town operator's screens: loaded by app.ts only when the session is the operator's, so a shop's dashboard never downloads them. */
import { OperatorMail } from './mail.js';
import { OperatorNumbers } from './numbers.js';
import { DashboardOperator } from './operator-app.js';
import { OperatorShops } from './shops.js';
import { OperatorTown } from './town.js';

const elements: [string, CustomElementConstructor][] = [
  ['dashboard-operator', DashboardOperator],
  ['operator-shops', OperatorShops],
  ['operator-town', OperatorTown],
  ['operator-mail', OperatorMail],
  ['operator-numbers', OperatorNumbers],
];
for (const [name, element] of elements) if (!customElements.get(name)) customElements.define(name, element);

declare global {
  interface HTMLElementTagNameMap {
    'dashboard-operator': DashboardOperator;
    'operator-shops': OperatorShops;
    'operator-town': OperatorTown;
    'operator-mail': OperatorMail;
    'operator-numbers': OperatorNumbers;
  }
}
