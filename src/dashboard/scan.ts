/**
 * Reads QR codes from the device's camera: the browser's BarcodeDetector where
 * it knows QR codes, else jsQR (a small decoder, loaded only then). Lazy: the
 * board loads this module when the owner taps "scan".
 */

type JsQr = typeof import('jsqr').default;
type Detect = (video: HTMLVideoElement) => Promise<string | undefined>;

interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

async function detector(): Promise<Detect> {
  const Native = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  if (Native && (await Native.getSupportedFormats().catch((): string[] => [])).includes('qr_code')) {
    const d = new Native({ formats: ['qr_code'] });
    return async (video) => (await d.detect(video).catch(() => []))[0]?.rawValue;
  }
  // jsQR is a CommonJS (UMD) bundle: its function is the default export, or that export's own default.
  const mod = (await import('jsqr')) as unknown as { default: JsQr | { default: JsQr } };
  const jsQR = typeof mod.default === 'function' ? mod.default : mod.default.default;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  return async (video) => {
    if (!video.videoWidth) return undefined;
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    ctx.drawImage(video, 0, 0);
    const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height)?.data || undefined;
  };
}

/**
 * Starts the back camera in `video` and hands every decoded text to `onText` until it returns
 * true or the returned function is called; that function also turns the camera off.
 */
export async function scanCodes(video: HTMLVideoElement, onText: (text: string) => boolean): Promise<() => void> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
  let stopped = false;
  const stop = () => {
    stopped = true;
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
  try {
    video.srcObject = stream;
    await video.play();
    const detect = await detector();
    const tick = async () => {
      if (stopped) return;
      const text = await detect(video);
      if (stopped || (text && onText(text))) return;
      setTimeout(tick, 150);
    };
    setTimeout(tick, 0);
  } catch (err) {
    stop();
    throw err;
  }
  return stop;
}
