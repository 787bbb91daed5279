/**
 * citylab-sdk's custom-elements.json, as the build wrote it, is complete: it is
 * what agencies' editors, the React wrappers' typings and the endpoint's `/docs/`
 * page read. Every element has its tag name; every public attribute, property,
 * event, slot, CSS part and CSS custom property is described; every event names
 * its detail type; every `part="…"` the element's templates render and every
 * `var(--citylab-…)` its styles read is documented, and nothing documented is
 * gone from the code.
 *
 * The element's code is found from its module in the manifest, following its
 * relative imports within its own folder and `elements/internal/` (lazy chunks
 * too: the reservation dialog's parts are the click & collect element's).
 *
 * Needs `npm run build` first (npm test runs it).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MANIFEST = path.join(ROOT, 'packages/citylab-sdk/custom-elements.json');
const ELEMENTS = 'src/sdk/elements';

interface Described {
  name: string;
  description?: string;
}
interface Member extends Described {
  kind: 'field' | 'method';
  privacy?: 'public' | 'private' | 'protected';
}
interface Event extends Described {
  type?: { text: string };
}
interface Declaration extends Described {
  kind: string;
  customElement?: boolean;
  tagName?: string;
  attributes?: Described[];
  members?: Member[];
  events?: Event[];
  slots?: Described[];
  cssParts?: Described[];
  cssProperties?: Described[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[]; exports?: { kind: string; name: string; declaration: { name: string } }[] }[];
}

// ------------------------------------------------------------ the element's code

/** The element's own modules: its class module and what it imports (also lazily) from its folder and elements/internal. */
function elementSources(modulePath: string, read: (file: string) => string): Map<string, string> {
  const folder = path.posix.dirname(modulePath);
  const allowed = (file: string) => file.startsWith(`${folder}/`) || file.startsWith(`${ELEMENTS}/internal/`);
  const sources = new Map<string, string>();
  const queue = [modulePath];
  while (queue.length) {
    const file = queue.pop()!;
    if (sources.has(file)) continue;
    const text = read(file);
    sources.set(file, text);
    // import … from './x.js', export … from './x.js', import('./x.js'), import './x.js'
    for (const [, specifier] of text.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const target = path.posix.join(path.posix.dirname(file), specifier!).replace(/\.js$/, '.ts');
      if (allowed(target) && !sources.has(target)) queue.push(target);
    }
  }
  return sources;
}

/** Every part name in `part="a b"` and `part=${x ? 'a b' : 'a'}` of the templates. */
function partsUsed(code: string): Set<string> {
  const parts = new Set<string>();
  for (const [, quoted, expression] of code.matchAll(/\spart=(?:"([^"]*)"|\$\{([^}]*)\})/g)) {
    const literals = quoted !== undefined ? [quoted.replace(/\$\{[^}]*\}/g, ' ')] : [...expression!.matchAll(/'([^']*)'|"([^"]*)"/g)].map((m) => m[1] ?? m[2]!);
    for (const literal of literals) for (const name of literal.split(/\s+/)) if (name) parts.add(name);
  }
  return parts;
}

/**
 * The `--citylab-…` properties the styles read, directly or through the private aliases the
 * theme and the elements declare (`--_accent: var(--citylab-accent, …)`): an alias counts only
 * where something uses it, so a theme colour an element never shows is not its API.
 */
function customPropertiesUsed(code: string): Set<string> {
  const css = [...code.matchAll(/\bcss`([^`]*)`/g)].map((m) => m[1]!).join('\n');
  const aliases = new Map<string, string>();
  const declaration = /(--_[\w-]+)\s*:\s*([^;}]+)/g;
  for (const [, name, value] of css.matchAll(declaration)) aliases.set(name!, `${aliases.get(name!) ?? ''} ${value}`);
  const references = (text: string) => [...text.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]!);
  const used = new Set<string>();
  const seen = new Set<string>();
  const queue = references(css.replace(declaration, ''));
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    if (name.startsWith('--citylab-')) used.add(name);
    const alias = aliases.get(name);
    if (alias) queue.push(...references(alias));
  }
  return used;
}

// ------------------------------------------------------------------ the checks

/** Everything missing or stale in the manifest, in words; empty when it is complete. */
function manifestProblems(manifest: Manifest, read: (file: string) => string): string[] {
  const problems: string[] = [];
  const elements = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement).map((d) => ({ module: m.path, d })));
  const defined = manifest.modules.flatMap((m) => (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition'));
  if (elements.length === 0) problems.push('no custom elements in the manifest');
  for (const { module, d } of elements) {
    const where = `${d.tagName ?? d.name} (${module})`;
    if (!d.tagName) problems.push(`${where}: no tagName`);
    else if (!defined.some((e) => e.name === d.tagName && e.declaration.name === d.name)) problems.push(`${where}: no definition registers it`);
    if (!d.description?.trim()) problems.push(`${where}: no description`);
    const publicMembers = (d.members ?? []).filter((m) => m.privacy !== 'private' && m.privacy !== 'protected');
    const groups: [string, Described[]][] = [
      ['attribute', d.attributes ?? []],
      [' property/method', publicMembers],
      ['event', d.events ?? []],
      ['slot', d.slots ?? []],
      ['CSS part', d.cssParts ?? []],
      ['CSS custom property', d.cssProperties ?? []],
    ];
    for (const [what, items] of groups) {
      for (const item of items) if (!item.description?.trim()) problems.push(`${where}: ${what.trim()} "${item.name}" has no description`);
    }
    for (const event of d.events ?? []) {
      if (!/^CustomEvent<\w+>$/.test(event.type?.text ?? '')) problems.push(`${where}: event "${event.name}" has no detail type`);
    }

    const code = [...elementSources(module, read).values()].join('\n');
    const parts = partsUsed(code);
    const documentedParts = new Set((d.cssParts ?? []).map((p) => p.name));
    for (const part of parts) if (!documentedParts.has(part)) problems.push(`${where}: part "${part}" is rendered but not in cssParts`);
    for (const part of documentedParts) if (!parts.has(part)) problems.push(`${where}: cssParts names "${part}", which no template renders`);
    const properties = customPropertiesUsed(code);
    const documentedProperties = new Set((d.cssProperties ?? []).map((p) => p.name));
    for (const property of properties) if (!documentedProperties.has(property)) problems.push(`${where}: styles read ${property}, not in cssProperties`);
    for (const property of documentedProperties) if (!properties.has(property)) problems.push(`${where}: cssProperties names ${property}, which no style reads`);
  }
  return problems;
}

// ------------------------------------------------------------------- the tests

const readSource = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

function built(): Manifest {
  assert.ok(existsSync(MANIFEST), `${path.relative(ROOT, MANIFEST)} is missing: run \`npm run build\` first`);
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
}

