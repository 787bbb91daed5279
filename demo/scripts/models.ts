/**
 * Builds the demo town's four 3D models from code: a lounge chair, a table
 * lamp, a ceramic vase and a sneaker, each as one small binary glTF (.glb)
 * with PBR materials, plus a flat SVG poster of its front view.
 *
 *   node --import tsx demo/scripts/models.ts [outDir]      (default demo/dist/models)
 *
 * Conventions (glTF and model-viewer): metres, Y up, the product's front
 * faces +Z, the origin at the centre of the floor footprint. Every model is
 * fitted to exactly the real-world size in `MODELS` (models/catalogue.ts, the
 * four products' parts; models/geometry.ts has the shapes they are made of), which `demo/town/catalogue.ts`
 * repeats as the products' `dimensions_m`.
 *
 * The geometry is generated, not sculpted: lathes (surfaces of revolution)
 * for round things, rounded slabs for cushions, boards and soles, a
 * superelliptic dome for the shoe's upper. Normals are area-weighted vertex
 * normals of each part, so round things look round and flat faces stay flat.
 * The output is deterministic: no clock, no randomness.
 *
 * The posters are placeholders drawn from the same geometry (orthographic
 * front view, one shaded shape per part); rendered posters will replace them.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Document, NodeIO } from '@gltf-transform/core';
import { MODELS, type ModelSpec } from './models/catalogue.js';
import { type Vec2, type Vec3, type MaterialSpec, type Part, vertexNormals } from './models/geometry.js';

// ------------------------------------------------------------------ types

export interface ModelDimensions {
  width: number;
  height: number;
  depth: number;
}

export interface BuiltModel {
  /** File stem, e.g. "lounge-chair" → lounge-chair.glb, lounge-chair-poster.svg. */
  name: string;
  /** Absolute path of the written .glb. */
  glb: string;
  /** Absolute path of the written poster (.svg). */
  poster: string;
  /** Size of the .glb in bytes. */
  bytes: number;
  triangles: number;
  /** The model's bounding box in metres, as built (equals the target size). */
  dimensions_m: ModelDimensions;
}

// -------------------------------------------------------------- fitting

interface Fit {
  scale: Vec3;
  offset: Vec3;
}

/** Per-axis scale and offset that map the parts' bounds onto the target size, floor-centred. */
function fitTo(parts: Part[], target: ModelDimensions): Fit {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (const part of parts) {
    for (const p of part.positions) {
      for (let k = 0; k < 3; k++) {
        min[k] = Math.min(min[k]!, p[k]!);
        max[k] = Math.max(max[k]!, p[k]!);
      }
    }
  }
  const scale: Vec3 = [target.width / (max[0] - min[0]), target.height / (max[1] - min[1]), target.depth / (max[2] - min[2])];
  const offset: Vec3 = [-(min[0] + max[0]) / 2, -min[1], -(min[2] + max[2]) / 2];
  return { scale, offset };
}

const applyFit = ({ scale, offset }: Fit, [x, y, z]: Vec3): Vec3 => [
  (x + offset[0]) * scale[0],
  (y + offset[1]) * scale[1],
  (z + offset[2]) * scale[2],
];

// ---------------------------------------------------------------- glTF

function srgbToLinear(hex: string): [number, number, number] {
  const v = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return v.map((c) => (c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4))).map((c) => Math.round(c * 1e4) / 1e4) as [
    number,
    number,
    number,
  ];
}

interface Geometry {
  material: MaterialSpec;
  positions: Vec3[];
  normals: Vec3[];
  indices: number[];
}

/** Fits, computes normals and merges the parts by material (one primitive per material). */
function assemble(parts: Part[], fit: Fit): Geometry[] {
  const byMaterial = new Map<MaterialSpec, Geometry>();
  for (const part of parts) {
    const positions = part.positions.map((p) => applyFit(fit, p));
    const normals = vertexNormals(positions, part.indices);
    let g = byMaterial.get(part.material);
    if (!g) {
      g = { material: part.material, positions: [], normals: [], indices: [] };
      byMaterial.set(part.material, g);
    }
    const base = g.positions.length;
    g.positions.push(...positions);
    g.normals.push(...normals);
    for (const i of part.indices) g.indices.push(base + i);
  }
  return [...byMaterial.values()];
}

