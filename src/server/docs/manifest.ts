/**
 * The installed citylab-sdk's custom-elements.json (schema 2.x, https://github.com/webcomponents/custom-elements-manifest),
 * read into what the docs show of each element. Only the schema decides what is there:
 * whatever the elements' JSDoc documents (descriptions, detail types, defaults) appears,
 * and nothing is added that the manifest does not say.
 */
import { readFile } from 'node:fs/promises';
import * as z from 'zod/mini';

const Type = z.object({ text: z.string() });
const Deprecated = z.optional(z.union([z.boolean(), z.string()]));
/** What every documented thing has: a name and words about it. */
const Described = {
  name: z.string(),
  summary: z.optional(z.string()),
  description: z.optional(z.string()),
  deprecated: Deprecated,
};

const Attribute = z.object({ ...Described, type: z.optional(Type), default: z.optional(z.string()), fieldName: z.optional(z.string()) });
const Member = z.object({
  ...Described,
  kind: z.string(),
  type: z.optional(Type),
  default: z.optional(z.string()),
  privacy: z.optional(z.string()),
  static: z.optional(z.boolean()),
  readonly: z.optional(z.boolean()),
  attribute: z.optional(z.string()),
  parameters: z.optional(z.array(z.object({ name: z.string(), type: z.optional(Type), optional: z.optional(z.boolean()), description: z.optional(z.string()) }))),
  return: z.optional(z.object({ type: z.optional(Type), description: z.optional(z.string()) })),
});
const Event = z.object({ ...Described, type: z.optional(Type) });
const Named = z.object(Described);
const CssProperty = z.object({ ...Described, syntax: z.optional(z.string()), default: z.optional(z.string()) });

const Declaration = z.object({
  ...Described,
  kind: z.string(),
  customElement: z.optional(z.boolean()),
  // A custom element's name (lower case, with a hyphen): the pages write it as a tag.
  tagName: z.optional(z.string().check(z.regex(/^[a-z][a-z0-9._]*-[a-z0-9._-]*$/))),
  members: z.optional(z.array(Member)),
  attributes: z.optional(z.array(Attribute)),
  events: z.optional(z.array(Event)),
  slots: z.optional(z.array(Named)),
  cssParts: z.optional(z.array(Named)),
  cssProperties: z.optional(z.array(CssProperty)),
  cssStates: z.optional(z.array(Named)),
});

const Manifest = z.object({
  schemaVersion: z.string(),
  modules: z.array(z.object({ path: z.string(), declarations: z.optional(z.array(Declaration)) })),
});

export type DocAttribute = z.infer<typeof Attribute>;
export type DocMember = z.infer<typeof Member>;
export type DocEvent = z.infer<typeof Event>;
export type DocNamed = z.infer<typeof Named>;
export type DocCssProperty = z.infer<typeof CssProperty>;

/** One element as the docs show it. */
export interface ElementDoc {
  tag: string;
  className: string;
  summary?: string | undefined;
  description?: string | undefined;
  deprecated?: boolean | string | undefined;
  attributes: DocAttribute[];
  /** Public fields (what a script or a framework sets). */
  properties: DocMember[];
  /** Public methods. */
  methods: DocMember[];
  events: DocEvent[];
  slots: DocNamed[];
  cssParts: DocNamed[];
  cssProperties: DocCssProperty[];
  cssStates: DocNamed[];
}

const isPublic = (m: DocMember) => !m.privacy || m.privacy === 'public';

/** The registered elements (a declaration with a tag) of a manifest file, in the manifest's order. */
export async function readElementDocs(file: string): Promise<ElementDoc[]> {
  const manifest = Manifest.parse(JSON.parse(await readFile(file, 'utf8')));
  return manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d): d is typeof d & { tagName: string } => d.customElement === true && !!d.tagName)
    .map((d) => ({
      tag: d.tagName,
      className: d.name,
      summary: d.summary,
      description: d.description,
      deprecated: d.deprecated,
      attributes: d.attributes ?? [],
      properties: (d.members ?? []).filter((m) => m.kind === 'field' && isPublic(m)),
      methods: (d.members ?? []).filter((m) => m.kind === 'method' && isPublic(m)),
      events: d.events ?? [],
      slots: d.slots ?? [],
      cssParts: d.cssParts ?? [],
      cssProperties: d.cssProperties ?? [],
      cssStates: d.cssStates ?? [],
    }));
}
