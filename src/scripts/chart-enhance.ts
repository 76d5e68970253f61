/**
 * Progressive enhancement of the server-rendered charts. This module is all the JavaScript a page
 * loads up front (a few hundred bytes); Vega and vega-embed are fetched only when a reader scrolls a
 * chart into view, hovers, touches or focuses it.
 */
export function enhanceCharts(): void {
  const figures = [...document.querySelectorAll<HTMLElement>('[data-chart]')];
  if (figures.length === 0) return;
  const start = (figure: HTMLElement) => {
    if (figure.dataset.enhanced) return;
    figure.dataset.enhanced = 'loading';
    import('./chart-embed.ts')
      .then(({ embedChart }) => embedChart(figure))
      .catch(() => {
        figure.dataset.enhanced = 'failed'; // the static SVG stays: nothing is lost
      });
  };
  const observer =
    'IntersectionObserver' in window
      ? new IntersectionObserver(
          (entries) => {
            for (const entry of entries)
              if (entry.isIntersecting) {
                observer?.unobserve(entry.target);
                start(entry.target as HTMLElement);
              }
          },
          { rootMargin: '200px' },
        )
      : undefined;
  for (const figure of figures) {
    observer?.observe(figure);
    for (const type of ['pointerenter', 'touchstart', 'focusin'])
      figure.addEventListener(type, () => start(figure), { once: true, passive: true });
  }
}
