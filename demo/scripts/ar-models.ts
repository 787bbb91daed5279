/**
 * The demo town's 3D models, made the way a shop would make them: generated
 * from code (demo/scripts/models.ts), then put through the model pipeline
 * (`citylab-models optimize` and `poster`).
 *
 *   node --import tsx demo/scripts/ar-models.ts [outDir] [--svg-posters]   (default demo/dist/models, cached)
 *
 * Writes, for each of lounge-chair, table-lamp, vase and sneaker:
 *
 *   <name>.glb              the optimized model (meshopt, real-world size)
 *   <name>-poster.webp      the poster: rendered by model-viewer in headless Chromium when
 *                           there is one, else the SVG drawing rasterized (so `npm start`
 *                           works on a machine without a browser)
 *   <name>-poster.svg       the flat SVG drawing, kept as a fallback
 *   models.json             what was made from what
 *
 * The work happens in node_modules/.cache/citylab-demo-models, where an unchanged
 * model is not optimized or rendered again (the demo site's build empties demo/dist).
 *
 * `--svg-posters` skips Chromium (the browser tests use it: quicker, and their poster
 * is not what they check).
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findChrome, optimizeModel, renderPosters } from 'citylab-models';
import { buildModels } from './models.js';

/** Bump when the pipeline's output changes, so cached models are made again. */
const PIPELINE_VERSION = 3;

export type PosterKind = 'rendered' | 'svg-raster' | 'svg';

export interface ArModel {
  name: string;
  glb: string;
  poster: string;
  posterKind: PosterKind;
  svgPoster: string;
  /** The generated model before and after the pipeline. */
  sourceBytes: number;
  bytes: number;
  triangles: number;
  dimensions_m: { width: number; height: number; depth: number };
}

/** models.json: file names relative to its folder (it is served with the demo). */
interface Manifest {
  version: number;
  models: Record<string, ArModel & { sourceHash: string }>;
}

const relative = (m: ArModel): ArModel => ({ ...m, glb: basename(m.glb), poster: basename(m.poster), svgPoster: basename(m.svgPoster) });
const inDir = (m: ArModel, dir: string): ArModel => ({ ...m, glb: join(dir, basename(m.glb)), poster: join(dir, basename(m.poster)), svgPoster: join(dir, basename(m.svgPoster)) });

