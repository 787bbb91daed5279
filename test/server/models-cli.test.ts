/**
 * `citylab-models`, run as a shop would run it (a child process, real files):
 * validation with the Khronos validator and the AR budgets, optimization that
 * keeps real-world size, and posters rendered by model-viewer in headless
 * Chromium, checked by their pixels.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Document, NodeIO } from '@gltf-transform/core';
import sharp from 'sharp';
import { buildModels, type BuiltModel } from '../../demo/scripts/models.js';
import type { ValidationResult } from '../../src/models/validate.js';

const CLI = 'src/models/cli.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** gltfpack -cc (meshoptimizer's own tool, the npm package), for comparison. */
function gltfpack(input: string, output: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/gltfpack/cli.js', '-i', input, '-o', output, '-cc'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`gltfpack: ${stderr}`))));
  });
}

interface Raw {
  data: Buffer;
  width: number;
}

const raw = async (file: string): Promise<Raw> => {
  const { data, info } = await sharp(await readFile(file)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width };
};

/** Share of pixels where a channel (alpha included) differs by more than 24 of 255. */
function differing(a: Raw, b: Raw): number {
  assert.equal(a.data.length, b.data.length);
  let off = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 4; c++) {
      if (Math.abs(a.data[i + c]! - b.data[i + c]!) > 24) {
        off++;
        break;
      }
    }
  }
  return off / (a.data.length / 4);
}

async function validateJson(file: string): Promise<{ code: number | null; result: ValidationResult }> {
  const run = await cli('validate', file, '--json');
  return { code: run.code, result: JSON.parse(run.stdout) as ValidationResult };
}

/** A flat grid of `cells`² quads (two triangles each), 1 m wide: as many triangles as asked, cheaply. */
async function writeGrid(file: string, cells: number): Promise<void> {
  const doc = new Document();
  const buffer = doc.createBuffer();
  const n = cells + 1;
  const positions = new Float32Array(n * n * 3);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) positions.set([i / cells - 0.5, 0, j / cells - 0.5], (i * n + j) * 3);
  }
  const indices = new Uint32Array(cells * cells * 6);
  let k = 0;
  for (let i = 0; i < cells; i++) {
    for (let j = 0; j < cells; j++) {
      const a = i * n + j;
      indices.set([a, a + 1, a + n, a + 1, a + n + 1, a + n], k);
      k += 6;
    }
  }
  const prim = doc
    .createPrimitive()
    .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(positions).setBuffer(buffer))
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(indices).setBuffer(buffer))
    .setMaterial(doc.createMaterial('grey'));
  doc.createScene('scene').addChild(doc.createNode('grid').setMesh(doc.createMesh('grid').addPrimitive(prim)));
  await new NodeIO().write(file, doc);
}

/** A 20 cm textured card with a `size`² PNG base colour texture (a gradient, so it does not compress to nothing). */
async function writeTextured(file: string, size: number): Promise<void> {
  const raw = Buffer.alloc(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) raw.set([(x * 255) / size, (y * 255) / size, ((x ^ y) & 0xff)], (y * size + x) * 3);
  }
  const png = await sharp(raw, { raw: { width: size, height: size, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer();
  const doc = new Document();
  const buffer = doc.createBuffer();
  const texture = doc.createTexture('pattern').setImage(new Uint8Array(png)).setMimeType('image/png');
  const prim = doc
    .createPrimitive()
    .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array([-0.1, 0, 0, 0.1, 0, 0, 0.1, 0.2, 0, -0.1, 0.2, 0])).setBuffer(buffer))
    .setAttribute('TEXCOORD_0', doc.createAccessor().setType('VEC2').setArray(new Float32Array([0, 1, 1, 1, 1, 0, 0, 0])).setBuffer(buffer))
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint16Array([0, 1, 2, 0, 2, 3])).setBuffer(buffer))
    .setMaterial(doc.createMaterial('card').setBaseColorTexture(texture));
  doc.createScene('scene').addChild(doc.createNode('card').setMesh(doc.createMesh('card').addPrimitive(prim)));
  await new NodeIO().write(file, doc);
}

