/**
 * `citylab-models optimize`: the usual glTF-Transform recipe for the web, kept
 * at real-world scale.
 *
 *   dedup → flatten → join → weld → prune → textures (≤ 2048 px, WebP) → meshopt or Draco
 *
 * meshopt (the default) quantizes the attributes and applies meshopt's filters, and stores
 * positions and buffer views as gltfpack -cc does (compact-positions.ts, vertex-streams.ts): the
 * demo models come out no larger than gltfpack makes them. Quantized positions are compensated by
 * node transforms, so the model keeps its size in metres. The result is read back and
 * its world-space size compared with the input's: a model that changed size is an
 * error, not a file written.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Logger, type Document, type Transform } from '@gltf-transform/core';
import { dedup, draco, flatten, join, meshopt, prune, textureCompress, weld } from '@gltf-transform/functions';
import { compactPositions } from './compact-positions.js';
import { modelIO, MeshoptEncoder } from './io.js';
import { modelFileBytes, modelStats, type ModelStats } from './stats.js';
import { SharedVertexStreams } from './vertex-streams.js';

export type GeometryCompression = 'meshopt' | 'draco' | 'none';

export interface OptimizeOptions {
  compress?: GeometryCompression;
  /** Largest texture side after resizing (default 2048, Quick Look's limit). */
  textureSize?: number;
  /** WebP (needs the optional `sharp` package) or leave the textures' format alone. */
  textureFormat?: 'webp' | 'keep';
}

export interface OptimizeResult {
  input: string;
  output: string;
  before: ModelStats;
  after: ModelStats;
  /** What was done to the textures, for the report. */
  textures: 'none' | 'compressed' | 'kept' | 'sharp-missing';
}

/** Largest allowed change of the model's size, in metres (0.5 mm). */
const SCALE_TOLERANCE_M = 0.0005;

async function loadSharp(): Promise<unknown | undefined> {
  try {
    return (await import('sharp')).default;
  } catch {
    return undefined;
  }
}

export async function optimizeModel(input: string, output: string, options: OptimizeOptions = {}): Promise<OptimizeResult> {
  const compress = options.compress ?? 'meshopt';
  const textureSize = options.textureSize ?? 2048;
  const textureFormat = options.textureFormat ?? 'webp';
  const io = await modelIO();
  const inPath = resolve(input);
  const outPath = resolve(output);

  const doc = await io.read(inPath);
  // glTF-Transform logs every pruned accessor at INFO; the CLI prints its own summary.
  doc.setLogger(new Logger(Logger.Verbosity.WARN));
  const before = modelStats(doc, await modelFileBytes(inPath));

  const transforms: Transform[] = [dedup(), flatten(), join(), weld(), prune()];
  let textures: OptimizeResult['textures'] = doc.getRoot().listTextures().length === 0 ? 'none' : 'kept';
  if (textures === 'kept' && textureFormat === 'webp') {
    const sharp = await loadSharp();
    if (sharp) {
      transforms.push(textureCompress({ encoder: sharp, targetFormat: 'webp', resize: [textureSize, textureSize] }));
      textures = 'compressed';
    } else {
      textures = 'sharp-missing';
    }
  }
  // 'high': quantized attributes (positions 14 bits, normals 8) with meshopt's filters (octahedral
  // normals), then positions and buffer views laid out as gltfpack -cc does (its size is the bar).
  if (compress === 'meshopt') transforms.push(meshopt({ encoder: MeshoptEncoder, level: 'high' }), compactPositions());
  else if (compress === 'draco') transforms.push(draco({ method: 'edgebreaker' }));
  await doc.transform(...transforms);
  if (compress === 'meshopt') doc.createExtension(SharedVertexStreams);

  const bytes = await io.writeBinary(doc);
  // Measure what was written, decoded again, the way a viewer will see it.
  const written: Document = await io.readBinary(bytes);
  const after = modelStats(written, bytes.byteLength);
  const drift = Math.max(
    Math.abs(after.size_m.width - before.size_m.width),
    Math.abs(after.size_m.height - before.size_m.height),
    Math.abs(after.size_m.depth - before.size_m.depth),
  );
  if (drift > SCALE_TOLERANCE_M) {
    throw new Error(
      `optimizing changed the model's size from ${fmtSize(before)} to ${fmtSize(after)}; nothing was written`,
    );
  }
  await writeFile(outPath, bytes);
  return { input: inPath, output: outPath, before, after, textures };
}

const fmtSize = (s: ModelStats) => `${s.size_m.width} × ${s.size_m.height} × ${s.size_m.depth} m`;
