/**
 * What the browser is, as far as AR cares: a phone or tablet (AR can start
 * here) or a desktop (show a QR code instead), and whether it is an app's
 * built-in browser, where Scene Viewer and Quick Look do not start.
 */

/** Built-in browsers of apps, by the marker their user agent carries. Order matters: first match wins. */
const IN_APP_BROWSERS: readonly [RegExp, string][] = [
  [/\bInstagram\b/i, 'Instagram'],
  [/\bFBAN\/|\bFBAV\/|\bFB_IAB\/|\bFBIOS\b|\bFB4A\b/i, 'Facebook'],
  [/\bmusical_ly\b|\bBytedanceWebview\b|\bTikTok\b/i, 'TikTok'],
  [/\bSnapchat\b/i, 'Snapchat'],
  [/\bPinterest\b/i, 'Pinterest'],
  [/\bLinkedInApp\b/i, 'LinkedIn'],
  [/\bTwitter\b/i, 'X'],
  [/\bLine\/\d/i, 'LINE'],
  [/\bGSA\/\d/i, 'Google'],
];

export interface InAppBrowser {
  /** The app's name when it is known ("Instagram"), else undefined (a generic Android WebView). */
  app: string | undefined;
}

/** Detects an app's built-in browser (a WebView) from the user agent. */
export function detectInAppBrowser(userAgent: string): InAppBrowser | undefined {
  for (const [pattern, app] of IN_APP_BROWSERS) if (pattern.test(userAgent)) return { app };
  // Android WebViews mark themselves with "; wv)".
  if (/Android.*;\s*wv\)/i.test(userAgent)) return { app: undefined };
  return undefined;
}

/** A phone or tablet, where AR can start on this device. iPadOS reports itself as a Mac with touch. */
export function isHandheld(userAgent: string, maxTouchPoints: number): boolean {
  return /Android|iPhone|iPad|iPod|Mobile/i.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
}