export interface ArModelsOptions {
  /** `auto`: render with Chromium when found, else rasterize the SVG. */
  posters?: 'auto' | 'svg';
  /**
   * Work here and copy the results to `outDir`: the demo site's build empties
   * demo/dist, and an unchanged model should not be optimized and rendered again.
   */
  cacheDir?: string;
  log?: (line: string) => void;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function readManifest(file: string): Promise<Manifest> {
  try {
    const manifest = JSON.parse(await readFile(file, 'utf8')) as Manifest;
    if (manifest.version === PIPELINE_VERSION) return manifest;
  } catch {
    // none yet, or unreadable: make everything
  }
  return { version: PIPELINE_VERSION, models: {} };
}

/** SVG → transparent square WebP, with sharp (an optional dependency). */
async function rasterizeSvg(svg: string, out: string, size = 1024): Promise<boolean> {
  let sharp: typeof import('sharp') | undefined;
  try {
    sharp = (await import('sharp')).default;
  } catch {
    return false;
  }
  await sharp(Buffer.from(svg), { density: 150 })
    .resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .webp({ quality: 88 })
    .toFile(out);
  return true;
}

export async function buildArModels(outDir: string, options: ArModelsOptions = {}): Promise<ArModel[]> {
  if (options.cacheDir && resolve(options.cacheDir) !== resolve(outDir)) {
    const made = await buildArModels(options.cacheDir, { ...options, cacheDir: undefined });
    const out = resolve(outDir);
    await mkdir(out, { recursive: true });
    for (const m of made) {
      for (const file of new Set([m.glb, m.poster, m.svgPoster])) await copyFile(file, join(out, basename(file)));
    }
    await copyFile(join(resolve(options.cacheDir), 'models.json'), join(out, 'models.json'));
    return made.map((m) => inDir(m, out));
  }
  const log = options.log ?? (() => {});
  const dir = resolve(outDir);
  await mkdir(dir, { recursive: true });
  const manifestFile = join(dir, 'models.json');
  const manifest = await readManifest(manifestFile);
  const chrome = options.posters === 'svg' ? undefined : findChrome();
  const wantKind: PosterKind = chrome ? 'rendered' : 'svg-raster';

  const scratch = await mkdtemp(join(tmpdir(), 'citylab-models-'));
  try {
    const sources = await buildModels(scratch);
    const results: ArModel[] = [];
    const toRender: { name: string; glb: string; poster: string }[] = [];
    for (const source of sources) {
      const sourceHash = createHash('sha256').update(await readFile(source.glb)).update(await readFile(source.poster)).digest('hex');
      const glb = join(dir, `${source.name}.glb`);
      const poster = join(dir, `${source.name}-poster.webp`);
      const svgPoster = join(dir, `${source.name}-poster.svg`);
      const cached = manifest.models[source.name];
      const upToDate =
        cached?.sourceHash === sourceHash &&
        (cached.posterKind === wantKind || cached.posterKind === 'rendered') &&
        (await exists(glb)) &&
        (await exists(svgPoster)) &&
        (await exists(poster));
      if (cached && upToDate) {
        log(`${source.name}: unchanged`);
        results.push(inDir(cached, dir));
        continue;
      }
      const optimized = await optimizeModel(source.glb, glb);
      await copyFile(source.poster, svgPoster);
      let posterKind: PosterKind = 'svg';
      if (chrome) {
        toRender.push({ name: source.name, glb, poster });
        posterKind = 'rendered';
      } else if (await rasterizeSvg(await readFile(source.poster, 'utf8'), poster)) {
        posterKind = 'svg-raster';
      }
      const model: ArModel = {
        name: source.name,
        glb,
        poster: posterKind === 'svg' ? svgPoster : poster,
        posterKind,
        svgPoster,
        sourceBytes: optimized.before.bytes,
        bytes: optimized.after.bytes,
        triangles: optimized.after.triangles,
        dimensions_m: optimized.after.size_m,
      };
      manifest.models[source.name] = { ...relative(model), sourceHash };
      results.push(model);
      log(`${source.name}.glb: ${(model.sourceBytes / 1024).toFixed(1)} KB → ${(model.bytes / 1024).toFixed(1)} KB, ${model.triangles} triangles`);
    }
    if (toRender.length && chrome) {
      try {
        const rendered = await renderPosters(
          toRender.map((job) => ({ input: job.glb, output: job.poster })),
          { chromePath: chrome },
        );
        for (const r of rendered) log(`${r.output.slice(dir.length + 1)}: rendered, ${(r.bytes / 1024).toFixed(1)} KB`);
      } catch (err) {
        // A broken browser must not stop the demo: fall back to the drawings.
        log(`posters could not be rendered (${(err as Error).message}); using the SVG drawings`);
        for (const job of toRender) {
          const result = results.find((m) => m.name === job.name)!;
          const raster = await rasterizeSvg(await readFile(result.svgPoster, 'utf8'), job.poster);
          Object.assign(result, { posterKind: raster ? 'svg-raster' : 'svg', poster: raster ? job.poster : result.svgPoster });
          Object.assign(manifest.models[job.name]!, { posterKind: result.posterKind, poster: basename(result.poster) });
        }
      }
    }
    await writeFile(manifestFile, JSON.stringify(manifest, null, 2) + '\n');
    return results;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

const here = dirname(fileURLToPath(import.meta.url));

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const given = args.find((a) => !a.startsWith('--'));
  const outDir = given ?? join(here, '..', 'dist', 'models');
  const models = await buildArModels(outDir, {
    posters: args.includes('--svg-posters') ? 'svg' : 'auto',
    // The demo's own folder is emptied by every site build; a folder someone names is theirs.
    ...(given ? {} : { cacheDir: join(here, '..', '..', 'node_modules', '.cache', 'citylab-demo-models') }),
    log: (l) => console.log(`models: ${l}`),
  });
  const before = models.reduce((n, m) => n + m.sourceBytes, 0);
  const after = models.reduce((n, m) => n + m.bytes, 0);
  console.log(`models: ${models.length} models in ${resolve(outDir)}: ${(before / 1024).toFixed(1)} KB generated → ${(after / 1024).toFixed(1)} KB optimized (posters: ${[...new Set(models.map((m) => m.posterKind))].join(', ')})`);
}
