/**
 * What <citylab-ar-viewer> needs only once the shopper shows interest: loading the
 * 3D engine and the model and following their progress, drawing <model-viewer>,
 * the loading bar and the size behind "Maße", and what "In Ihrem Raum ansehen"
 * does (ar-start.ts). A lazy chunk, with its words (strings-3d.ts) and looks
 * (styles-3d.ts): the signs of intent that start the engine fetch it
 * (engine-controller.ts), and a tap that comes first waits for it, so no tap is
 * lost.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { emit } from '../../internal/events.js';
import type { Lang } from '../../internal/lang.js';
import { words3d, type ArViewerWords3d } from '../strings-3d.js';
import type { ArController } from './ar-controller.js';
import { HandOver, onModelStatus, onQrClosed, renderQr, startAr } from './ar-start.js';
import { sizeInCentimetres, type SizeInMetres } from './dimensions.js';
import type { EngineController } from './engine-controller.js';
import { hasWebGL, loadModelViewer, type ModelViewer } from './engine.js';
import type { renderModel } from './model-element.js';
import { ReducedMotion } from './reduced-motion.js';

export { arViewerStyles3d } from '../styles-3d.js';

/** What the viewer asks of its <model-viewer>. */
export interface ModelOptions {
  src: string;
  iosSrc: string | undefined;
  alt: string;
  autoRotate: boolean;
  arScale: 'fixed' | 'auto';
  arPlacement: 'floor' | 'wall';
  /** The viewer's language (model-viewer's spoken camera positions and interaction hint). */
  lang: Lang;
  /** Behind the poster: out of the keyboard's and the screen reader's way. */
  hidden: boolean;
}

export interface Viewer3dPorts {
  engine: EngineController;
  ar: ArController;
  lang: () => Lang;
}

export class Viewer3d {
  /** Whether the shopper asked for less motion: the model then does not turn by itself. */
  private readonly motion: ReducedMotion;
  private readonly handOver: HandOver;
  /** The <model-viewer> template, which arrives with the engine. */
  private template?: typeof renderModel;

  constructor(private readonly ports: Viewer3dPorts) {
    this.motion = new ReducedMotion(ports.engine.ports.host);
    this.handOver = new HandOver(ports.ar);
  }

  /** The words of this part, in the viewer's language. */
  get words(): ArViewerWords3d {
    return words3d[this.ports.lang()];
  }

  private get engine(): EngineController {
    return this.ports.engine;
  }

  /** The <model-viewer> element, once rendered (its type lives in the engine's chunk; the viewer knows it by its interface). */
  private get viewer(): ModelViewer | null {
    return this.engine.ports.host.renderRoot.querySelector('model-viewer') as ModelViewer | null;
  }

  /** A new model: start over from its poster (a model-viewer already there loads it at once). */
  newModel(): void {
    const { engine } = this;
    engine.model = engine.engine === 'done' ? 'loading' : 'idle';
    engine.progress = 0;
    engine.measured = undefined;
    engine.update();
  }

  /** After "In 3D ansehen" from the keyboard: into the 3D view, where the arrow keys turn the model. */
  focusModel(): void {
    // model-viewer's keyboard-orbit surface is the focusable element in its shadow root.
    this.viewer?.shadowRoot?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  }

  /** Loads model-viewer and its template (once; the engine controller decides when). */
  async startEngine(): Promise<void> {
    const engine = this.engine;
    if (engine.engine !== 'idle') return;
    if (!hasWebGLOnce()) {
      engine.engine = 'error';
      engine.update();
      engine.ports.failed({ kind: 'model', code: 'webgl-unavailable', message: 'WebGL is not available in this browser.' }, this.words.noWebgl);
      return;
    }
    engine.engine = 'loading';
    engine.update();
    try {
      const [, view] = await Promise.all([loadModelViewer(engine.ports.decoders()), import('./model-element.js')]);
      this.template = view.renderModel;
      engine.engine = 'done';
      engine.model = 'loading';
      engine.progress = 0;
      engine.update();
    } catch (err) {
      engine.engine = 'error';
      engine.update();
      engine.ports.failed({ kind: 'network', code: 'engine-unavailable', message: `The 3D engine could not be loaded: ${(err as Error).message}` });
    }
  }

  /** Resolves once the engine is there and the model has loaded (or failed). */
  async ready(): Promise<ModelViewer | undefined> {
    const engine = this.engine;
    const host = engine.ports.host;
    engine.wanted = true;
    // Also when the shopper's touch already started the engine: this waits for that same loading.
    await engine.start();
    await host.updateComplete;
    const viewer = this.viewer;
    if (!viewer || engine.failedToLoad) return undefined;
    if (engine.model !== 'done') {
      await new Promise<void>((ok) => {
        const done = () => {
          viewer.removeEventListener('load', done);
          viewer.removeEventListener('error', done);
          ok();
        };
        viewer.addEventListener('load', done);
        viewer.addEventListener('error', done);
      });
      await host.updateComplete;
    }
    return engine.model === 'done' ? viewer : undefined;
  }

