import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { error, type Problem } from './problems.ts';

const zhCN = z.locales.zhCN();

/**
 * Parses YAML (a config file or an MDX front matter block) and validates it with a zod schema;
 * every problem is reported in Chinese at the line and column of the offending key.
 * `lineOffset` shifts positions when the YAML starts inside a larger file (front matter).
 */
export function parseYamlData<S extends z.ZodType>(
  text: string,
  file: string,
  schema: S,
  labels: Record<string, string>,
  lineOffset = 0,
): { data: z.infer<S> | null; problems: Problem[] } {
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
        error(file, `YAML 格式错误：${e.message.split('\n')[0]}`, {
          ...at(e.pos[0]),
          hint: '冒号后要有空格；缩进只能用空格；含冒号或 # 的文字请用引号包住。',
        }),
      ),
    };
  }
  const result = schema.safeParse(doc.toJS(), { error: zhCN.localeError });
  if (result.success) return { data: result.data, problems: [] };
  const problems = result.error.issues.map((issue) => {
    const path = issue.path.map(String);
    const node = nearestNode(doc, path);
    const position = node?.range ? at(node.range[0]) : { line: 1 + lineOffset, column: 1 };
    const field = path.map((p) => labels[p] ?? p).join(' → ') || '（整个文件）';
    return error(file, `${field}：${issue.message}`, position);
  });
  return { data: null, problems };
}

/** The deepest existing YAML node on the path (a missing key points at its parent). */
function nearestNode(doc: ReturnType<typeof parseDocument>, path: string[]) {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node)) return node;
  }
  return undefined;
}
