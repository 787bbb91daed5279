/**
 * `citylab-models`: gets a shop's 3D model ready for the web and for AR on phones.
 *
 *   citylab-models validate model.glb [--json]
 *   citylab-models optimize in.glb out.glb [--compress meshopt|draco|none] [--texture-size 2048] [--texture-format webp|keep]
 *   citylab-models poster model.glb poster.webp [--width 1024] [--height 1024] [--quality 0.9]
 *
 * Exit codes: 0 fine, 1 the model is invalid or over an AR budget (or a step
 * failed), 2 wrong usage.
 */
import { parseArgs } from 'node:util';
import { AR_BUDGETS, type BudgetCheck } from './budgets.js';
import { optimizeModel, type GeometryCompression } from './optimize.js';
import { renderPoster } from './poster.js';
import type { ModelStats } from './stats.js';
import { validateModel } from './validate.js';

const USAGE = `Usage:
  citylab-models validate MODEL.glb [--json]
      Khronos glTF validation and the AR budgets (Quick Look: ${AR_BUDGETS.quickLookTriangles.toLocaleString('en')} triangles,
      textures up to ${AR_BUDGETS.quickLookTextureSize} px; Scene Viewer/Shopify: under ${AR_BUDGETS.maxBytes / 1e6} MB, ${AR_BUDGETS.typicalBytes / 1e6} MB typical).
      Exits 1 when the model is invalid or over a budget.
  citylab-models optimize IN.glb OUT.glb [--compress meshopt|draco|none] [--texture-size 2048] [--texture-format webp|keep]
      dedup, flatten, join, weld, prune, textures resized and WebP-encoded (needs the optional
      package "sharp"), meshopt (default) or Draco geometry; keeps the real-world size.
  citylab-models poster MODEL.glb POSTER.webp [--width 1024] [--height 1024] [--quality 0.9]
      Renders a poster with model-viewer in headless Chromium (CHROME_PATH or chromium on PATH).`;

class UsageError extends Error {}

const kb = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${(n / 1e3).toFixed(1)} kB`);
const int = (n: number) => n.toLocaleString('en');
const pct = (before: number, after: number) => (before > 0 ? `${after <= before ? '−' : '+'}${Math.abs(Math.round((1 - after / before) * 1000) / 10)} %` : '');
const out = (line = '') => process.stdout.write(line + '\n');

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive whole number, not "${value}"`);
  return n;
}

function describe(stats: ModelStats): string[] {
  const { width, height, depth } = stats.size_m;
  return [
    `  size        ${kb(stats.bytes)}`,
    `  triangles   ${int(stats.triangles)}   vertices ${int(stats.vertices)}   draw calls ${stats.drawCalls}   materials ${stats.materials}`,
    `  textures    ${stats.textures}${stats.textures ? `   largest ${stats.maxTextureSize} px   ${stats.textureFormats.join(', ')}` : ''}`,
    `  real size   ${width} × ${height} × ${depth} m (W × H × D)`,
    `  extensions  ${stats.extensions.length ? stats.extensions.join(', ') : 'none'}`,
  ];
}

function budgetLine(b: BudgetCheck): string {
  const mark = b.ok ? 'ok  ' : b.severity === 'error' ? 'OVER' : 'warn';
  const fmt = b.id === 'file-size' || b.id === 'typical-size' ? kb : int;
  return `  ${mark}  ${b.label.padEnd(40)} ${fmt(b.actual).padStart(10)}  (limit ${fmt(b.limit)})`;
}

async function validate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError('validate takes one model file');
  const result = await validateModel(file);
  if (values.json) {
    out(JSON.stringify(result, null, 2));
    return result.ok ? 0 : 1;
  }
  const v = result.validator;
  out(`${result.file}`);
  out(`glTF Validator ${v.version}: ${v.errors} errors, ${v.warnings} warnings, ${v.infos} infos, ${v.hints} hints`);
  const shown = v.messages.filter((m) => m.severity <= 1).slice(0, 20);
  for (const m of shown) out(`  ${m.severity === 0 ? 'error' : 'warning'} ${m.code}: ${m.message}${m.pointer ? ` (${m.pointer})` : ''}`);
  if (v.messages.filter((m) => m.severity <= 1).length > shown.length) out('  … (use --json for every message)');
  if (result.readError) out(`glTF-Transform cannot read the model: ${result.readError}`);
  if (result.stats) {
    out('Model:');
    describe(result.stats).forEach((l) => out(l));
    out('AR budgets:');
    result.budgets.forEach((b) => out(budgetLine(b)));
  }
  out(result.ok ? 'OK: valid and within the AR budgets.' : 'FAILED: invalid or over an AR budget (see above).');
  return result.ok ? 0 : 1;
}

async function optimize(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { compress: { type: 'string' }, 'texture-size': { type: 'string' }, 'texture-format': { type: 'string' } },
  });
  const [input, output] = positionals;
  if (!input || !output || positionals.length > 2) throw new UsageError('optimize takes an input and an output file');
  const compress = (values.compress ?? 'meshopt') as GeometryCompression;
  if (!['meshopt', 'draco', 'none'].includes(compress)) throw new UsageError(`--compress must be meshopt, draco or none, not "${compress}"`);
  const textureFormat = values['texture-format'] ?? 'webp';
  if (textureFormat !== 'webp' && textureFormat !== 'keep') {
    throw new UsageError(`--texture-format must be webp or keep, not "${textureFormat}" (KTX2 needs the KTX-Software tools, which this CLI does not bundle)`);
  }
  const textureSize = positiveInt(values['texture-size'], 'texture-size', 2048);
  const r = await optimizeModel(input, output, { compress, textureFormat, textureSize });
  out(`${r.input} → ${r.output}`);
  out(`  bytes       ${kb(r.before.bytes).padStart(10)} → ${kb(r.after.bytes).padStart(10)}   ${pct(r.before.bytes, r.after.bytes)}`);
  out(`  triangles   ${int(r.before.triangles).padStart(10)} → ${int(r.after.triangles).padStart(10)}`);
  out(`  draw calls  ${String(r.before.drawCalls).padStart(10)} → ${String(r.after.drawCalls).padStart(10)}`);
  if (r.textures !== 'none') {
    out(`  textures    largest ${r.before.maxTextureSize} px → ${r.after.maxTextureSize} px (${r.after.textureFormats.join(', ')})`);
  }
  if (r.textures === 'sharp-missing') out('  note: textures left as they were; install the optional package "sharp" to resize and compress them');
  const { width, height, depth } = r.after.size_m;
  out(`  real size   ${width} × ${height} × ${depth} m (unchanged)   geometry: ${compress}`);
  return 0;
}

async function poster(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { width: { type: 'string' }, height: { type: 'string' }, quality: { type: 'string' } },
  });
  const [input, output] = positionals;
  if (!input || !output || positionals.length > 2) throw new UsageError('poster takes a model and an image file');
  const width = positiveInt(values.width, 'width', 1024);
  const height = positiveInt(values.height, 'height', width);
  const quality = values.quality === undefined ? 0.9 : Number(values.quality);
  if (!(quality > 0 && quality <= 1)) throw new UsageError('--quality must be between 0 and 1');
  const r = await renderPoster(input, output, { width, height, quality });
  out(`${r.output}: ${r.width} × ${r.height} px, ${kb(r.bytes)}, the model covers ${Math.round(r.coverage * 100)} % of it`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return await validate(rest);
      case 'optimize':
        return await optimize(rest);
      case 'poster':
        return await poster(rest);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`citylab-models: ${(err as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`citylab-models: ${(err as Error).message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
