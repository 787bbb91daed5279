/**
 * When the 3D engine and the model load, and what they report: the viewer's
 * loading strategy (the shopper's first sign of intent, nearing the viewport,
 * or at once), the lazy model-viewer chunk (engine.ts), the model's progress,
 * load and failure, and its measured size.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { emit, type Failure } from '../../internal/events.js';
import type { Lang } from '../../internal/lang.js';
import type { SizeInMetres } from './dimensions.js';
import { hasWebGL, loadModelViewer, type ModelViewer } from './engine.js';
import type { renderModel } from './model-element.js';

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
  /** The model is drawn: an earlier failure message may go. */
  loaded: () => void;
  failed: (failure: Failure, words: 'noWebgl' | 'modelFailed') => void;
}

/** What the viewer asks of its <model-viewer>. */
export interface ModelOptions {
  src: string;
  iosSrc: string | undefined;
  alt: string;
  /** Motion is welcome (no `prefers-reduced-motion`). */
  motion: boolean;
  autoRotate: boolean;
  arScale: 'fixed' | 'auto';
  arPlacement: 'floor' | 'wall';
  /** The viewer's language (model-viewer's spoken camera positions and interaction hint). */
  lang: Lang;
  /** Behind the poster: out of the keyboard's and the screen reader's way. */
  hidden: boolean;
  onArStatus: (event: Event) => void;
}

export class EngineController implements ReactiveController {
  engine: Phase = 'idle';
  model: Phase = 'idle';
  /** The model's download, 0 to 1. */
  progress = 0;
  /** The model's size as model-viewer measured it, when the product data has none. */
  measured?: SizeInMetres;
  private wanted = false;
  private intersection?: IntersectionObserver;
  /** The <model-viewer> template, which arrives with the engine. */
  private template?: typeof renderModel;

  constructor(private readonly ports: EnginePorts) {
    ports.host.addController(this);
  }

  private update(): void {
    this.ports.host.requestUpdate();
  }

  /** The <model-viewer> element, once rendered (its type lives in the lazy chunk; the viewer knows it by its interface). */
  get viewer(): ModelViewer | null {
    return this.ports.host.renderRoot.querySelector('model-viewer') as ModelViewer | null;
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

  /** A new model: start over from its poster (a model-viewer already there loads it at once). */
  newModel(): void {
    this.model = this.engine === 'done' ? 'loading' : 'idle';
    this.progress = 0;
    this.measured = undefined;
    this.update();
  }

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

  /** Starts the engine when wanted and the model's URL is known (synchronously marks it as loading). */
  async start(): Promise<void> {
    if (!this.wanted || this.engine !== 'idle' || !this.ports.src() || this.model === 'error') return;
    if (!hasWebGLOnce()) {
      this.engine = 'error';
      this.update();
      this.ports.failed({ kind: 'model', code: 'webgl-unavailable', message: 'WebGL is not available in this browser.' }, 'noWebgl');
      return;
    }
    this.engine = 'loading';
    this.update();
    try {
      const [, view] = await Promise.all([loadModelViewer(this.ports.decoders()), import('./model-element.js')]);
      this.template = view.renderModel;
      this.engine = 'done';
      this.model = 'loading';
      this.progress = 0;
      this.update();
    } catch (err) {
      this.engine = 'error';
      this.update();
      this.ports.failed({ kind: 'network', code: 'engine-unavailable', message: `The 3D engine could not be loaded: ${(err as Error).message}` }, 'modelFailed');
    }
  }

  /** Resolves once the engine is there and the model has loaded (or failed). */
  async ready(): Promise<ModelViewer | undefined> {
    this.wanted = true;
    await this.start();
    await this.ports.host.updateComplete;
    const viewer = this.viewer;
    if (!viewer || this.failedToLoad) return undefined;
    if (this.model !== 'done') {
      await new Promise<void>((ok) => {
        const done = () => {
          viewer.removeEventListener('load', done);
          viewer.removeEventListener('error', done);
          ok();
        };
        viewer.addEventListener('load', done);
        viewer.addEventListener('error', done);
      });
      await this.ports.host.updateComplete;
    }
    return this.model === 'done' ? viewer : undefined;
  }

  // ------------------------------------------------- model-viewer's events

  /** model-viewer's event (model-element.ts binds it). */
  readonly onProgress = (event: Event): void => {
    const total = (event as CustomEvent<{ totalProgress?: number }>).detail?.totalProgress;
    if (typeof total === 'number' && Number.isFinite(total)) {
      this.progress = Math.max(0, Math.min(1, total));
      this.update();
    }
  };

  /** model-viewer's event (model-element.ts binds it). */
  readonly onLoad = (): void => {
    const viewer = this.viewer;
    if (!viewer) return;
    this.model = 'done';
    this.progress = 1;
    try {
      const { x, y, z } = viewer.getDimensions();
      if (x > 0 && y > 0 && z > 0) this.measured = { width: x, height: y, depth: z };
    } catch {
      // Size stays unknown; the button is simply not offered.
    }
    this.update();
    this.ports.loaded();
    emit(this.ports.host, 'citylab-model-load', { src: viewer.src ?? this.ports.src() ?? '' });
  };

  /** model-viewer's event (model-element.ts binds it). */
  readonly onError = (event: Event): void => {
    // model-viewer names two failures: the file did not load, or the drawing context was lost.
    const type = (event as CustomEvent<{ type?: string }>).detail?.type === 'webglcontextlost' ? 'webglcontextlost' : 'loadfailure';
    this.model = 'error';
    this.update();
    this.ports.failed({ kind: 'model', code: type, message: `The model ${this.ports.src() ?? ''} could not be shown (${type}).` }, 'modelFailed');
  };

  // ----------------------------------------------------------------- render

  /** The <model-viewer> element (only once the engine is there: its template came with it). */
  render(o: ModelOptions): TemplateResult {
    return this.template?.(o, this) ?? html``;
  }
}

let webgl: boolean | undefined;
/** Asked once per page: a WebGL context is a scarce resource. */
function hasWebGLOnce(): boolean {
  webgl ??= hasWebGL();
  return webgl;
}
