/**
 * Builds the demo town's four 3D models from code: a lounge chair, a table
 * lamp, a ceramic vase and a sneaker, each as one small binary glTF (.glb)
 * with PBR materials, plus a flat SVG poster of its front view.
 *
 *   node --import tsx demo/scripts/models.ts [outDir]      (default demo/dist/models)
 *
 * Conventions (glTF and model-viewer): metres, Y up, the product's front
 * faces +Z, the origin at the centre of the floor footprint. Every model is
 * fitted to exactly the real-world size in `MODELS`, which `demo/town/catalogue.ts`
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

type Vec2 = [number, number];
type Vec3 = [number, number, number];

/** Colours are written as sRGB hex for legibility and converted to linear for glTF. */
interface MaterialSpec {
  name: string;
  color: string;
  metallic: number;
  roughness: number;
  emissive?: string;
}

/** One piece of geometry with one material, before fitting and merging. */
interface Part {
  material: MaterialSpec;
  positions: Vec3[];
  indices: number[];
  /**
   * How the part looks in the front-view poster: the convex hull of its
   * projected vertices, or an explicit outline (lathes, whose silhouette is
   * their profile).
   */
  silhouette: { kind: 'hull' } | { kind: 'outline'; points: Vec2[] };
}

interface ModelSpec {
  name: string;
  title: string;
  dimensions: ModelDimensions;
  /** Parts in painter's order for the front view (back first). */
  parts: () => Part[];
}

// ------------------------------------------------------------- vector bits

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const TAU = Math.PI * 2;
const deg = (d: number) => (d * Math.PI) / 180;

function rotateX(points: Vec3[], angle: number): Vec3[] {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return points.map(([x, y, z]) => [x, y * c - z * s, y * s + z * c]);
}

function rotateY(points: Vec3[], angle: number): Vec3[] {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return points.map(([x, y, z]) => [x * c + z * s, y, -x * s + z * c]);
}

const translate = (points: Vec3[], [dx, dy, dz]: Vec3): Vec3[] => points.map(([x, y, z]) => [x + dx, y + dy, z + dz]);

// ------------------------------------------------------------------ lofts

/**
 * A surface through rows of points. Each row is a closed ring of the same
 * length, or a single point (a pole, joined to its neighbour ring by a fan).
 *
 * Winding convention: rings run counter-clockwise seen from above (from +X
 * towards +Z) and rows go upwards along the outside; the surface then faces
 * outwards (counter-clockwise front faces, as glTF expects).
 */
function loft(rows: Vec3[][], closedRows = false): { positions: Vec3[]; indices: number[] } {
  const positions: Vec3[] = [];
  const starts: number[] = [];
  for (const row of rows) {
    starts.push(positions.length);
    positions.push(...row);
  }
  const indices: number[] = [];
  const pairs = closedRows ? rows.length : rows.length - 1;
  for (let i = 0; i < pairs; i++) {
    const ia = i;
    const ib = (i + 1) % rows.length;
    const a = rows[ia]!;
    const b = rows[ib]!;
    const sa = starts[ia]!;
    const sb = starts[ib]!;
    if (a.length === 1 && b.length === 1) continue;
    const n = Math.max(a.length, b.length);
    for (let j = 0; j < n; j++) {
      const j1 = (j + 1) % n;
      if (a.length === 1) {
        indices.push(sa, sb + j, sb + j1);
      } else if (b.length === 1) {
        indices.push(sa + j, sb, sa + j1);
      } else {
        indices.push(sa + j, sb + j, sa + j1, sa + j1, sb + j, sb + j1);
      }
    }
  }
  return { positions, indices };
}

/** Area-weighted vertex normals. */
function vertexNormals(positions: Vec3[], indices: number[]): Vec3[] {
  const acc: Vec3[] = positions.map(() => [0, 0, 0]);
  for (let t = 0; t < indices.length; t += 3) {
    const ia = indices[t]!;
    const ib = indices[t + 1]!;
    const ic = indices[t + 2]!;
    const a = positions[ia]!;
    const n = cross(sub(positions[ib]!, a), sub(positions[ic]!, a));
    for (const i of [ia, ib, ic]) {
      const v = acc[i]!;
      v[0] += n[0];
      v[1] += n[1];
      v[2] += n[2];
    }
  }
  return acc.map(([x, y, z]) => {
    const l = Math.hypot(x, y, z);
    return l > 0 ? [x / l, y / l, z / l] : [0, 1, 0];
  });
}

