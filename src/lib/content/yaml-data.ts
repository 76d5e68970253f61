import { isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { diagnostics } from '../site/messages/index.ts';
import { error, type Problem } from './problems.ts';
import { controlCharacter } from './control-characters.ts';

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
  const hidden = controlPath(data, []);
  if (hidden) {
    const node = nearestNode(doc, hidden.path);
    return {
      data: null,
      problems: [
        error(file, d.csv.controlCharacter(hidden.code), {
          ...(node?.range ? at(node.range[0]) : { line: 1 + lineOffset }),
          hint: d.csv.controlCharacterHint,
        }),
      ],
    };
  }
  const result = schema.safeParse(data, { error: d.schema.zodMessages });
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String);
    const node = nearestNode(doc, path);
    const position = node?.range ? at(node.range[0]) : { line: 1 + lineOffset, column: 1 };
    const field = d.yaml.field(path.map((p) => d.schema.fields[p] ?? p));
    return error(file, d.yaml.issue(field, issue.message), position);
  });
  return { data: null, problems };
}

/** The path to the first text holding an invisible control character, and which. */
function controlPath(value: unknown, path: string[]): { path: string[]; code: string } | null {
  if (typeof value === 'string') {
    const code = controlCharacter(value);
    return code ? { path, code } : null;
  }
  if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) {
      const found = controlPath(item, [...path, key]);
      if (found) return found;
    }
  return null;
}

/** The deepest existing YAML node on the path (a missing key points at its parent). */
function nearestNode(doc: ReturnType<typeof parseDocument>, path: string[]) {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node)) return node;
  }
  return undefined;
}
