/** CSS files imported as text (a rollup plugin and the test server's esbuild turn them into strings). */
declare module '*.css' {
  const text: string;
  export default text;
}

/** Leaflet's own ES module build has the same API as the typed 'leaflet' entry. */
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
