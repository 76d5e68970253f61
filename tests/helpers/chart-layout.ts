/**
 * Layout checks of the charts on a page, run in the browser (page.evaluate): text size on screen and
 * text meeting other text, a point or a line. Returns a sentence per problem.
 */
export function chartLayoutProblems(minFontPx: number): string[] {
  const problems: string[] = [];
  const meets = (a: DOMRect, b: DOMRect, pad: number) =>
    a.left < b.right - pad && b.left < a.right - pad && a.top < b.bottom - pad && b.top < a.bottom - pad;
  const shown = [...document.querySelectorAll<SVGSVGElement>('.chart-canvas > svg')].filter(
    (svg) => svg.getBoundingClientRect().width > 0,
  );
  for (const svg of shown) {
    const id = svg.closest('figure')!.id;
    const box = svg.getBoundingClientRect();
    const scale = box.width / svg.viewBox.baseVal.width;
    const texts = [...svg.querySelectorAll('text')]
      .filter((t) => t.textContent!.trim() !== '')
      .map((t) => ({
        text: t.textContent!.trim(),
        rect: t.getBoundingClientRect(),
        size: parseFloat(getComputedStyle(t).fontSize) * scale,
      }));
    for (const t of texts) {
      if (t.size < minFontPx) problems.push(`${id}: “${t.text}” at ${t.size.toFixed(1)} px`);
      if (
        t.rect.left < box.left - 1 ||
        t.rect.right > box.right + 1 ||
        t.rect.top < box.top - 1 ||
        t.rect.bottom > box.bottom + 1
      )
        problems.push(`${id}: “${t.text}” outside the chart`);
    }
    texts.forEach((a, i) =>
      texts.slice(i + 1).forEach((b) => {
        if (meets(a.rect, b.rect, 0.5)) problems.push(`${id}: “${a.text}” meets “${b.text}”`);
      }),
    );
    const points = [...svg.querySelectorAll('.role-mark.mark-symbol path')].map((p) => p.getBoundingClientRect());
    for (const t of texts)
      if (points.some((p) => meets(t.rect, p, 1))) problems.push(`${id}: “${t.text}” meets a point`);
    for (const line of svg.querySelectorAll<SVGPathElement>('.role-mark.mark-line path')) {
      const length = line.getTotalLength();
      const toScreen = line.getScreenCTM()!;
      const onLine = Array.from({ length: 201 }, (_, k) =>
        line.getPointAtLength((length * k) / 200).matrixTransform(toScreen),
      );
      for (const t of texts)
        if (
          onLine.some(
            (p) =>
              p.x > t.rect.left + 0.5 &&
              p.x < t.rect.right - 0.5 &&
              p.y > t.rect.top + 0.5 &&
              p.y < t.rect.bottom - 0.5,
          )
        )
          problems.push(`${id}: “${t.text}” meets a line`);
    }
  }
  return problems;
}
