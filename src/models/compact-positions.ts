/**
 * Positions as gltfpack stores them: after quantize() (which `meshopt()` runs), each position is a
 * 14-bit value that glTF-Transform widens to a normalized int16 by replicating its high bits into
 * the low ones. Those replicated bits are noise to meshopt's byte-wise delta coding. Here they are
 * dropped: each position becomes its 14-bit value as an unsigned, unnormalized uint16 (as
 * KHR_mesh_quantization allows), and the node that draws the mesh takes the difference into its
 * transform, so the model stays exactly where and as large as it was (optimize.ts checks that).
 *
 * Only where that is plain: a mesh drawn by nodes without children (flatten() made them so), with
 * no morph targets and no skin; anything else is left as quantize() made it.
 */
import { Accessor, Node, type Document, type Transform } from '@gltf-transform/core';

/** The bits quantize() gives positions (glTF-Transform's default, also with meshopt 'high'). */
const POSITION_BITS = 14;

export function compactPositions(): Transform {
  return (doc: Document) => {
    const magnitudeBits = POSITION_BITS - 1;
    const lo = 15 - magnitudeBits;
    const max = 2 ** magnitudeBits - 1;
    for (const mesh of doc.getRoot().listMeshes()) {
      const nodes = mesh.listParents().filter((p): p is Node => p instanceof Node);
      if (nodes.length === 0 || nodes.some((n) => n.listChildren().length > 0 || n.getSkin())) continue;
      const prims = mesh.listPrimitives();
      const positions = prims.map((p) => p.getAttribute('POSITION'));
      const convertible = positions.every(
        (a) => a && a.getComponentType() === Accessor.ComponentType.SHORT && a.getNormalized() && a.getType() === 'VEC3' && a.listParents().every((p) => p.propertyType === 'Root' || prims.includes(p as never)),
      );
      if (!convertible || prims.some((p) => p.listTargets().length > 0)) continue;
      for (const accessor of new Set(positions as Accessor[])) {
        const src = accessor.getArray() as Int16Array;
        const dst = new Uint16Array(src.length);
        for (let i = 0; i < src.length; i++) dst[i] = Math.sign(src[i]!) * (Math.abs(src[i]!) >> lo) + max;
        accessor.setArray(dst).setNormalized(false);
      }
      // Was q = v / 32767 ≈ m / max; now q = (u − max) / max: scale by 1/max, move by −1 in the mesh's space.
      for (const node of nodes) {
        const [sx, sy, sz] = node.getScale();
        const shift = rotate(node.getRotation(), [-sx, -sy, -sz]);
        const [tx, ty, tz] = node.getTranslation();
        node.setTranslation([tx + shift[0], ty + shift[1], tz + shift[2]]).setScale([sx / max, sy / max, sz / max]);
      }
    }
  };
}

/** v rotated by the unit quaternion q = [x, y, z, w]. */
function rotate([x, y, z, w]: readonly number[], [vx, vy, vz]: [number, number, number]): [number, number, number] {
  const tx = 2 * (y! * vz - z! * vy);
  const ty = 2 * (z! * vx - x! * vz);
  const tz = 2 * (x! * vy - y! * vx);
  return [vx + w! * tx + (y! * tz - z! * ty), vy + w! * ty + (z! * tx - x! * tz), vz + w! * tz + (x! * ty - y! * tx)];
}