// ----------------------------------------------------------------- shapes

/**
 * Surface of revolution around the vertical axis through `centre`. The
 * profile is a list of (radius, height) going upwards along the outside; a
 * radius of 0 closes the surface with a pole. `closed` joins the last point
 * back to the first (a ring-shaped cross-section, e.g. a lampshade's wall).
 */
function lathe(
  profile: Vec2[],
  segments: number,
  material: MaterialSpec,
  centre: Vec3 = [0, 0, 0],
  closed = false,
  outside: Vec2[] = profile,
): Part {
  const [cx, cy, cz] = centre;
  const rows = profile.map(([r, y]): Vec3[] => {
    if (r === 0) return [[cx, cy + y, cz]];
    const ring: Vec3[] = [];
    for (let j = 0; j < segments; j++) {
      const a = (TAU * j) / segments;
      ring.push([cx + r * Math.cos(a), cy + y, cz + r * Math.sin(a)]);
    }
    return ring;
  });
  const { positions, indices } = loft(rows, closed);
  // Front-view silhouette: the outside of the profile, mirrored.
  const right = outside.map(([r, y]): Vec2 => [cx + r, cy + y]);
  const left = outside.map(([r, y]): Vec2 => [cx - r, cy + y]).reverse();
  return { material, positions, indices, silhouette: { kind: 'outline', points: [...right, ...left] } };
}

/** Outward normals of a closed 2D outline in the XZ plane. */
function outlineNormals(outline: Vec2[]): Vec2[] {
  const n = outline.length;
  return outline.map((_, i) => {
    const prev = outline[(i + n - 1) % n]!;
    const next = outline[(i + 1) % n]!;
    const tx = next[0] - prev[0];
    const tz = next[1] - prev[1];
    const l = Math.hypot(tx, tz) || 1;
    return [tz / l, -tx / l];
  });
}

/**
 * A flat-topped solid: a closed outline in the XZ plane (counter-clockwise
 * seen from above, star-shaped around `pole`) extruded from y0 to y1 with
 * rounded edges of radius `bevel`.
 */
function slab(outline: Vec2[], y0: number, y1: number, bevel: number, material: MaterialSpec, steps = 4, pole: Vec2 = [0, 0]): Part {
  const normals = outlineNormals(outline);
  const ring = (offset: number, y: number): Vec3[] =>
    outline.map(([x, z], i): Vec3 => [x + normals[i]![0] * offset, y, z + normals[i]![1] * offset]);
  const rows: Vec3[][] = [[[pole[0], y0, pole[1]]]];
  for (let k = 0; k <= steps; k++) {
    const a = (Math.PI / 2) * (k / steps);
    rows.push(ring(-bevel * (1 - Math.sin(a)), y0 + bevel * (1 - Math.cos(a))));
  }
  for (let k = 0; k <= steps; k++) {
    const a = (Math.PI / 2) * (k / steps);
    rows.push(ring(-bevel * (1 - Math.cos(a)), y1 - bevel * (1 - Math.sin(a))));
  }
  rows.push([[pole[0], y1, pole[1]]]);
  const { positions, indices } = loft(rows);
  return { material, positions, indices, silhouette: { kind: 'hull' } };
}

/** Rounded rectangle, width along X, depth along Z, centred on the origin. */
function roundedRect(width: number, depth: number, radius: number, segments = 6): Vec2[] {
  const hx = width / 2 - radius;
  const hz = depth / 2 - radius;
  const corners: Vec2[] = [
    [hx, hz],
    [-hx, hz],
    [-hx, -hz],
    [hx, -hz],
  ];
  const points: Vec2[] = [];
  corners.forEach(([cx, cz], q) => {
    for (let k = 0; k <= segments; k++) {
      const a = (Math.PI / 2) * (q + k / segments);
      points.push([cx + radius * Math.cos(a), cz + radius * Math.sin(a)]);
    }
  });
  return points;
}

/** Moves a part by a rigid transform (rotation keeps the winding). */
function place(part: Part, fn: (points: Vec3[]) => Vec3[]): Part {
  return { ...part, positions: fn(part.positions) };
}

