/**
 * One compressed vertex stream per attribute for a whole model, as gltfpack writes it: by default
 * glTF-Transform gives every primitive's positions (and normals) a buffer view of their own, and
 * with meshopt each is compressed alone and described by its own JSON. Grouped, a model with four
 * materials carries three buffer views instead of nine, and meshopt sees longer runs.
 *
 * A writer-only helper, not a glTF extension: it only changes how the writer groups accessors,
 * and takes its name out of `extensionsUsed` again, so the file names nothing a viewer must know.
 */
import { Extension, PropertyType, type WriterContext } from '@gltf-transform/core';

const NAME = 'CITYLAB_vertex_streams';

export class SharedVertexStreams extends Extension {
  static override readonly EXTENSION_NAME = NAME;
  public override readonly extensionName = NAME;
  // Sorted by name, this runs before EXT_meshopt_compression's grouping of the accessors.
  public override readonly prewriteTypes = [PropertyType.ACCESSOR];

  public override prewrite(context: WriterContext): this {
    context.accessorUsageGroupedByParent.delete('ARRAY_BUFFER');
    return this;
  }

  public read(): this {
    return this;
  }

  public write(context: WriterContext): this {
    const json = context.jsonDoc.json;
    // Values the glTF schema defaults to need no bytes in every accessor and primitive either; the
    // names of meshes and nodes are for authoring tools (gltfpack drops them too). The asset's
    // copyright and the materials' names stay.
    for (const accessor of json.accessors ?? []) {
      if (accessor.normalized === false) delete accessor.normalized;
      if (accessor.byteOffset === 0) delete accessor.byteOffset;
    }
    for (const mesh of json.meshes ?? []) {
      delete mesh.name;
      for (const primitive of mesh.primitives) if (primitive.mode === 4) delete primitive.mode;
    }
    for (const node of json.nodes ?? []) {
      delete node.name;
      // A viewer computes in 32-bit floats: nine significant digits say each such number exactly.
      for (const key of ['translation', 'rotation', 'scale'] as const) {
        const values = node[key];
        if (values) node[key] = values.map((v: number) => Number(Math.fround(v).toPrecision(9))) as typeof values;
      }
    }
    json.extensionsUsed = json.extensionsUsed?.filter((name) => name !== NAME);
    if (json.extensionsUsed?.length === 0) delete json.extensionsUsed;
    return this;
  }
}
