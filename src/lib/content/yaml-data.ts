import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';

import { closestName } from '../site/closest-name.ts';
import { characterOf, unseenCharacter, unseenContext, unseenKind } from '../site/control-characters.ts';
import { diagnostics } from '../site/messages/index.ts';
import { error, type Problem } from '../site/problems.ts';

/**
 * Parses YAML (a config file or an MDX front matter block) and validates it with a zod schema;
 * every problem is reported, worded by the diagnostics catalogue, at the line and column of the offending key.
 * `lineOffset` shifts positions when the YAML starts inside a larger file (front matter).
 */
export function parseYamlData<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  lineOffset = 0,
): { data: z.infer<S> | null; problems: Problem[] } {
  const d = diagnostics();
  const source = (range: readonly number[]) => text.slice(range[0], range[1]);
  // A list's items are counted from 1, as an editor counts the lines starting with - (`measures → 第 4 项`).
  const field = (path: readonly string[]) =>
    d.yaml.field(path.map((p) => (/^\d+$/.test(p) ? d.yaml.item(Number(p) + 1) : (d.schema.fields[p] ?? p))));
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      data: null,
      problems: doc.errors.map((e) =>
        error(file, d.yaml.syntax(e.message.split('\n')[0]!), {
          ...at(e.pos[0]),
          hint: d.yaml.syntaxHint,
        }),
      ),
    };
  }
  let data: unknown;
  try {
    // yaml refuses a document whose aliases multiply (a "billion laughs"): say so instead of crashing.
    data = doc.toJS({ maxAliasCount: 50 });
  } catch {
    return { data: null, problems: [error(file, d.yaml.aliases, { line: 1 + lineOffset, hint: d.yaml.aliasesHint })] };
  }
  // Every text, keys included, with a character a reader would not see as written: a control character,
  // a bidi override (U+202E turns 90.6 into 6.09 on the page), a zero-width space. Each is located.
  const hidden = unseenTexts(data, []);
  if (hidden.length > 0) {
    return {
      data: null,
      problems: hidden.map(({ path, value }) => {
        const code = unseenCharacter(value)!;
        const node = nearestNode(doc, path);
        // The character itself in the source when it is written there, else the start of its value.
        const range = node?.range;
        const inSource = range ? source(range).indexOf(characterOf(code)) : -1;
        const position = range ? at(range[0] + Math.max(0, inSource)) : { line: 1 + lineOffset };
        const message = d.yaml.issue(field(path), d.unseen.text(code, unseenKind(code), unseenContext(value)));
        return error(file, message, { ...position, hint: d.unseen.hint });
      }),
    };
  }
  const result = schema.safeParse(data, { error: d.schema.zodMessages });
  if (result.success) return { data: result.data, problems: [] };
  // One problem per value: `1e20` for a year breaks both the integer bound and the year's, one message is enough.
  const seen = new Set<string>();
  const issues = result.error.issues.filter((issue) => {
    const key = JSON.stringify(issue.path);
    return !seen.has(key) && !!seen.add(key);
  });
  const problems = issues.map((issue) => {
    const path = issue.path.map(String);
    // An unknown key is pointed at itself, not at the block that holds it.
    const node = nearestNode(doc, issue.code === 'unrecognized_keys' ? [...path, String(issue.keys[0])] : path);
    const position = node?.range ? at(node.range[0]) : { line: 1 + lineOffset, column: 1 };
    const known = issue.code === 'unrecognized_keys' ? keysAt(schema, path) : [];
    const closest = closestName(String(issue.code === 'unrecognized_keys' ? issue.keys[0] : ''), known);
    const hint =
      issue.code !== 'unrecognized_keys' ? undefined : closest ? d.yaml.didYouMean(closest) : d.yaml.knownKeys(known);
    return error(file, d.yaml.issue(field(path), issue.message), { ...position, hint });
  });
  return { data: null, problems };
}

/** Every key and string of the data (with the path to it) holding a character a reader would not see. */
function unseenTexts(value: unknown, path: string[]): Array<{ path: string[]; value: string }> {
  if (typeof value === 'string') return unseenCharacter(value) ? [{ path, value }] : [];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [
    ...(unseenCharacter(key) ? [{ path: [...path, key], value: key }] : []),
    ...unseenTexts(item, [...path, key]),
  ]);
}

/** What a schema node is made of, as far as finding the keys of an object inside it needs. */
interface SchemaDef {
  type: string;
  innerType?: SchemaNode;
  in?: SchemaNode;
  shape?: Record<string, SchemaNode>;
  element?: SchemaNode;
}
type SchemaNode = { _zod: { def: SchemaDef } };

/** The keys the schema knows for the object at `path` (through defaults, optionals, transforms and arrays). */
function keysAt(schema: z.ZodType, path: readonly string[]): string[] {
  const unwrap = (node: SchemaNode | undefined): SchemaNode | undefined => {
    const def = node?._zod.def;
    const inner = def?.innerType ?? (def?.type === 'pipe' ? def.in : undefined);
    return inner ? unwrap(inner) : node;
  };
  let node = unwrap(schema as unknown as SchemaNode);
  for (const key of path) {
    const def = node?._zod.def;
    node = unwrap(def?.type === 'object' ? def.shape?.[key] : def?.type === 'array' ? def.element : undefined);
  }
  return Object.keys(node?._zod.def.shape ?? {});
}

/** The deepest existing YAML node on the path (a missing key points at its parent). */
function nearestNode(doc: ReturnType<typeof parseDocument>, path: string[]) {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node)) return node;
  }
  return undefined;
}
