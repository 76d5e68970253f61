import embed from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import type { TopLevelSpec } from 'vega-lite';

import { phoneChart } from '../lib/charts/phone-chart.ts';
import type { Messages } from '../lib/site/messages/index.ts';

/**
 * Replaces a figure's static SVG with the interactive Vega view (tooltips, SVG/PNG export) in place.
 * The export menu's words come with the figure (`data-chart-actions`, from the site's catalogue).
 */
export async function embedChart(figure: HTMLElement): Promise<void> {
  const canvas = figure.querySelector<HTMLElement>('.chart-canvas');
  const specText = figure.querySelector('script.chart-spec')?.textContent;
  if (!canvas || !specText || !figure.dataset.chartActions) return;
  const words = JSON.parse(figure.dataset.chartActions) as Messages['chart']['actions'];
  const target = document.createElement('div');
  target.className = 'chart-interactive';
  // The live chart takes the static one's size (set through the CSSOM, which a strict CSP allows).
  const shown = [...canvas.querySelectorAll('svg')].find((svg) => svg.getBoundingClientRect().width > 0);
  const drawn = shown?.getBoundingClientRect();
  // The interactive chart follows the design on screen: the phone one in a phone's column.
  const spec = JSON.parse(specText) as TopLevelSpec;
  if (drawn) target.style.maxWidth = `${drawn.width}px`;
  const result = await embed(target, shown?.classList.contains('chart-phone') ? phoneChart(spec) : spec, {
    renderer: 'svg',
    // Expressions interpreted, not compiled with eval: works under a Content-Security-Policy without 'unsafe-eval'.
    ast: true,
    expr: expressionInterpreter,
    actions: { export: true, source: false, compiled: false, editor: false },
    i18n: { SVG_ACTION: words.svg, PNG_ACTION: words.png, CLICK_TO_VIEW_ACTIONS: words.menu },
    // No <style> elements injected (a strict CSP forbids them): site.css styles the tooltip and menu.
    defaultStyle: false,
    forceActionsMenu: true, // the menu in its <details>, as with the default style
    tooltip: { theme: 'light', disableDefaultStyle: true },
  });
  // The static SVG keeps the space until the live view is ready: no layout shift.
  canvas.replaceChildren(target);
  // The live view holds a menu (interactive), so the image role and name move from the box to the SVG,
  // and the icon-only menu button gets a name.
  const label = canvas.getAttribute('aria-label') ?? '';
  canvas.removeAttribute('role');
  canvas.removeAttribute('aria-label');
  const svg = target.querySelector('svg');
  svg?.setAttribute('role', 'img');
  svg?.setAttribute('aria-label', label);
  target.querySelector('summary')?.setAttribute('aria-label', words.menuLabel);
  // vega-embed adds a form for parameter bindings even when a chart has none: an empty form with no
  // submit button confuses assistive technology (HTML_CodeSniffer H32.2).
  target.querySelector('form.vega-bindings:empty')?.remove();
  figure.dataset.enhanced = 'done';
  figure.addEventListener('toggle', () => result.view.resize(), { capture: true });
}
