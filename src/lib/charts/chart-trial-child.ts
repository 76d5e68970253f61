/**
 * The trial render's child process (started by chart-trial.ts, never imported): reads a JSON array of
 * specs on stdin and does for each what a page does — its plotted records, the wide, phone and print SVG —
 * writing `start <i>` before and `done <i> <outcome>` after, so the parent knows which chart was running
 * when the time or memory limit stopped this process. Lines are written synchronously (a pipe on Linux).
 */
import { readFileSync, writeSync } from 'node:fs';

import type { TopLevelSpec } from 'vega-lite';

import { plottedData, renderChartSvg } from './chart-svg.ts';
import type { TrialFailure } from './chart-trial.ts';
import { phoneChart, printChart } from './phone-chart.ts';

const say = (line: string) => writeSync(1, `${line}\n`);

/** What went wrong, from the renderer's (English) error: the parent words it for the editor. */
function failure(e: unknown): TrialFailure {
  const message = e instanceof Error ? e.message : String(e);
  if (
    /Illegal callee|Unrecognized function|Unsupported|Unexpected token|Unrecognized signal|not defined/i.test(message)
  )
    return 'expression';
  if (e instanceof RangeError && /string length|array length|Array buffer allocation|call stack/i.test(message))
    return 'memory';
  return 'spec';
}

// Vega reports an error inside its dataflow (an expression that throws, a string past V8's limit) through
// its logger and goes on drawing without the data: a chart the trial must refuse, not pass.
let logged: unknown;
console.error = (...args: unknown[]) => {
  logged ??= args.find((a) => a instanceof Error) ?? new Error(args.join(' '));
};

const specs = JSON.parse(readFileSync(0, 'utf8')) as TopLevelSpec[];
for (const [i, spec] of specs.entries()) {
  say(`start ${i}`);
  let outcome: TrialFailure | 'ok' = 'ok';
  logged = undefined;
  try {
    plottedData(spec);
    for (const design of [spec, phoneChart(spec), printChart(spec)]) {
      // The site's CSP refuses style attributes: a chart needing one is drawn differently in browsers.
      // (Vega's warnings are not the trial's to judge: the build reports them, naming the chart.)
      if (/\sstyle="/.test(await renderChartSvg(design, () => {}))) outcome = 'style';
    }
    if (logged) outcome = failure(logged);
  } catch (e) {
    // What Vega logged first is the cause; what it threw after (no data to read) only the consequence.
    outcome = failure(logged ?? e);
  }
  say(`done ${i} ${outcome}`);
}
