import embed from 'vega-embed';

/** Replaces a figure's static SVG with the interactive Vega view (tooltips, SVG/PNG export) in place. */
export async function embedChart(figure: HTMLElement): Promise<void> {
  const canvas = figure.querySelector<HTMLElement>('.chart-canvas');
  const specText = figure.querySelector('script.chart-spec')?.textContent;
  if (!canvas || !specText) return;
  const target = document.createElement('div');
  target.className = 'chart-interactive';
  const result = await embed(target, JSON.parse(specText), {
    renderer: 'svg',
    actions: { export: true, source: false, compiled: false, editor: false },
    i18n: { SVG_ACTION: '导出 SVG', PNG_ACTION: '导出 PNG', CLICK_TO_VIEW_ACTIONS: '图表操作' },
    tooltip: { theme: 'light' },
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
  target.querySelector('summary')?.setAttribute('aria-label', '图表操作：导出 SVG 或 PNG');
  figure.dataset.enhanced = 'done';
  figure.addEventListener('toggle', () => result.view.resize(), { capture: true });
}
