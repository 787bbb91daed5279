/**
 * One glTF-Transform NodeIO that reads and writes every extension the viewer
 * supports, including compressed geometry (meshopt and Draco): the pipeline
 * can take a model that is already compressed and still count its triangles.
 */
import { NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import draco3d from 'draco3dgltf';
import { MeshoptDecoder, MeshoptEncoder } from 'meshoptimizer';
import { SharedVertexStreams } from './vertex-streams.js';

let io: Promise<NodeIO> | undefined;

export function modelIO(): Promise<NodeIO> {
  io ??= (async () => {
    await Promise.all([MeshoptDecoder.ready, MeshoptEncoder.ready]);
    const [dracoDecoder, dracoEncoder] = await Promise.all([draco3d.createDecoderModule(), draco3d.createEncoderModule()]);
    return new NodeIO().registerExtensions([...ALL_EXTENSIONS, SharedVertexStreams]).registerDependencies({
      'meshopt.decoder': MeshoptDecoder,
      'meshopt.encoder': MeshoptEncoder,
      'draco3d.decoder': dracoDecoder,
      'draco3d.encoder': dracoEncoder,
    });
  })();
  return io;
}

export { MeshoptEncoder };
