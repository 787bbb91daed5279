/** The geometry the demo's models are made of: vectors, lofts, lathes, rounded slabs and outlines (see ../models.ts). */

export type Vec2 = [number, number];
export type Vec3 = [number, number, number];

/** Colours are written as sRGB hex for legibility and converted to linear for glTF. */
export interface MaterialSpec {
  name: string;
  color: string;
  metallic: number;
  roughness: number;
  emissive?: string;
}

/** One piece of geometry with one material, before fitting and merging. */
export interface Part {
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

// ------------------------------------------------------------- vector bits

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
export const TAU = Math.PI * 2;
export const deg = (d: number) => (d * Math.PI) / 180;

export function rotateX(points: Vec3[], angle: number): Vec3[] {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return points.map(([x, y, z]) => [x, y * c - z * s, y * s + z * c]);
}

export function rotateY(points: Vec3[], angle: number): Vec3[] {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return points.map(([x, y, z]) => [x * c + z * s, y, -x * s + z * c]);
}

export const translate = (points: Vec3[], [dx, dy, dz]: Vec3): Vec3[] => points.map(([x, y, z]) => [x + dx, y + dy, z + dz]);

// ------------------------------------------------------------------ lofts

/**
 * A surface through rows of points. Each row is a closed ring of the same
 * length, or a single point (a pole, joined to its neighbour ring by a fan).
 *
 * Winding convention: rings run counter-clockwise seen from above (from +X
 * towards +Z) and rows go upwards along the outside; the surface then faces
 * outwards (counter-clockwise front faces, as glTF expects).
 */
export function loft(rows: Vec3[][], closedRows = false): { positions: Vec3[]; indices: number[] } {
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
export function vertexNormals(positions: Vec3[], indices: number[]): Vec3[] {
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
export function lathe(
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
export function slab(outline: Vec2[], y0: number, y1: number, bevel: number, material: MaterialSpec, steps = 4, pole: Vec2 = [0, 0]): Part {
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
export function roundedRect(width: number, depth: number, radius: number, segments = 6): Vec2[] {
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
export function place(part: Part, fn: (points: Vec3[]) => Vec3[]): Part {
  return { ...part, positions: fn(part.positions) };
}

/** Uniform Catmull-Rom spline through the points, `per` samples per span. */
export function catmullRom(points: Vec2[], per: number): Vec2[] {
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

