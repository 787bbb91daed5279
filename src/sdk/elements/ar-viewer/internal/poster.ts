/**
 * The picture the viewer shows before any 3D: the page's own `poster`, else the product's poster
 * (rendered from its model), else the product's image, resolved against the endpoint. Also read
 * by citylab.js, which starts loading it as soon as the early answer is there (prefetch-page.ts),
 * so the viewer finds it in the browser's cache when its code arrives.
 */
export interface PosterSource {
  image_url?: string | undefined;
  model?: { poster_url?: string | undefined } | undefined;
}

export function posterOf(attribute: string | null | undefined, product: PosterSource | undefined, resolve: (url: string | undefined) => string | undefined): string | undefined {
  return attribute?.trim() || resolve(product?.model?.poster_url ?? product?.image_url);
}
