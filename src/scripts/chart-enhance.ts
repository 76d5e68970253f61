/**
 * Progressive enhancement of the server-rendered charts. This module is all the JavaScript a page
 * loads up front (a few hundred bytes); Vega and vega-embed (~290 KB gzip) are fetched only when a reader
 * shows intent — points at, touches, presses or focuses a chart — never because a chart is on screen.
 */
export function enhanceCharts(): void {
  const start = (figure: HTMLElement) => {
    if (figure.dataset.enhanced) return;
    figure.dataset.enhanced = 'loading';
    import('./chart-embed.ts')
      .then(({ embedChart }) => embedChart(figure))
      .catch(() => {
        figure.dataset.enhanced = 'failed'; // the static SVG stays: nothing is lost
      });
  };
  for (const figure of document.querySelectorAll<HTMLElement>('[data-chart]'))
    for (const type of ['pointerenter', 'pointerdown', 'touchstart', 'focusin'])
      figure.addEventListener(type, () => start(figure), { once: true, passive: true });
}
