/** The demo's four products as geometry: their materials and parts, and the real-world size each is fitted to (see ../models.ts). */
import type { ModelDimensions } from '../models.js';
import { type Vec2, type Vec3, type MaterialSpec, type Part, TAU, deg, rotateX, rotateY, translate, loft, lathe, slab, roundedRect, place, catmullRom } from './geometry.js';

export interface ModelSpec {
  name: string;
  title: string;
  dimensions: ModelDimensions;
  /** Parts in painter's order for the front view (back first). */
  parts: () => Part[];
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

