import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

import { formatFileSize } from '../site/file-size.ts';
import { diagnostics } from '../site/messages/index.ts';
import { jsonPosition, MAX_SPEC_BYTES, MAX_SPEC_DEPTH, specFault } from './spec-rules.ts';

/**
 * An editor's custom Vega-Lite spec is data, not a program: a bare file name in its edition's folder
 * (no path, no symlink out of it), whose only data is the ledger the build supplies. Anything that could
 * load a file or a URL, or make a mark a link, is refused here; expressions (filters, calculations) are
 * kept, since the renderer interprets them without `eval` (vega-interpreter) and loads nothing, but only
 * the constructs and bounds of spec-rules.ts: nothing an editor writes may hang or exhaust the build.
 */
export type CustomSpecRead =
  | { ok: true; spec: Record<string, unknown> }
  /** `hint`: what to do instead, for a broken rule of spec-rules.ts (others take the chapter's hint). */
  | { ok: false; message: string; hint?: string };

/** Keys that load data or make marks links, anywhere in a spec; `data` is allowed only as the ledger, at the top. */
const FORBIDDEN_KEYS = new Set(['url', 'href', 'signals', 'params', 'datasets', 'loader', 'usermeta']);
const SPEC_NAME = /^[^/\\]+\.vl\.json$/;

export function readCustomSpec(editionDir: string, name: string, shownPath: string): CustomSpecRead {
  const d = diagnostics().customSpec;
  if (!SPEC_NAME.test(name) || name.startsWith('.')) return { ok: false, message: d.badName(name) };
  const path = join(editionDir, name);
  if (!existsSync(path)) return { ok: false, message: d.notFound(shownPath) };
  if (!realpathSync(path).startsWith(realpathSync(editionDir) + sep))
    return { ok: false, message: d.outside(shownPath) };
  const size = statSync(path).size;
  if (size > MAX_SPEC_BYTES)
    return { ok: false, message: d.tooLarge(shownPath, formatFileSize(size), formatFileSize(MAX_SPEC_BYTES)) };
  const text = readFileSync(path, 'utf8');
  let spec: unknown;
  try {
    spec = JSON.parse(text);
  } catch (e) {
    // Say where, never what: a message quoting the file would echo whatever it holds.
    const at = Number(/position (\d+)/.exec((e as Error).message)?.[1] ?? NaN);
    const before = Number.isNaN(at) ? null : text.slice(0, at).split('\n');
    return {
      ok: false,
      message: d.notJson(shownPath, before?.length ?? null, before ? before.at(-1)!.length + 1 : null),
    };
  }
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec))
    return { ok: false, message: d.notJson(shownPath, null, null) };
  const top = spec as Record<string, unknown>;
  const data = top.data as Record<string, unknown> | undefined;
  if (!data || data.name !== 'ledger' || Object.keys(data).length !== 1)
    return { ok: false, message: d.data(shownPath) };
  const forbidden = forbiddenPath(top, []);
  if (forbidden) return { ok: false, message: d.forbidden(shownPath, forbidden) };
  const fault = specFault(top);
  if (!fault) return { ok: true, spec: top };
  const { line } = jsonPosition(text, fault.path);
  return { ok: false, message: d.rule(shownPath, line, fault.path.join('.'), fault.reason), hint: d.rulesHint };
}

/** The first path to a key that loads, links or declares data below the top level, e.g. `layer.0.data`. */
function forbiddenPath(value: unknown, path: string[]): string | null {
  // Deeper is refused by specFault (a JSON file can nest further than the stack allows recursion).
  if (path.length > MAX_SPEC_DEPTH) return null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = forbiddenPath(item, [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const here = [...path, key];
    if (FORBIDDEN_KEYS.has(key) || (key === 'data' && path.length > 0)) return here.join('.');
    const found = forbiddenPath(item, here);
    if (found) return found;
  }
  return null;
}
