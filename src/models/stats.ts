/**
 * What a model costs to show: triangles as drawn (a mesh used by two nodes is
 * drawn twice), the largest texture side, draw calls, and its real-world size
 * (glTF is in metres).
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Document } from '@gltf-transform/core';
import type { InstancedMesh } from '@gltf-transform/extensions';
import { getBounds, getGLPrimitiveCount } from '@gltf-transform/functions';

export interface ModelStats {
  /** File size in bytes (of the .glb, or of the .gltf plus its resources). */
  bytes: number;
  triangles: number;
  vertices: number;
  drawCalls: number;
  materials: number;
  textures: number;
  /** Largest texture side in pixels (0 without textures). */
  maxTextureSize: number;
  /** Texture formats, e.g. ["image/png", "image/webp"]. */
  textureFormats: string[];
  /** World-space size of the default scene in metres, after node transforms. */
  size_m: { width: number; height: number; depth: number };
  extensions: string[];
}

const TRIANGLES = 4;
const TRIANGLE_STRIP = 5;
const TRIANGLE_FAN = 6;

export function modelStats(doc: Document, bytes: number): ModelStats {
  const root = doc.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  let triangles = 0;
  let vertices = 0;
  let drawCalls = 0;
  if (scene) {
    scene.traverse((node) => {
      const mesh = node.getMesh();
      if (!mesh) return;
      // EXT_mesh_gpu_instancing draws the mesh once per instance.
      const instancing = node.getExtension<InstancedMesh>('EXT_mesh_gpu_instancing');
      const copies = instancing?.listAttributes()[0]?.getCount() ?? 1;
      for (const prim of mesh.listPrimitives()) {
        const mode = prim.getMode();
        if (mode === TRIANGLES || mode === TRIANGLE_STRIP || mode === TRIANGLE_FAN) {
          triangles += getGLPrimitiveCount(prim) * copies;
        }
        vertices += (prim.getAttribute('POSITION')?.getCount() ?? 0) * copies;
        drawCalls += 1;
      }
    });
  }
  let maxTextureSize = 0;
  const formats = new Set<string>();
  for (const texture of root.listTextures()) {
    const size = texture.getSize();
    if (size) maxTextureSize = Math.max(maxTextureSize, size[0], size[1]);
    formats.add(texture.getMimeType() || 'unknown');
  }
  const round = (v: number) => Math.round(v * 10000) / 10000;
  let size_m = { width: 0, height: 0, depth: 0 };
  if (scene) {
    const { min, max } = getBounds(scene);
    if (min.every(Number.isFinite) && max.every(Number.isFinite)) {
      size_m = { width: round(max[0] - min[0]), height: round(max[1] - min[1]), depth: round(max[2] - min[2]) };
    }
  }
  return {
    bytes,
    triangles,
    vertices,
    drawCalls,
    materials: root.listMaterials().length,
    textures: root.listTextures().length,
    maxTextureSize,
    textureFormats: [...formats].sort(),
    size_m,
    extensions: root.listExtensionsUsed().map((e) => e.extensionName).sort(),
  };
}

/** Bytes of the model and of every external resource a .gltf names. */
export async function modelFileBytes(file: string): Promise<number> {
  let bytes = (await stat(file)).size;
  if (file.toLowerCase().endsWith('.gltf')) {
    const json = JSON.parse(await readFile(file, 'utf8')) as { buffers?: { uri?: string }[]; images?: { uri?: string }[] };
    const uris = [...(json.buffers ?? []), ...(json.images ?? [])].map((r) => r.uri).filter((u): u is string => !!u && !u.startsWith('data:'));
    for (const uri of uris) bytes += (await stat(resolve(dirname(file), decodeURIComponent(uri)))).size;
  }
  return bytes;
}