async function writeGlb(spec: ModelSpec, geometry: Geometry[]): Promise<Uint8Array> {
  const doc = new Document();
  doc.getRoot().getAsset().generator = 'CityLab demo/scripts/models.ts (glTF-Transform)';
  doc.getRoot().getAsset().copyright = 'CityLab demo model, generated from code; free to use (CC0-1.0)';
  const buffer = doc.createBuffer();
  const mesh = doc.createMesh(spec.title);
  const materials = new Map<MaterialSpec, ReturnType<Document['createMaterial']>>();
  for (const g of geometry) {
    let material = materials.get(g.material);
    if (!material) {
      material = doc
        .createMaterial(g.material.name)
        .setBaseColorFactor([...srgbToLinear(g.material.color), 1])
        .setMetallicFactor(g.material.metallic)
        .setRoughnessFactor(g.material.roughness);
      if (g.material.emissive) material.setEmissiveFactor(srgbToLinear(g.material.emissive));
      materials.set(g.material, material);
    }
    const position = doc.createAccessor().setType('VEC3').setBuffer(buffer).setArray(new Float32Array(g.positions.flat()));
    const normal = doc.createAccessor().setType('VEC3').setBuffer(buffer).setArray(new Float32Array(g.normals.flat()));
    const IndexArray = g.positions.length <= 65535 ? Uint16Array : Uint32Array;
    const indices = doc.createAccessor().setType('SCALAR').setBuffer(buffer).setArray(new IndexArray(g.indices));
    mesh.addPrimitive(
      doc.createPrimitive().setAttribute('POSITION', position).setAttribute('NORMAL', normal).setIndices(indices).setMaterial(material),
    );
  }
  const node = doc.createNode(spec.title).setMesh(mesh);
  const scene = doc.createScene('Szene').addChild(node);
  doc.getRoot().setDefaultScene(scene);
  return new NodeIO().writeBinary(doc);
}

// --------------------------------------------------------------- posters