/** Uniform Catmull-Rom spline through the points, `per` samples per span. */
function catmullRom(points: Vec2[], per: number): Vec2[] {
  const out: Vec2[] = [];
  const n = points.length;
  for (let i = 0; i < n - 1; i++) {
    const p0 = points[Math.max(0, i - 1)]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = points[Math.min(n - 1, i + 2)]!;
    for (let k = 0; k < per; k++) {
      const t = k / per;
      const t2 = t * t;
      const t3 = t2 * t;
      const f = (a: number, b: number, c: number, d: number) =>
        0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
      out.push([f(p0[0], p1[0], p2[0], p3[0]), f(p0[1], p1[1], p2[1], p3[1])]);
    }
  }
  out.push(points[n - 1]!);
  return out;
}

// -------------------------------------------------------------- materials

const oak: MaterialSpec = { name: 'Eiche geölt', color: '#b08a5e', metallic: 0, roughness: 0.55 };
const wool: MaterialSpec = { name: 'Wollstoff Petrol', color: '#2f6470', metallic: 0, roughness: 0.95 };
const brass: MaterialSpec = { name: 'Messing gebürstet', color: '#d6b06a', metallic: 1, roughness: 0.32 };
const linen: MaterialSpec = { name: 'Leinen', color: '#ece5d6', metallic: 0, roughness: 0.85, emissive: '#5c5040' };
const bulb: MaterialSpec = { name: 'Leuchtmittel', color: '#fff4de', metallic: 0, roughness: 0.2, emissive: '#ffe2b0' };
const celadon: MaterialSpec = { name: 'Seladon-Glasur', color: '#8fb3a3', metallic: 0, roughness: 0.18 };
const clay: MaterialSpec = { name: 'Steinzeug unglasiert', color: '#c9b49a', metallic: 0, roughness: 0.9 };
const suede: MaterialSpec = { name: 'Wildleder Nachtblau', color: '#27365e', metallic: 0, roughness: 0.92 };
const rubber: MaterialSpec = { name: 'Naturkautschuk', color: '#eee8db', metallic: 0, roughness: 0.7 };
const lace: MaterialSpec = { name: 'Schnürsenkel', color: '#f7f6f2', metallic: 0, roughness: 0.8 };
const lining: MaterialSpec = { name: 'Futterleder', color: '#a97f57', metallic: 0, roughness: 0.75 };

// ----------------------------------------------------------------- models

/** Lounge chair: oak frame on four tapered legs, wool seat and tilted back cushion, armrests. */
function chair(): Part[] {
  const parts: Part[] = [];
  const leg = (x: number, z: number) =>
    lathe([[0, 0], [0.013, 0], [0.016, 0.004], [0.022, 0.235], [0.018, 0.24], [0, 0.24]], 20, oak, [x, 0, z]);
  const tilt = deg(-16);
  const back = (p: Part) => place(p, (pts) => translate(rotateX(pts, tilt), [0, 0.33, -0.215]));

  // Back first (painter's order for the poster).
  for (const x of [-0.31, 0.31]) {
    // Back posts: continue from the seat frame up behind the cushion's sides.
    parts.push(back(place(slab(roundedRect(0.04, 0.04, 0.012), -0.09, 0.42, 0.006, oak), (p) => translate(p, [x, 0, -0.085]))));
  }
  parts.push(back(slab(roundedRect(0.58, 0.13, 0.05, 8), 0, 0.47, 0.05, wool, 5)));
  parts.push(leg(-0.32, -0.27), leg(0.32, -0.27));
  parts.push(place(slab(roundedRect(0.73, 0.68, 0.03), 0.22, 0.28, 0.01, oak), (p) => translate(p, [0, 0, 0.01])));
  parts.push(place(slab(roundedRect(0.6, 0.62, 0.07, 8), 0.275, 0.42, 0.05, wool, 5), (p) => translate(p, [0, 0, 0.05])));
  for (const x of [-0.345, 0.345]) {
    parts.push(lathe([[0, 0.27], [0.016, 0.27], [0.016, 0.545], [0, 0.545]], 16, oak, [x, 0, -0.24]));
    parts.push(lathe([[0, 0.27], [0.016, 0.27], [0.016, 0.545], [0, 0.545]], 16, oak, [x, 0, 0.31]));
  }
  for (const x of [-0.345, 0.345]) {
    parts.push(place(slab(roundedRect(0.06, 0.72, 0.028), 0.54, 0.575, 0.012, oak), (p) => translate(p, [x, 0, 0.03])));
  }
  parts.push(leg(-0.32, 0.3), leg(0.32, 0.3));
  return parts;
}

