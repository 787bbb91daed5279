/**
 * What every CityLab element shares, as one mixin: the town's `endpoint` it
 * talks to and an optional `client` of the page's own (both reactive
 * properties, so lit's `.endpoint=${url}` and React 19, which set properties,
 * work as the attribute does, also when they change later), the language the
 * element speaks and its words in that language.
 */
import { ReactiveElement, adoptStyles, isServer, type LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { clientFor, type CitylabClient } from '../../client/client.js';
import { resolveEndpoint } from '../../client/endpoint.js';
import type { Failure } from './events.js';
import { COUNTING_ENDPOINT } from './insights.js';
import { pickLang, resolveLang, type Lang } from './lang.js';

// The mixin pattern needs `any[]`: a constructor of any arguments.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Constructor<T = object> = new (...args: any[]) => T;

/** What the mixin adds, as a declared class: TypeScript cannot otherwise name a mixin's protected members. */
export declare class CitylabElementInterface<Strings> {
  endpoint?: string;
  client?: CitylabClient;
  /** `de` or `en`, from the element's own `lang`, then the page's; German without any (lang.ts). */
  protected get language(): Lang;
  /** The element's words in its language. */
  protected get strings(): Strings;
  /** The endpoint in force, without a trailing slash; see `resolveEndpoint`. */
  protected get resolvedEndpoint(): string | undefined;
  /** `client`, else the page's shared client for the resolved endpoint. */
  protected get api(): CitylabClient | undefined;
  /** True when this update changes which endpoint or client the element talks to. */
  protected endpointChanged(changed: PropertyValues): boolean;
  /** Whether the element shows its loading state (no answer yet): a server's frame stays until then. */
  protected get waiting(): boolean;
}

/** What an element reports when it finds no endpoint at all (the shopper sees the element's own words). */
export const NO_ENDPOINT: Failure = {
  kind: 'config',
  message: 'No endpoint: set the endpoint attribute or property, or <meta name="citylab:endpoint">.',
};

/**
 * An element's words: German (the default, in the element's own chunk) and English, loaded
 * the first time an element speaks it, so a German page never downloads it.
 */
export interface Catalogue<Strings> {
  de: Strings;
  en: () => Promise<Strings>;
}

/**
 * @param catalogue The element's words, one entry per language.
 */
export function CitylabElement<T extends Constructor<LitElement>, Strings>(Base: T, catalogue: Catalogue<Strings>) {
  let english: Strings | undefined;
  let loadingEnglish: Promise<void> | undefined;
  // Without the English words (offline, say) the element speaks German rather than nothing.
  const loadEnglish = () =>
    (loadingEnglish ??= catalogue.en().then(
      (words) => void (english = words),
      () => undefined,
    ));

  class CitylabElementBase extends Base {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    constructor(...args: any[]) {
      super(...args);
      // Rendered by a server (Lit SSR): the page's markup says so, and citylab.css then reserves no
      // space besides the declarative shadow root, which already holds the element's first frame.
      if (isServer) this.setAttribute('server-rendered', '');
    }

    /**
     * Whether the words this element speaks are here. The page's defined elements already have
     * them (see `wordsFor`); one that speaks English on a German page waits for them here, for
     * one request, instead of showing German first.
     */
    protected override scheduleUpdate(): void | Promise<unknown> {
      if (this.language === 'en' && !english) return loadEnglish().then(() => super.scheduleUpdate());
      return super.scheduleUpdate();
    }

    /** A server's frame with an answer, on screen until the element has one of its own (see `createRenderRoot`). */
    private serverFrame = false;
    /** The shadow root holds a server's markup, to be emptied before the element's first render. */
    private takeOver = false;

    /**
     * A shadow root the page already holds: a server rendered the element (Lit SSR, a declarative
     * shadow root). A frame that shows an answer (the page gave the server its `availability`;
     * `server-rendered="answer"`) stays on screen while the element waits for its own, and until
     * the shopper touches, focuses or types in it (its controls are the server's, without the
     * element's handlers); a loading frame is the element's own first frame anyway. Then the
     * element empties the root and renders, in one task, so the page shows one copy of its content
     * and nothing moves. Lit would otherwise render beside the server's markup, or, where a page
     * loads Lit's hydration (`@lit-labs/ssr-client`), try to hydrate it, which fails when the
     * templates differ from the server's (citylab.js's are minified). Lit's base method is not
     * called for that reason: the hydration patches it.
     */
    protected override createRenderRoot(): HTMLElement | DocumentFragment {
      const root = this.shadowRoot;
      if (isServer || !root) return super.createRenderRoot();
      this.takeOver = root.hasChildNodes();
      this.serverFrame = this.takeOver && this.getAttribute('server-rendered') === 'answer';
      if (this.serverFrame) for (const type of ['pointerdown', 'focusin', 'keydown']) this.addEventListener(type, this.leaveServerFrame, { capture: true });
      adoptStyles(root, (this.constructor as typeof LitElement).elementStyles);
      return root;
    }

    private leaveServerFrame = (): void => {
      for (const type of ['pointerdown', 'focusin', 'keydown']) this.removeEventListener(type, this.leaveServerFrame, { capture: true });
      if (!this.serverFrame) return;
      this.serverFrame = false;
      this.requestUpdate();
    };

    /** On a server: says whether the frame shows an answer. While a server's frame stays: the element's attributes only. */
    protected override willUpdate(changed: PropertyValues): void {
      super.willUpdate(changed);
      if (isServer) this.setAttribute('server-rendered', this.waiting ? '' : 'answer');
    }

    protected override update(changed: PropertyValues): void {
      // Lit's own step below LitElement's rendering: reflects the attributes, renders nothing.
      if (this.serverFrame && this.waiting) return (ReactiveElement.prototype as unknown as { update(c: PropertyValues): void }).update.call(this, changed);
      this.leaveServerFrame();
      if (this.takeOver) {
        this.takeOver = false;
        this.renderRoot.replaceChildren();
        // Where a browser has no constructed sheets, Lit's <style>s were in the emptied root.
        adoptStyles(this.renderRoot as ShadowRoot, (this.constructor as typeof LitElement).elementStyles);
      }
      super.update(changed);
    }

    /** Whether the element shows its loading state (no answer yet); each element says when. */
    protected get waiting(): boolean {
      return false;
    }

    /** Before the tag is defined: the words of every such element on the page, so the first render has them. */
    static wordsFor(tag: string): Promise<void> | undefined {
      // A server (Lit SSR) may render either language, and renders synchronously: it gets both first.
      if (isServer) return loadEnglish();
      return [...document.querySelectorAll(tag)].some((el) => resolveLang(el) === 'en') ? loadEnglish() : undefined;
    }

    /** The town's endpoint (attribute or property). Default: `<meta name="citylab:endpoint">`, else where citylab.js came from. */
    @property() endpoint?: string;

    /** A client of your own (custom fetch or timeout). Default: the page's shared client for the endpoint. */
    @property({ attribute: false }) client?: CitylabClient;

    protected get language(): Lang {
      // Rendered on a server (Lit SSR: Next.js, Astro, an endpoint) there is no tree around it yet: its own `lang`.
      if (isServer) return pickLang(this.getAttribute('lang')) ?? 'de';
      return resolveLang(this);
    }

    protected get strings(): Strings {
      return (this.language === 'en' && english) || catalogue.de;
    }

    protected get resolvedEndpoint(): string | undefined {
      // On a server there is no page to resolve against: an absolute `endpoint` only, for the product's
      // model and poster URLs. It asks nothing there (each element's `load` stops first).
      if (isServer) return /^https?:\/\//.test(this.endpoint ?? '') ? this.endpoint!.replace(/\/+$/, '') : undefined;
      return resolveEndpoint(this);
    }

    protected get api(): CitylabClient | undefined {
      if (this.client) return this.client;
      const endpoint = this.resolvedEndpoint;
      return endpoint ? clientFor(endpoint) : undefined;
    }

    protected endpointChanged(changed: PropertyValues): boolean {
      return changed.has('endpoint') || changed.has('client');
    }

    /** Where this element's counts go (see insights.ts). */
    get [COUNTING_ENDPOINT](): string | undefined {
      return this.client?.endpoint ?? this.resolvedEndpoint;
    }
  }
  return CitylabElementBase as unknown as Constructor<CitylabElementInterface<Strings>> & T;
}