  /** What "In Ihrem Raum ansehen" does (the button waits for this part). */
  startAr(): Promise<void> {
    return startAr(this.ports.ar, this, this.handOver);
  }

  /** After each update of the viewer: the loading bar's length, through the CSSOM (Lit's styleMap writes a style
   *  *attribute* on its first render, which a shop's CSP without 'unsafe-inline' refuses). */
  updated(): void {
    const { engine } = this;
    engine.ports.host.renderRoot.querySelector<HTMLElement>('.progress .bar')?.style.setProperty('--_done', String(engine.progress));
  }

  // ------------------------------------------------- model-viewer's events

  /** model-viewer's event (model-element.ts binds it). */
  readonly onProgress = (event: Event): void => {
    const total = (event as CustomEvent<{ totalProgress?: number }>).detail?.totalProgress;
    if (typeof total === 'number' && Number.isFinite(total)) {
      this.engine.progress = Math.max(0, Math.min(1, total));
      this.engine.update();
    }
  };

  /** model-viewer's event (model-element.ts binds it). */
  readonly onLoad = (): void => {
    const engine = this.engine;
    const viewer = this.viewer;
    if (!viewer) return;
    engine.model = 'done';
    engine.progress = 1;
    try {
      const { x, y, z } = viewer.getDimensions();
      if (x > 0 && y > 0 && z > 0) engine.measured = { width: x, height: y, depth: z };
    } catch {
      // Size stays unknown; the button is simply not offered.
    }
    engine.update();
    engine.ports.loaded();
    emit(engine.ports.host, 'citylab-model-load', { src: viewer.src ?? engine.ports.src() ?? '' });
  };

  /** model-viewer's event (model-element.ts binds it). */
  readonly onError = (event: Event): void => {
    // model-viewer names two failures: the file did not load, or the drawing context was lost.
    const type = (event as CustomEvent<{ type?: string }>).detail?.type === 'webglcontextlost' ? 'webglcontextlost' : 'loadfailure';
    const engine = this.engine;
    engine.model = 'error';
    engine.update();
    engine.ports.failed({ kind: 'model', code: type, message: `The model ${engine.ports.src() ?? ''} could not be shown (${type}).` });
  };

  /** model-viewer's own `ar-status` (WebXR sessions). */
  readonly onArStatus = (event: Event): void => onModelStatus(this.ports.ar, event);

  /** The QR dialog's `close`. */
  readonly onQrClosed = (): void => onQrClosed(this.ports.ar);

  // ----------------------------------------------------------------- render

  /** The <model-viewer> element (only once the engine is there: its template came with it). */
  renderModel(o: ModelOptions): TemplateResult {
    return this.template?.({ ...o, motion: !this.motion.reduced, onArStatus: this.onArStatus }, this) ?? html``;
  }

  /** What loads, in words, over the picture (when the shopper asked for the 3D view or AR). */
  renderProgressText(): TemplateResult {
    const { engine } = this;
    const t = this.words;
    return html`<p class="progress-text">${engine.engine === 'loading' ? t.loadingEngine : t.loadingModel(Math.round(engine.progress * 100))}</p>`;
  }

  /** The loading bar along the picture's bottom edge. */
  renderProgress(): TemplateResult {
    const { engine } = this;
    const determinate = engine.engine === 'done';
    return html`<div
      class="progress ${determinate ? '' : 'indeterminate'}"
      part="progress"
      role="progressbar"
      aria-label=${this.words.progressLabel}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${ifDefined(determinate ? Math.round(engine.progress * 100) : undefined)}
    >
      <div class="bar"></div>
    </div>`;
  }

  /** The real size behind "Maße": W × H × D in cm. */
  renderDimensions(size: SizeInMetres): TemplateResult {
    const t = this.words;
    const [w, h, d] = sizeInCentimetres(size, this.ports.lang());
    return html`<p class="dimensions" id="dimensions" part="dimensions" aria-label=${t.dimensionsLabel(w, h, d)}>${t.dimensionsValue(w, h, d)}</p>`;
  }

  /** The QR dialog's content (the dialog itself is in the first paint, closed). */
  renderQr(): TemplateResult {
    return renderQr(this.ports.ar, this.words);
  }
}

let webgl: boolean | undefined;
/** Asked once per page: a WebGL context is a scarce resource. */
function hasWebGLOnce(): boolean {
  webgl ??= hasWebGL();
  return webgl;
}