/** Table lamp: brass foot and stem, bulb, linen shade held by three spokes. */
function lamp(): Part[] {
  const seg = 48;
  const parts: Part[] = [];
  const shadeBottom = 0.26;
  const shadeTop = 0.5;
  const wall = 0.003;
  const rb = 0.15;
  const rt = 0.1;
  // A spider of three spokes from the socket to the shade's wall (behind the shade in the front view).
  const spiderY = 0.4;
  const spokeEnd = rb + ((rt - rb) * (spiderY - shadeBottom)) / (shadeTop - shadeBottom) - wall;
  for (let k = 0; k < 3; k++) {
    const spoke = place(slab(roundedRect(spokeEnd - 0.012, 0.005, 0.002, 2), -0.0025, 0.0025, 0.0012, brass, 2), (p) =>
      translate(rotateY(translate(p, [(spokeEnd + 0.012) / 2, 0, 0]), deg(90 + 120 * k)), [0, spiderY, 0]),
    );
    parts.push(spoke);
  }
  parts.push(
    lathe(
      [[0, 0], [0.07, 0], [0.075, 0.003], [0.075, 0.012], [0.071, 0.018], [0.05, 0.025], [0.02, 0.029], [0, 0.03]],
      seg,
      brass,
    ),
  );
  parts.push(lathe([[0, 0.028], [0.0075, 0.028], [0.0065, 0.39], [0, 0.39]], 20, brass));
  parts.push(lathe([[0, 0.385], [0.016, 0.385], [0.018, 0.39], [0.018, 0.425], [0.014, 0.43], [0, 0.43]], 24, brass));
  // Bulb: a pear shape above the socket, inside the shade.
  parts.push(lathe([[0, 0.427], [0.012, 0.43], [0.02, 0.44], [0.026, 0.456], [0.023, 0.47], [0.013, 0.478], [0, 0.48]], 24, bulb));
  // Shade: a thin-walled truncated cone, outside up, inside down.
  parts.push(
    lathe(
      [
        [rb, shadeBottom],
        [rt, shadeTop],
        [rt - wall, shadeTop],
        [rb - wall, shadeBottom],
      ],
      seg,
      linen,
      [0, 0, 0],
      true,
      [
        [rb, shadeBottom],
        [rt, shadeTop],
      ],
    ),
  );
  return parts;
}

/** Vase: a thin-walled lathe of a bellied profile with a flared lip and an unglazed foot. */
function vase(): Part[] {
  const seg = 56;
  const thickness = 0.006;
  // Outer profile from the foot to the lip.
  const outer = catmullRom(
    [
      [0.05, 0.01],
      [0.063, 0.03],
      [0.084, 0.08],
      [0.09, 0.125],
      [0.082, 0.18],
      [0.058, 0.235],
      [0.04, 0.272],
      [0.039, 0.295],
      [0.05, 0.315],
    ],
    6,
  );
  // Unit tangents and inward offsets.
  const tangent = (i: number): Vec2 => {
    const a = outer[Math.max(0, i - 1)]!;
    const b = outer[Math.min(outer.length - 1, i + 1)]!;
    const l = Math.hypot(b[0] - a[0], b[1] - a[1]);
    return [(b[0] - a[0]) / l, (b[1] - a[1]) / l];
  };
  const inwards = (i: number): Vec2 => {
    const [tr, ty] = tangent(i);
    return [-ty, tr]; // (r, y) outward normal is (ty, -tr)
  };
  const last = outer.length - 1;
  const top = outer[last]!;
  const [tr, ty] = tangent(last);
  const [nr, ny] = inwards(last);
  const lipCentre: Vec2 = [top[0] + (nr * thickness) / 2, top[1] + (ny * thickness) / 2];
  const lip: Vec2[] = [];
  for (let k = 1; k < 8; k++) {
    const b = (Math.PI * k) / 8;
    const h = thickness / 2;
    // From the outer edge over the top to the inner edge.
    lip.push([lipCentre[0] - nr * h * Math.cos(b) + tr * h * Math.sin(b), lipCentre[1] - ny * h * Math.cos(b) + ty * h * Math.sin(b)]);
  }
  const inner: Vec2[] = [];
  for (let i = last; i >= 0; i--) {
    const [r, y] = outer[i]!;
    const [ir, iy] = inwards(i);
    const q: Vec2 = [r + ir * thickness, y + iy * thickness];
    if (q[1] < 0.03) break;
    inner.push(q);
  }
  const innerFloor = 0.014;
  const lastInner = inner[inner.length - 1]!;
  inner.push([lastInner[0] * 0.92, innerFloor + 0.004], [lastInner[0] * 0.8, innerFloor], [0, innerFloor]);

  const foot: Vec2[] = [[0, 0.004], [0.04, 0.004], [0.043, 0], [0.047, 0], [0.0495, 0.004], [0.05, 0.01]];
  const glazed: Vec2[] = [...outer, ...lip, ...inner];
  return [lathe(foot, seg, clay), lathe(glazed, seg, celadon, [0, 0, 0], false, [...outer, ...lip.slice(0, 4)])];
}

