import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { editionChartRefs } from '../charts/charts.ts';
import { loadProject } from '../content/load-project.ts';
import { chartKey } from '../model/chart-ref.ts';
import type { Project } from '../model/project.ts';
import {
  chartHome,
  editionPictures,
  hasPictures,
  INDICATOR_PICTURES_LIMIT,
  PICTURE_CHART_HEIGHT_LIMIT,
  pictureChartRefs,
} from './pictures.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const demo = loadProject(ROOT);
const latest = demo.editions.at(-1)!;

describe('editionPictures', () => {
  it('pictures every chart of an edition, tall and wide, besides its 一图读懂 and card', () => {
    const refs = editionChartRefs(demo, latest);
    const names = editionPictures(demo, latest).map((p) => p.name);
    expect(names).toHaveLength(refs.length * 2 + 2);
    expect(names).toContain('digest');
    expect(names).toContain('card');
    for (const name of names) expect(name).toMatch(/^[a-z0-9_-]+(\.wide)?$/);
  });

  it('above the limit, pictures only the charts of the report: indicator pages keep their charts, without pictures', () => {
    const indicators = demo.publishedIndicators;
    const many = {
      ...demo,
      publishedIndicators: Array.from({ length: INDICATOR_PICTURES_LIMIT + 1 }, (_, n) => ({
        ...indicators[n % indicators.length]!,
        id: n < indicators.length ? indicators[n]!.id : `extra_${n}`,
      })),
    } as Project;
    const refs = pictureChartRefs(many, latest);
    const inChapters = new Set(latest.chapters.flatMap((c) => c.charts.map(chartKey)));
    expect(refs.length).toBeLessThan(editionChartRefs(many, latest).length);
    for (const ref of refs) if (ref.kind === 'trend') expect(inChapters.has(chartKey(ref))).toBe(true);
    expect(refs.some((r) => r.kind === 'domains')).toBe(true);
    expect(hasPictures(demo, latest, 'trend-pm25')).toBe(true);
  });
});

describe('pictureChartRefs', () => {
  it('leaves out a chart too tall to share as a picture; its page still shows it', () => {
    const ref = editionChartRefs(demo, latest).find((r) => r.kind === 'custom')!;
    expect(hasPictures(demo, latest, chartKey(ref))).toBe(true);
    const file = ref.kind === 'custom' ? ref.spec : '';
    const spec = { ...(latest.customSpecs[file] as object), height: PICTURE_CHART_HEIGHT_LIMIT + 1 };
    const tall = { ...latest, customSpecs: { ...latest.customSpecs, [file]: spec } };
    const keys = pictureChartRefs(demo, tall).map(chartKey);
    expect(keys).not.toContain(chartKey(ref));
    expect(keys).toHaveLength(editionChartRefs(demo, tall).length - 1);
  });
});

describe('chartHome', () => {
  it('opens the chapter that shows a chart, at the chart; a trend of no chapter on its indicator page', () => {
    const chapter = latest.chapters.find((c) => c.charts.length > 0)!;
    const ref = chapter.charts[0]!;
    expect(chartHome(demo, latest, ref)).toBe(`/editions/${latest.year}/${chapter.slug}/#chart-${chartKey(ref)}`);
    const charted = new Set(latest.chapters.flatMap((c) => c.charts.map(chartKey)));
    const lone = demo.publishedIndicators.find((i) => !charted.has(`trend-${i.id}`))!;
    expect(chartHome(demo, latest, { kind: 'trend', id: lone.id })).toBe(`/indicators/${lone.id}/`);
  });
});
