/**
 * When the 3D engine and the model load: the viewer's loading strategy (the
 * shopper's first sign of intent, nearing the viewport, or at once) and where
 * the loading stands. The first paint has only this; the loading itself, the
 * model's progress, load and failure, and its measured size are reported by the
 * lazy part (viewer-3d.ts), which the same signs of intent fetch.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Failure } from '../../internal/events.js';
import type { SizeInMetres } from './dimensions.js';
import type { Viewer3d } from './viewer-3d.js';

/** When the 3D engine and the model download. */
export type ArViewerLoading = 'intent' | 'lazy' | 'eager';

export type Phase = 'idle' | 'loading' | 'done' | 'error';

/** How far below the viewport a `loading="lazy"` viewer starts loading. */
const LAZY_MARGIN = '300px';

export interface EnginePorts {
  host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment; readonly hasUpdated: boolean };
  /** The loading strategy in force. */
  loading: () => ArViewerLoading;
  /** The model's URL; nothing loads without one. */
  src: () => string | undefined;
  /** Base URL of model-viewer's decoders, ending in "/". */
  decoders: () => string;
  /** The viewer's lazy part (the engine's loader among it), fetched once. */
  part: () => Promise<Viewer3d>;
  /** The model is drawn: an earlier failure message may go. */
  loaded: () => void;
  /** What failed, and the words the shopper reads (without: that the 3D model could not load). */
  failed: (failure: Failure, words?: string) => void;
}

export class EngineController implements ReactiveController {
  engine: Phase = 'idle';
  model: Phase = 'idle';
  /** The model's download, 0 to 1. */
  progress = 0;
  /** The model's size as model-viewer measured it, when the product data has none. */
  measured?: SizeInMetres;
  wanted = false;
  private intersection?: IntersectionObserver;
  /** The engine's loading, from the first call of `start` that could begin it until it is done. */
  private starting?: Promise<void>;

  constructor(readonly ports: EnginePorts) {
    ports.host.addController(this);
  }

  update(): void {
    this.ports.host.requestUpdate();
  }

  get busy(): boolean {
    return this.engine === 'loading' || this.model === 'loading';
  }

  get failedToLoad(): boolean {
    return this.engine === 'error' || this.model === 'error';
  }

  hostConnected(): void {
    const host = this.ports.host;
    host.addEventListener('pointerenter', this.want);
    host.addEventListener('focusin', this.want);
    host.addEventListener('touchstart', this.want, { passive: true });
    if (host.hasUpdated) this.watchViewport();
  }

  hostDisconnected(): void {
    const host = this.ports.host;
    host.removeEventListener('pointerenter', this.want);
    host.removeEventListener('focusin', this.want);
    host.removeEventListener('touchstart', this.want);
    this.intersection?.disconnect();
    this.intersection = undefined;
  }

  /** The shopper showed intent (or the page asked for it): load as soon as the model's URL is known. */
  want = (): void => {
    this.wanted = true;
    void this.start();
  };

  /** With `loading="lazy"`, loads once the viewer comes near the viewport. */
  watchViewport(): void {
    this.intersection?.disconnect();
    this.intersection = undefined;
    if (this.ports.loading() !== 'lazy' || typeof IntersectionObserver !== 'function') return;
    this.intersection = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          this.intersection?.disconnect();
          this.want();
        }
      },
      { rootMargin: LAZY_MARGIN },
    );
    this.intersection.observe(this.ports.host);
  }

  /**
   * Starts the engine when wanted and the model's URL is known: the lazy part first, which then
   * marks the engine as loading. Resolves once the engine is there (or failed); a call while it
   * loads waits for the same loading.
   */
  start(): Promise<void> {
    if (this.engine === 'idle' && this.wanted && this.ports.src() && this.model !== 'error') {
      this.starting ??= this.ports.part().then(
        (part) => part.startEngine(),
        (err: Error) => {
          this.engine = 'error';
          this.update();
          this.ports.failed({ kind: 'network', code: 'engine-unavailable', message: `The 3D engine could not be loaded: ${err.message}` });
        },
      );
    }
    return this.starting ?? Promise.resolve();
  }
}
