/**
 * Loads the 3D engine, <model-viewer> with three.js (about 280 KB gzip): a lazy
 * chunk that the script-tag entry never contains, fetched only when a viewer
 * decides it needs it (see `loading` on the element).
 *
 * model-viewer fetches its Draco and KTX2 decoders from Google's CDN unless told
 * otherwise, and each new <model-viewer> re-reads `self.ModelViewerElement` for
 * their locations. So before the first one exists, the locations are pointed at
 * the town's endpoint (`/sdk/decoders/`). A page that configured model-viewer
 * itself keeps its own choice.
 */

/** The part of <model-viewer>'s API the viewer uses. */
export interface ModelViewer extends HTMLElement {
  src: string | null;
  loaded: boolean;
  readonly canActivateAR: boolean;
  activateAR(): Promise<void>;
  getDimensions(): { x: number; y: number; z: number };
  getCameraOrbit(): { theta: number; phi: number; radius: number };
  toBlob(options?: { mimeType?: string; qualityArgument?: number; idealAspect?: boolean }): Promise<Blob>;
  toDataURL(type?: string, quality?: number): string;
  readonly updateComplete: Promise<boolean>;
}

interface ModelViewerGlobalConfig {
  dracoDecoderLocation?: string;
  ktx2TranscoderLocation?: string;
  meshoptDecoderLocation?: string;
  lottieLoaderLocation?: string;
}

declare global {
  // model-viewer's documented global configuration object.
  // eslint-disable-next-line no-var
  var ModelViewerElement: ModelViewerGlobalConfig | undefined;
}

let loading: Promise<void> | undefined;

/**
 * @param decoders Base URL of the decoder files, ending in "/" (the endpoint's `/sdk/decoders/`).
 */
export function loadModelViewer(decoders: string): Promise<void> {
  const config = (globalThis.ModelViewerElement ??= {});
  config.dracoDecoderLocation ??= decoders;
  config.ktx2TranscoderLocation ??= decoders;
  config.meshoptDecoderLocation ??= `${decoders}meshopt_decoder.js`;
  // Lottie textures are not supported; this keeps model-viewer from naming a CDN for them.
  config.lottieLoaderLocation ??= `${decoders}lottie-loader-not-available.js`;

  loading ??= (async () => {
    // Another copy of model-viewer on the page (the shop's own) is used as it is.
    if (!customElements.get('model-viewer')) {
      try {
        await import('@google/model-viewer');
      } catch (err) {
        // Defined meanwhile by the page's own copy: that one is fine too.
        if (!customElements.get('model-viewer')) throw err;
      }
    }
    await customElements.whenDefined('model-viewer');
  })();
  // A failed download (offline) may be retried by the next intent.
  loading.catch(() => (loading = undefined));
  return loading;
}

/** True when this browser can draw WebGL at all; model-viewer fires `load` even when it cannot. */
export function hasWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    // Give the context back at once: browsers allow only a few per page.
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return !!gl;
  } catch {
    return false;
  }
}
