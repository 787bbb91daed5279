/**
 * The postcode or place field, its button and "use my location", as the first
 * paint shows them, with what the shopper typed and the message that explains a
 * problem next to the field. What the buttons do (the place lookup, the device's
 * location: location.ts) comes with the finder's tools on the shopper's first
 * sign of intent; a press before they arrived waits for them, it is never lost.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { pinIcon } from '../internal/icons.js';
import type { FinderTools } from './finder-tools.js';
import type { FinderStrings } from './strings.js';

export interface FormPorts {
  host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };
  strings: () => FinderStrings;
  /** Runs `act` with the finder's tools: at once when they are here, else as soon as they arrived (`unavailable` if they cannot be loaded). */
  withTools: (act: (tools: FinderTools) => unknown, unavailable?: () => void) => void;
}

/** Not a controller of its own: state the finder renders, changed by the tools (location.ts). */
export class LocationForm {
  /** What the shopper typed, kept across re-renders and errors. */
  typed = '';
  /** The problem explained next to the field; empty when there is none. */
  message = '';
  /** The device's location is being asked for. */
  locating = false;

  constructor(private readonly ports: FormPorts) {}

  get input(): HTMLInputElement | null {
    return this.ports.host.renderRoot.querySelector<HTMLInputElement>('#where');
  }

  private onSubmit = (e: SubmitEvent): void => {
    e.preventDefault();
    this.typed = this.input?.value ?? '';
    const query = this.typed.trim();
    this.ports.withTools((tools) => tools.location.find(query));
  };

  private locate = (): void => {
    // The button says so and takes no second press at once, also while the tools are still on their way.
    this.locating = true;
    this.ports.host.requestUpdate();
    this.ports.withTools(
      (tools) => tools.location.locate(),
      () => {
        this.locating = false;
        this.ports.host.requestUpdate();
      },
    );
  };

  render(): TemplateResult {
    const t = this.ports.strings();
    const invalid = this.message !== '';
    return html`<form class="where" @submit=${this.onSubmit} novalidate>
      <label for="where">${t.locationLabel}</label>
      <div class="where-row">
        <input
          id="where"
          part="input"
          name="where"
          autocomplete="postal-code"
          enterkeyhint="search"
          placeholder=${t.locationPlaceholder}
          .value=${this.typed}
          @input=${(e: InputEvent) => (this.typed = (e.target as HTMLInputElement).value)}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'where-msg' : nothing}
        />
        <button part="button" type="submit">${t.search}</button>
      </div>
      <button part="button" type="button" class="quiet" @click=${this.locate} ?disabled=${this.locating}>
        ${pinIcon} ${this.locating ? t.locating : t.useMyLocation}
      </button>
      <p id="where-msg" class="where-msg" ?hidden=${!invalid}>${this.message}</p>
    </form>`;
  }
}