describe('citylab-models', () => {
  let dir = '';
  let models: BuiltModel[] = [];
  const model = (name: string) => models.find((m) => m.name === name)!;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'citylab-models-cli-'));
    models = await buildModels(dir);
  });

  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('validates a good model with the Khronos validator and reports its cost against the AR budgets', async () => {
    const run = await cli('validate', model('lounge-chair').glb);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /glTF Validator 2\.\d.*: 0 errors/);
    assert.match(run.stdout, /triangles\s+5,424/);
    assert.match(run.stdout, /real size\s+0\.75 × 0\.8 × 0\.8 m/);
    assert.match(run.stdout, /ok\s+Quick Look: triangles\s+5,424\s+\(limit 100,000\)/);
    assert.match(run.stdout, /OK: valid and within the AR budgets\./);
  });

  it('fails a model over Quick Look\'s 100k triangles, and a file that is not glTF', async () => {
    const dense = join(dir, 'dense.glb');
    await writeGrid(dense, 230); // 105,800 triangles
    const over = await cli('validate', dense);
    assert.equal(over.code, 1);
    assert.match(over.stdout, /OVER\s+Quick Look: triangles\s+105,800/);
    assert.match(over.stdout, /FAILED/);

    const junk = join(dir, 'junk.glb');
    await writeFile(junk, 'not a model at all');
    const invalid = await validateJson(junk);
    assert.equal(invalid.code, 1);
    assert.equal(invalid.result.ok, false);
    assert.ok(invalid.result.validator.errors > 0);
  });

  it('optimizes: much smaller, same triangles, same real-world size, still valid', async () => {
    const source = model('vase');
    const out = join(dir, 'vase.opt.glb');
    const run = await cli('optimize', source.glb, out);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /bytes\s+[\d.]+ kB →\s+[\d.]+ kB\s+−\d+(\.\d)? %/);
    assert.match(run.stdout, /triangles\s+11,760 →\s+11,760/);
    const after = (await stat(out)).size;
    assert.ok(after < source.bytes * 0.5, `${source.bytes} → ${after} bytes`);
    const { code, result } = await validateJson(out);
    assert.equal(code, 0);
    assert.deepEqual(result.stats!.size_m, { width: 0.18, height: 0.32, depth: 0.18 });
    assert.equal(result.stats!.triangles, 11_760);
    assert.ok(result.stats!.extensions.includes('EXT_meshopt_compression'));
  });

  it('compresses the demo models to no more than gltfpack -cc makes of them, each still at real size', async () => {
    let ours = 0;
    let theirs = 0;
    for (const m of models) {
      const out = join(dir, `${m.name}.ours.glb`);
      const run = await cli('optimize', m.glb, out);
      assert.equal(run.code, 0, run.stderr);
      ours += (await stat(out)).size;
      theirs += (await stat(await gltfpack(m.glb, join(dir, `${m.name}.gltfpack.glb`)))).size;
      const { code, result } = await validateJson(out);
      assert.equal(code, 0, `${m.name} is valid`);
      assert.deepEqual(result.stats!.size_m, m.dimensions_m, `${m.name} keeps its size`);
    }
    assert.ok(ours <= theirs, `ours ${ours} bytes, gltfpack -cc ${theirs} bytes`);
  });

  it('loses nothing visible: posters of the source, of ours and of gltfpack\'s agree pixel by pixel', async () => {
    // The sneaker: four materials in one mesh, so its primitives share the compressed vertex streams.
    const source = model('sneaker');
    const ours = join(dir, 'sneaker.ours.glb');
    assert.equal((await cli('optimize', source.glb, ours)).code, 0);
    const theirs = await gltfpack(source.glb, join(dir, 'sneaker.gltfpack.glb'));
    const posters: Record<string, Raw> = {};
    for (const [name, glb] of Object.entries({ source: source.glb, ours, theirs })) {
      const out = join(dir, `sneaker-${name}.png`);
      const run = await cli('poster', glb, out, '--width', '320');
      assert.equal(run.code, 0, run.stderr);
      posters[name] = await raw(out);
    }
    const covered = posters.source!.data.filter((_, i) => i % 4 === 3 && posters.source!.data[i]! > 16).length;
    assert.ok(covered > 320 * 320 * 0.05, 'the sneaker is in the picture');
    // A pixel differs when a channel is off by more than 24 of 255 (edges move by a fraction of a pixel).
    assert.ok(differing(posters.source!, posters.ours!) < 0.01, `ours differs from the source in ${differing(posters.source!, posters.ours!)} of the pixels`);
    assert.ok(differing(posters.theirs!, posters.ours!) < 0.01, `ours differs from gltfpack's in ${differing(posters.theirs!, posters.ours!)} of the pixels`);
  });

  it('can compress with Draco instead, still at real size', async () => {
    const out = join(dir, 'chair.draco.glb');
    const run = await cli('optimize', model('lounge-chair').glb, out, '--compress', 'draco');
    assert.equal(run.code, 0, run.stderr);
    const { result } = await validateJson(out);
    assert.ok(result.stats!.extensions.includes('KHR_draco_mesh_compression'));
    assert.deepEqual(result.stats!.size_m, { width: 0.75, height: 0.8, depth: 0.8 });
  });

  it('brings a 4096 px texture within Quick Look\'s 2048 px, as WebP', async () => {
    const card = join(dir, 'card.glb');
    await writeTextured(card, 4096);
    const before = await validateJson(card);
    assert.equal(before.code, 1, 'a 4096 px texture is over budget');
    assert.equal(before.result.budgets.find((b) => b.id === 'texture-size')!.ok, false);

    const out = join(dir, 'card.opt.glb');
    const run = await cli('optimize', card, out);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /largest 4096 px → 2048 px \(image\/webp\)/);
    const after = await validateJson(out);
    assert.equal(after.code, 0);
    assert.equal(after.result.stats!.maxTextureSize, 2048);
    assert.deepEqual(after.result.stats!.textureFormats, ['image/webp']);
    assert.deepEqual(after.result.stats!.size_m, { width: 0.2, height: 0.2, depth: 0 });
  });

  it('renders a poster with model-viewer in headless Chromium: the product on a transparent background', async () => {
    const out = join(dir, 'chair-poster.webp');
    const run = await cli('poster', model('lounge-chair').glb, out, '--width', '480');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /480 × 480 px/);
    const { data, info } = await sharp(await readFile(out)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    assert.equal(info.format, 'raw');
    assert.equal(info.width, 480);
    let covered = 0;
    let teal = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3]! < 16) continue;
      covered++;
      // The chair's petrol wool (#2f6470).
      if (data[i + 2]! > data[i]! + 25 && data[i + 1]! > data[i]! + 15) teal++;
    }
    const pixels = info.width * info.height;
    assert.ok(covered / pixels > 0.15, `the chair covers ${covered / pixels} of the poster`);
    assert.ok(covered / pixels < 0.95, 'the background is transparent');
    assert.ok(teal / pixels > 0.03, `petrol fabric covers ${teal / pixels}`);
  });

  it('says how to use it, with exit code 2 for mistakes', async () => {
    const none = await cli();
    assert.equal(none.code, 2);
    assert.match(none.stdout, /citylab-models validate MODEL\.glb/);
    const wrong = await cli('optimize', 'only-one.glb');
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /optimize takes an input and an output file/);
    const badFlag = await cli('optimize', 'a.glb', 'b.glb', '--compress', 'zip');
    assert.equal(badFlag.code, 2);
    assert.match(badFlag.stderr, /--compress must be meshopt, draco or none/);
  });
});