/** Footprint of the shoe: half-width along the length, rounded heel and toe. */
function footprint(length: number, samples: number): Vec2[] {
  // Half-widths from heel (t = 0) to toe (t = 1).
  const widths = catmullRom([[0, 0.035], [0.25, 0.037], [0.45, 0.038], [0.7, 0.055], [0.88, 0.05], [1, 0.045]], 8);
  const halfWidth = (t: number): number => {
    for (let i = 1; i < widths.length; i++) {
      const [t1, w1] = widths[i]!;
      const [t0, w0] = widths[i - 1]!;
      if (t <= t1) return w0 + ((w1 - w0) * (t - t0)) / (t1 - t0 || 1);
    }
    return widths[widths.length - 1]![1];
  };
  const round = (t: number, p: number) => Math.pow(Math.max(0, 1 - Math.pow(Math.abs(2 * t - 1), p)), 1 / p);
  const right: Vec2[] = [];
  for (let k = 1; k < samples; k++) {
    const t = (1 - Math.cos((Math.PI * k) / samples)) / 2;
    // Blunter heel (higher exponent), rounder toe.
    const p = t < 0.5 ? 3 : 2.2;
    right.push([halfWidth(t) * round(t, p), -length / 2 + length * t]);
  }
  // Counter-clockwise seen from above: right side heel→toe, toe tip, left side toe→heel, heel tip.
  return [[0, -length / 2], ...right, [0, length / 2], ...right.map(([x, z]): Vec2 => [-x, z]).reverse()];
}

