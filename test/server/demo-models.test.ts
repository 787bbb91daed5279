/**
 * The demo's generated 3D models: they read back as valid glTF, have the
 * real-world size the catalogue promises, and stay small.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { NodeIO } from '@gltf-transform/core';
import { buildModels, type BuiltModel } from '../../demo/scripts/models.js';
import { products } from '../../demo/town.js';

const TRIANGLES = 4;
const CM = 0.01;

describe('demo models', () => {
  let dir = '';
  let built: BuiltModel[] = [];

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'citylab-models-'));
    built = await buildModels(dir);
  });

  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('builds one .glb and one poster for each product with a model', () => {
    const withModel = products.filter((p) => p.model);
    assert.ok(withModel.length >= 4);
    const names = new Set(built.map((m) => m.name));
    for (const p of withModel) {
      const name = basename(p.model!.glb_url, '.glb');
      assert.ok(names.has(name), `${p.name}: no model "${name}" is built`);
      // The product shows the poster the pipeline renders from the model (demo/scripts/ar-models.ts).
      assert.equal(p.model!.poster_url, `/demo/models/${name}-poster.webp`);
    }
    for (const m of built) {
      assert.equal(basename(m.glb), `${m.name}.glb`);
      assert.equal(basename(m.poster), `${m.name}-poster.svg`);
    }
  });

  it('every model reads back: triangles with POSITION, NORMAL and a material; small', async () => {
    const io = new NodeIO();
    for (const m of built) {
      const bytes = await readFile(m.glb);
      assert.equal(bytes.byteLength, m.bytes);
      assert.ok(m.bytes < 1024 * 1024, `${m.name} is ${m.bytes} bytes`);
      assert.equal(bytes.toString('latin1', 0, 4), 'glTF', `${m.name} is not a binary glTF`);
      const doc = await io.readBinary(new Uint8Array(bytes));
      const root = doc.getRoot();
      assert.ok(root.getDefaultScene(), `${m.name}: no default scene`);
      const primitives = root.listMeshes().flatMap((mesh) => mesh.listPrimitives());
      assert.ok(primitives.length > 0, `${m.name}: no geometry`);
      let triangles = 0;
      for (const prim of primitives) {
        assert.equal(prim.getMode(), TRIANGLES, `${m.name}: not triangles`);
        const position = prim.getAttribute('POSITION');
        const normal = prim.getAttribute('NORMAL');
        const indices = prim.getIndices();
        assert.ok(position && normal && indices, `${m.name}: a primitive lacks POSITION, NORMAL or indices`);
        assert.equal(normal.getCount(), position.getCount());
        const material = prim.getMaterial();
        assert.ok(material, `${m.name}: a primitive has no material`);
        assert.equal(material.getBaseColorFactor().length, 4);
        assert.ok(material.getRoughnessFactor() > 0 && material.getRoughnessFactor() <= 1);
        // Unit normals, indices in range.
        const n = normal.getArray()!;
        for (let i = 0; i < n.length; i += 3) {
          const len = Math.hypot(n[i]!, n[i + 1]!, n[i + 2]!);
          assert.ok(Math.abs(len - 1) < 1e-3, `${m.name}: normal ${i / 3} has length ${len}`);
        }
        const idx = indices.getArray()!;
        for (let i = 0; i < idx.length; i++) assert.ok(idx[i]! < position.getCount(), `${m.name}: index out of range`);
        assert.equal(idx.length % 3, 0);
        triangles += idx.length / 3;
      }
      assert.equal(triangles, m.triangles);
    }
  });

  it('bounds match the products\' dimensions within 1 cm, floor-centred, Y up', async () => {
    const io = new NodeIO();
    for (const m of built) {
      const product = products.find((p) => p.model && basename(p.model.glb_url, '.glb') === m.name);
      assert.ok(product?.model?.dimensions_m, `no product with dimensions for ${m.name}`);
      const doc = await io.read(m.glb);
      const min = [Infinity, Infinity, Infinity];
      const max = [-Infinity, -Infinity, -Infinity];
      for (const prim of doc.getRoot().listMeshes().flatMap((mesh) => mesh.listPrimitives())) {
        const pos = prim.getAttribute('POSITION')!;
        const pmin = pos.getMin([0, 0, 0]);
        const pmax = pos.getMax([0, 0, 0]);
        for (let k = 0; k < 3; k++) {
          min[k] = Math.min(min[k]!, pmin[k]!);
          max[k] = Math.max(max[k]!, pmax[k]!);
        }
      }
      const size = { width: max[0]! - min[0]!, height: max[1]! - min[1]!, depth: max[2]! - min[2]! };
      const want = product.model.dimensions_m;
      for (const axis of ['width', 'height', 'depth'] as const) {
        assert.ok(Math.abs(size[axis] - want[axis]) <= CM, `${m.name} ${axis}: ${size[axis].toFixed(4)} m, product says ${want[axis]} m`);
        assert.ok(Math.abs(m.dimensions_m[axis] - want[axis]) <= CM, `${m.name} reports ${axis} ${m.dimensions_m[axis]}`);
      }
      assert.ok(Math.abs(min[1]!) < 1e-4, `${m.name} does not stand on the floor (min y ${min[1]})`);
      assert.ok(Math.abs(min[0]! + max[0]!) < 1e-3 && Math.abs(min[2]! + max[2]!) < 1e-3, `${m.name} is not centred`);
      // The root node carries no transform: the sizes above are the real ones.
      for (const node of doc.getRoot().listNodes()) {
        assert.deepEqual(node.getScale(), [1, 1, 1]);
        assert.deepEqual(node.getTranslation(), [0, 0, 0]);
      }
    }
  });

  it('posters are SVGs with the aspect of the front view', async () => {
    for (const m of built) {
      const svg = await readFile(m.poster, 'utf8');
      assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.match(svg, /<title>[^<]+<\/title>/);
      const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(svg) ?? [];
      const aspect = Number(w) / Number(h);
      const want = m.dimensions_m.width / m.dimensions_m.height;
      assert.ok(Math.abs(aspect - want) / want < 0.01, `${m.name}: poster aspect ${aspect}, model front ${want}`);
      assert.ok(svg.length < 20_000, `${m.name}: poster is ${svg.length} characters`);
      assert.doesNotMatch(svg, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'a poster must not load anything');
    }
  });

  it('is deterministic', async () => {
    const again = await mkdtemp(join(tmpdir(), 'citylab-models-'));
    try {
      const second = await buildModels(again);
      for (const [i, m] of built.entries()) {
        assert.deepEqual(await readFile(second[i]!.glb), await readFile(m.glb), `${m.name}.glb differs between builds`);
        assert.equal(await readFile(second[i]!.poster, 'utf8'), await readFile(m.poster, 'utf8'));
      }
    } finally {
      await rm(again, { recursive: true, force: true });
    }
  });
});