describe('custom-elements.json of citylab-sdk', () => {
  it('lists every element the SDK registers, by its tag', () => {
    const registered = ['ar-viewer', 'click-collect', 'store-finder'].map((dir) => {
      const define = readSource(`${ELEMENTS}/${dir}/define.ts`);
      return /defineElement\('([^']+)'/.exec(define)?.[1];
    });
    const manifest = built();
    const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).filter((d) => d.customElement).map((d) => d.tagName));
    assert.deepEqual([...tags].sort(), [...registered].sort());
  });

  it('is complete: tags, descriptions, event detail types, parts and custom properties', () => {
    assert.deepEqual(manifestProblems(built(), readSource), []);
  });

  describe('the check finds what is missing', () => {
    /** A copy of the built manifest with one element changed. */
    const broken = (tag: string, change: (d: Declaration) => void): Manifest => {
      const copy = structuredClone(built());
      const element = copy.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag);
      assert.ok(element, `${tag} is in the manifest`);
      change(element);
      return copy;
    };
    const problemsOf = (manifest: Manifest, read = readSource) => manifestProblems(manifest, read);

    it('an element without tagName', () => {
      const problems = problemsOf(broken('citylab-store-finder', (d) => delete d.tagName));
      assert.ok(problems.some((p) => p.includes('no tagName')), problems.join('\n'));
    });

    it('an undescribed attribute, property, event, slot, part or custom property', () => {
      const problems = problemsOf(
        broken('citylab-ar-viewer', (d) => {
          for (const list of [d.attributes, d.members, d.events, d.slots, d.cssParts, d.cssProperties]) delete list![0]!.description;
        }),
      );
      for (const what of ['attribute', 'property/method', 'event', 'slot', 'CSS part', 'CSS custom property']) {
        assert.ok(problems.some((p) => p.includes(`: ${what} "`) && p.endsWith('has no description')), `${what}:\n${problems.join('\n')}`);
      }
    });

    it('an event without its detail type', () => {
      const problems = problemsOf(broken('citylab-click-collect', (d) => delete d.events!.find((e) => e.name === 'citylab-reserved')!.type));
      assert.deepEqual(problems, ['citylab-click-collect (src/sdk/elements/click-collect/click-collect.ts): event "citylab-reserved" has no detail type']);
    });

    it('a rendered part that is not documented, also in a lazy chunk', () => {
      const problems = problemsOf(broken('citylab-click-collect', (d) => (d.cssParts = d.cssParts!.filter((p) => p.name !== 'field-error'))));
      assert.deepEqual(problems, ['citylab-click-collect (src/sdk/elements/click-collect/click-collect.ts): part "field-error" is rendered but not in cssParts']);
    });

    it('a custom property the styles read, through the theme\'s aliases, that is not documented', () => {
      const problems = problemsOf(broken('citylab-ar-viewer', (d) => (d.cssProperties = d.cssProperties!.filter((p) => p.name !== '--citylab-focus-color'))));
      assert.deepEqual(problems, ['citylab-ar-viewer (src/sdk/elements/ar-viewer/ar-viewer.ts): styles read --citylab-focus-color, not in cssProperties']);
    });

    it('a part and a custom property added to the code but not to the docs', () => {
      const read = (file: string) =>
        file.endsWith('store-finder/offer-card.ts')
          ? readSource(file).replace('<div class="actions">', '<div class="actions" part="actions">')
          : file.endsWith('store-finder/styles.ts')
            ? readSource(file).replace('.list {', '.list { gap: var(--citylab-list-gap, 0.75rem);')
            : readSource(file);
      assert.deepEqual(problemsOf(built(), read), [
        'citylab-store-finder (src/sdk/elements/store-finder/store-finder.ts): part "actions" is rendered but not in cssParts',
        'citylab-store-finder (src/sdk/elements/store-finder/store-finder.ts): styles read --citylab-list-gap, not in cssProperties',
      ]);
    });
  });
});