/** Sneaker: rounded rubber sole, superelliptic suede upper, padded collar with lining, laces. */
function sneaker(): Part[] {
  const L = 0.3;
  const outline = footprint(L, 28);
  const soleTop = 0.03;
  const sole = slab(outline, 0, soleTop, 0.009, rubber, 4, [0, 0]);

  // Upper: a superelliptic dome over the (slightly inset) footprint whose rings
  // shrink towards a point above the heel, so the heel rises steeply and the
  // toe slopes gently; its height follows the last: high heel, low toe.
  const y0 = soleTop - 0.004;
  const zc = -0.085;
  const heightAt = (z: number): number => {
    const t = (z + L / 2) / L;
    const pts: Vec2[] = [[0, 0.074], [0.2, 0.076], [0.38, 0.069], [0.6, 0.05], [0.8, 0.036], [1, 0.03]];
    for (let i = 1; i < pts.length; i++) {
      const [t1, h1] = pts[i]!;
      const [t0, h0] = pts[i - 1]!;
      if (t <= t1) {
        const u = Math.max(0, (t - t0) / (t1 - t0));
        return h0 + (h1 - h0) * u * u * (3 - 2 * u);
      }
    }
    return pts[pts.length - 1]![1];
  };
  const shrinkZ = 0.965;
  const inset = outline.map(([x, z]): Vec2 => [x * 0.92, z * shrinkZ]);
  const e = 0.42;
  const rows: Vec3[][] = [];
  const K = 16;
  for (let k = 0; k < K; k++) {
    const phi = (Math.PI / 2) * (k / K);
    const cs = Math.pow(Math.cos(phi), e);
    const sn = Math.pow(Math.sin(phi), e);
    rows.push(
      inset.map(([x, z]): Vec3 => {
        const zz = zc + (z - zc) * cs;
        return [x * cs, y0 + heightAt(zz) * sn, zz];
      }),
    );
  }
  rows.push([[0, y0 + heightAt(zc), zc]]);
  const upper: Part = { material: suede, ...loft(rows), silhouette: { kind: 'hull' } };

  // Height of the upper along its centre line (closed form of the dome above).
  const zToe = (L / 2) * shrinkZ;
  const crest = (z: number): number => {
    const c = Math.min(1, z >= zc ? (z - zc) / (zToe - zc) : (zc - z) / (zc + zToe));
    return y0 + heightAt(z) * Math.pow(Math.max(0, 1 - Math.pow(c, 2 / e)), e / 2);
  };

  // Ankle opening: lining floor and a padded collar ring on top of the heel.
  const ax = 0.026;
  const az = 0.036;
  const rho = 0.01;
  const collarY = crest(zc) - 0.002;
  const A = 10;
  const S = 40;
  const collarRows: Vec3[][] = [];
  for (let i = 0; i < A; i++) {
    const al = (TAU * i) / A;
    const ring: Vec3[] = [];
    for (let j = 0; j < S; j++) {
      const th = (TAU * j) / S;
      ring.push([(ax + rho * Math.cos(al)) * Math.cos(th), collarY + rho * Math.sin(al), zc + (az + rho * Math.cos(al)) * Math.sin(th)]);
    }
    collarRows.push(ring);
  }
  // The collar slopes down towards the front, like a real sneaker's.
  const tiltCollar = (points: Vec3[]) => translate(rotateX(translate(points, [0, -collarY, -zc]), deg(14)), [0, collarY, zc]);
  const collar: Part = { material: suede, ...loft(collarRows.map(tiltCollar), true), silhouette: { kind: 'hull' } };
  const floorOutline: Vec2[] = [];
  for (let j = 0; j < S; j++) {
    const th = (TAU * j) / S;
    floorOutline.push([(ax + rho * 0.2) * Math.cos(th), zc + (az + rho * 0.2) * Math.sin(th)]);
  }
  const liningPart = place(slab(floorOutline, collarY - 0.008, collarY + 0.002, 0.002, lining, 2, [0, zc]), tiltCollar);

  // Tongue: rises from under the laces to just above the front of the collar.
  const tongueFront: Vec2 = [-0.028, crest(-0.028) + 0.001];
  const tongueBack: Vec2 = [zc + az * 0.55, collarY + 0.004];
  const tongueLength = Math.hypot(tongueFront[0] - tongueBack[0], tongueFront[1] - tongueBack[1]) + 0.012;
  const tongueAngle = Math.atan2(tongueBack[1] - tongueFront[1], tongueFront[0] - tongueBack[0]);
  const tongue = place(slab(roundedRect(0.036, tongueLength, 0.014, 6), -0.003, 0.003, 0.002, suede, 2), (pts) =>
    translate(rotateX(pts, tongueAngle), [0, (tongueFront[1] + tongueBack[1]) / 2, (tongueFront[0] + tongueBack[0]) / 2]),
  );

  // Laces across the instep, following its slope.
  const laces: Part[] = [];
  for (let k = 0; k < 5; k++) {
    const z = -0.03 + k * 0.016;
    const y = crest(z);
    const slope = Math.atan2(crest(z + 0.002) - crest(z - 0.002), 0.004);
    const width = 0.046 - k * 0.003;
    laces.push(
      place(slab(roundedRect(width, 0.006, 0.0028, 3), -0.0025, 0.0025, 0.0012, lace, 2), (p) =>
        translate(rotateX(p, -slope), [0, y + 0.0012, z]),
      ),
    );
  }
  return [collar, liningPart, sole, upper, tongue, ...laces];
}

export const MODELS: readonly ModelSpec[] = [
  { name: 'lounge-chair', title: 'Loungesessel Lenne', dimensions: { width: 0.75, height: 0.8, depth: 0.8 }, parts: chair },
  { name: 'table-lamp', title: 'Tischleuchte Röhr', dimensions: { width: 0.3, height: 0.5, depth: 0.3 }, parts: lamp },
  { name: 'vase', title: 'Vase Möhne', dimensions: { width: 0.18, height: 0.32, depth: 0.18 }, parts: vase },
  { name: 'sneaker', title: 'Sneaker Ruhrtal', dimensions: { width: 0.11, height: 0.12, depth: 0.3 }, parts: sneaker },
];

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