/** Convex hull (monotone chain), counter-clockwise. */
function hull(points: Vec2[]): Vec2[] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const turn = (o: Vec2, a: Vec2, b: Vec2) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Vec2[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && turn(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Vec2[] = [];
  for (const p of pts.reverse()) {
    while (upper.length >= 2 && turn(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

const mix = (hex: string, toward: number, amount: number): string => {
  const v = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `#${v.map((c) => Math.round(c + (toward - c) * amount).toString(16).padStart(2, '0')).join('')}`;
};

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Front view (looking along -Z), orthographic, one shaded shape per part in
 * painter's order. Same aspect as the model's front view (width : height), a
 * uniform margin, a soft floor shadow, a light neutral background.
 */
function poster(spec: ModelSpec, parts: Part[], fit: Fit): string {
  const { width: W, height: H } = spec.dimensions;
  const mm = (v: number) => Math.round(v * 10000) / 10; // metres → millimetres, 0.1 mm
  const margin = 0.12;
  const vbW = W * (1 + 2 * margin);
  const vbH = H * (1 + 2 * margin);
  const toSvg = ([x, y]: Vec2): string => `${mm(x)},${mm(-y)}`;
  const gradients = new Map<MaterialSpec, string>();
  const shapes: string[] = [];
  for (const part of parts) {
    let outline: Vec2[];
    if (part.silhouette.kind === 'outline') {
      outline = part.silhouette.points.map(([x, y]) => {
        const [fx, fy] = applyFit(fit, [x, y, 0]);
        return [fx, fy];
      });
    } else {
      outline = hull(part.positions.map((p) => {
        const [x, y] = applyFit(fit, p);
        return [x, y];
      }));
    }
    if (!gradients.has(part.material)) gradients.set(part.material, `g${gradients.size}`);
    const id = gradients.get(part.material)!;
    shapes.push(`<path d="M${outline.map(toSvg).join('L')}Z" fill="url(#${id})" stroke="${mix(part.material.color, 0, 0.35)}" stroke-width="${mm(Math.max(W, H) * 0.0015)}" stroke-linejoin="round"/>`);
  }
  const defs = [...gradients].map(([m, id]) => {
    const c = m.emissive ? mix(m.color, 255, 0.25) : m.color;
    return `<linearGradient id="${id}" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${mix(c, 255, 0.22)}"/><stop offset="1" stop-color="${mix(c, 0, 0.18)}"/></linearGradient>`;
  });
  const px = 1000 / Math.max(vbW, vbH);
  const round2 = (v: number) => Math.round(v * 100) / 100;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${round2(vbW * px)}" height="${round2(vbH * px)}" viewBox="${mm(-vbW / 2)} ${mm(-H - margin * H)} ${mm(vbW)} ${mm(vbH)}" role="img" aria-label="${escapeXml(spec.title)}">`,
    `<title>${escapeXml(spec.title)} – Vorschau</title>`,
    `<defs>${defs.join('')}<radialGradient id="shadow"><stop offset="0" stop-color="#000" stop-opacity=".18"/><stop offset="1" stop-color="#000" stop-opacity="0"/></radialGradient></defs>`,
    `<rect x="${mm(-vbW / 2)}" y="${mm(-H - margin * H)}" width="${mm(vbW)}" height="${mm(vbH)}" fill="#f3f1ec"/>`,
    `<ellipse cx="0" cy="0" rx="${mm(W * 0.6)}" ry="${mm(Math.max(W, H) * 0.035)}" fill="url(#shadow)"/>`,
    ...shapes,
    '</svg>',
    '',
  ].join('\n');
}

// ------------------------------------------------------------------ build

/** Builds every model into `outDir` as `<name>.glb` and `<name>-poster.svg`. */
export async function buildModels(outDir: string): Promise<BuiltModel[]> {
  const dir = resolve(outDir);
  await mkdir(dir, { recursive: true });
  const built: BuiltModel[] = [];
  for (const spec of MODELS) {
    const parts = spec.parts();
    const fit = fitTo(parts, spec.dimensions);
    const geometry = assemble(parts, fit);
    const glb = await writeGlb(spec, geometry);
    const glbPath = join(dir, `${spec.name}.glb`);
    const posterPath = join(dir, `${spec.name}-poster.svg`);
    await writeFile(glbPath, glb);
    await writeFile(posterPath, poster(spec, parts, fit));
    const min: Vec3 = [Infinity, Infinity, Infinity];
    const max: Vec3 = [-Infinity, -Infinity, -Infinity];
    for (const g of geometry) {
      for (const p of g.positions) {
        for (let k = 0; k < 3; k++) {
          min[k] = Math.min(min[k]!, Math.fround(p[k]!));
          max[k] = Math.max(max[k]!, Math.fround(p[k]!));
        }
      }
    }
    const r = (v: number) => Math.round(v * 1e4) / 1e4;
    built.push({
      name: spec.name,
      glb: glbPath,
      poster: posterPath,
      bytes: glb.byteLength,
      triangles: geometry.reduce((n, g) => n + g.indices.length / 3, 0),
      dimensions_m: { width: r(max[0] - min[0]), height: r(max[1] - min[1]), depth: r(max[2] - min[2]) },
    });
  }
  return built;
}

const here = dirname(fileURLToPath(import.meta.url));

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const outDir = process.argv[2] ?? join(here, '..', 'dist', 'models');
  const built = await buildModels(outDir);
  for (const m of built) {
    const { width, height, depth } = m.dimensions_m;
    console.log(`${m.name}.glb  ${(m.bytes / 1024).toFixed(1)} KB  ${m.triangles} triangles  ${width} × ${height} × ${depth} m`);
  }
  console.log(`written to ${resolve(outDir)}`);
}
