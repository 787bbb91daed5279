/** Whether the shopper asked for less motion, kept current while the page is open. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ReducedMotion implements ReactiveController {
  /** True under `prefers-reduced-motion: reduce`. */
  reduced = false;
  private query?: MediaQueryList;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof matchMedia !== 'function') return;
    this.query = matchMedia('(prefers-reduced-motion: reduce)');
    this.reduced = this.query.matches;
    this.query.addEventListener('change', this.onChange);
  }

  hostDisconnected(): void {
    this.query?.removeEventListener('change', this.onChange);
  }

  private onChange = (event: MediaQueryListEvent): void => {
    this.reduced = event.matches;
    this.host.requestUpdate();
  };
}
