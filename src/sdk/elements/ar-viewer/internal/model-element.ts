/**
 * The <model-viewer> element as the viewer draws it, with model-viewer's spoken camera
 * positions in both languages: a lazy chunk, fetched with the 3D engine (viewer-3d.ts),
 * so none of it is downloaded before the shopper asks for the 3D view.
 */
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { CAMERA_ORBIT, SHADOW_INTENSITY } from '../../../contract/model-camera.js';
import type { Lang } from '../../internal/lang.js';
import type { ModelOptions } from './viewer-3d.js';

/** model-viewer's spoken camera positions and the interaction hint. */
const a11y: Record<Lang, Record<string, string>> = {
  de: {
      front: 'Ansicht von vorn',
      back: 'Ansicht von hinten',
      left: 'Ansicht von links',
      right: 'Ansicht von rechts',
      'upper-front': 'Ansicht von oben vorn',
      'upper-back': 'Ansicht von oben hinten',
      'upper-left': 'Ansicht von oben links',
      'upper-right': 'Ansicht von oben rechts',
      'lower-front': 'Ansicht von unten vorn',
      'lower-back': 'Ansicht von unten hinten',
      'lower-left': 'Ansicht von unten links',
      'lower-right': 'Ansicht von unten rechts',
      'interaction-prompt': 'Mit Maus, Fingern oder Pfeiltasten drehen.',
  },
  en: {
      front: 'View from the front',
      back: 'View from the back',
      left: 'View from the left',
      right: 'View from the right',
      'upper-front': 'View from above, front',
      'upper-back': 'View from above, back',
      'upper-left': 'View from above, left',
      'upper-right': 'View from above, right',
      'lower-front': 'View from below, front',
      'lower-back': 'View from below, back',
      'lower-left': 'View from below, left',
      'lower-right': 'View from below, right',
      'interaction-prompt': 'Turn it with the mouse, your fingers or the arrow keys.',
  },
};

export interface ModelHandlers {
  onProgress: (event: Event) => void;
  onLoad: () => void;
  onError: (event: Event) => void;
}

/** What the lazy part adds to the viewer's options. */
export interface ModelState {
  /** Motion is welcome (no `prefers-reduced-motion`). */
  motion: boolean;
  onArStatus: (event: Event) => void;
}

/** The <model-viewer> element, with the viewer's own poster, progress and AR button instead of its slots. */
export function renderModel(o: ModelOptions & ModelState, on: ModelHandlers): TemplateResult {
  return html`<model-viewer
    part="model"
    src=${o.src}
    ios-src=${ifDefined(o.iosSrc)}
    alt=${o.alt}
    camera-controls
    touch-action="pan-y"
    camera-orbit=${CAMERA_ORBIT}
    shadow-intensity=${SHADOW_INTENSITY}
    ?auto-rotate=${o.autoRotate && o.motion}
    interaction-prompt=${o.motion ? 'auto' : 'none'}
    loading="eager"
    reveal="auto"
    ar
    ar-modes="webxr scene-viewer quick-look"
    ar-scale=${o.arScale === 'auto' ? 'auto' : 'fixed'}
    ar-placement=${o.arPlacement === 'wall' ? 'wall' : 'floor'}
    .a11y=${a11y[o.lang]}
    ?inert=${o.hidden}
    @progress=${on.onProgress}
    @load=${on.onLoad}
    @error=${on.onError}
    @ar-status=${o.onArStatus}
  >
    <span slot="poster"></span>
    <span slot="progress-bar"></span>
    <span slot="ar-button" hidden></span>
  </model-viewer>`;
}
