import { seriesEntries } from '../charts/chart-data.ts';
import { type Entry, entryOf } from '../ledger/evaluation.ts';
import { planOf } from '../ledger/plan.ts';
import { PROGRESSES } from '../ledger/progress.ts';
import type { Status } from '../ledger/status.ts';
import type { ChartRef } from '../model/chart-ref.ts';
import { formatChange, formatDate, formatRate, formatTarget, formatValue, planNoteText } from '../model/format.ts';
import type { Edition, Project } from '../model/project.ts';
import {
  completionByDomain,
  completionRate,
  countStatuses,
  headlineEntries,
  type StatusCounts,
} from '../model/summary.ts';
import type { Messages } from '../site/messages/index.ts';
import { paths } from '../site/urls.ts';

/** One figure as the 一图读懂 states it: the site's own words and numbers for it. */
export interface DigestFigure {
  id: string;
  name: string;
  /** Value with its unit, as every page writes it (“98.6%”). */
  value: string;
  /** “比上年提高0.4个百分点”; null when there is no previous value to compare with. */
  change: string | null;
  /** “目标 ≥95%”; null when the year has no target. */
  target: string | null;
  status: Status;
  statusText: string;
}

export interface DigestDomain {
  name: string;
  counts: StatusCounts;
  /** “12 项指标，10 项已完成”. */
  countsText: string;
  figures: DigestFigure[];
  /** The trend of the domain's first figure with values in two years or more, when it has one. */
  chart: ChartRef | null;
}

/**
 * An edition's 一图读懂: what its long image and its HTML page both say, in the site's words and with the
 * site's formatting, so web, picture, PDF and CSV agree by construction.
 */
export interface EditionDigest {
  year: number;
  /** “一图读懂《2020年洞头区质量状况白皮书》”. */
  title: string;
  editionTitle: string;
  period: string;
  agency: string;
  siteTitle: string;
  published: string;
  headline: DigestFigure[];
  counts: StatusCounts;
  /** The sentence every page gives: “34 项指标中 28 项已完成、3 项未完成……”. */
  completionText: string;
  /** “完成率 90%”, null when no indicator was judged. */
  rateText: string | null;
  /** Status counts to show as big numbers: met and not met always, the others when there are any. */
  statusCounts: Array<{ status: Status; label: string; count: number }>;
  domains: DigestDomain[];
  /** The plan the edition reports against and how its end targets are progressing; null outside a plan. */
  plan: { text: string; progress: string | null } | null;
  /** The edition page: where the picture's QR code and link lead. */
  path: string;
}

/** Figures per domain when the editor lists none (edition.yaml `digest`). */
const FIGURES_PER_DOMAIN = 3;

export function editionDigest(project: Project, edition: Edition, m: Messages): EditionDigest {
  const figure = (e: Entry): DigestFigure => {
    const change = e.change === null ? null : formatChange(e.change, e.indicator, m);
    return {
      id: e.indicator.id,
      name: e.indicator.name,
      value: formatValue(e.value, e.indicator),
      change: change === null ? null : m.share.change(change),
      target: e.target ? m.share.target(formatTarget(e.target, e.indicator)) : null,
      status: e.status,
      statusText: m.status[e.status],
    };
  };
  const chosen = edition.digest
    ? edition.digest.map((id) => entryOf(edition, id)).filter((e): e is Entry => !!e)
    : null;
  const counts = countStatuses(edition.yearEntries);
  const rate = completionRate(counts);
  const domains = completionByDomain(edition.yearEntries, project.domains).map(({ domain, counts }) => {
    const entries = chosen
      ? chosen.filter((e) => e.indicator.domain === domain)
      : edition.yearEntries
          .filter((e) => e.indicator.domain === domain && typeof e.value === 'number')
          .slice(0, FIGURES_PER_DOMAIN);
    // A trend needs two years: a single point says nothing a figure row does not.
    const years = (e: Entry) =>
      seriesEntries(project, edition, e.indicator).filter((p) => typeof p.value === 'number').length;
    const charted = entries.find((e) => e.indicator.type === 'number' && years(e) >= 2);
    return {
      name: domain,
      counts,
      countsText: m.share.domainCounts(counts.total, counts.met),
      figures: entries.map(figure),
      chart: charted ? ({ kind: 'trend', id: charted.indicator.id } as const) : null,
    };
  });
  const label = (status: Status) => ({ status, label: m.status[status], count: counts[status] });
  const others = (['in_progress', 'discontinued', 'policy_changed', 'not_assessed'] as const).filter(
    (s) => counts[s] > 0,
  );
  return {
    year: edition.year,
    title: m.share.digestTitle(edition.title),
    editionTitle: edition.title,
    period: edition.period,
    agency: project.site.agency,
    siteTitle: project.site.siteTitle,
    published: formatDate(edition.published, m),
    headline: headlineEntries(project, edition).map(figure),
    counts,
    completionText: m.completion(
      counts.total,
      [label('met'), label('not_met')].map((s) => [s.label, s.count]),
      others.map(label).map((s) => [s.label, s.count]),
    ),
    rateText: rate === null ? null : m.share.completionRate(formatRate(rate)),
    statusCounts: [label('met'), label('not_met'), ...others.map(label)],
    domains,
    plan: planProgress(project, edition, m),
    path: paths.edition(edition.year),
  };
}

/** The plan sentence of the edition page (PlanNote) and how many of its end targets are at each pace: “进度正常 5 项，进度偏慢 2 项”. */
function planProgress(project: Project, edition: Edition, m: Messages): EditionDigest['plan'] {
  const plan = planOf(project.plans, edition.year);
  if (!plan) return null;
  const text = planNoteText(plan, edition.year, m);
  const progress = PROGRESSES.map(
    (p) => [m.progress[p], edition.yearEntries.filter((e) => e.plan?.progress === p).length] as const,
  )
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${label} ${m.count(n)}`);
  return { text, progress: progress.length > 0 ? progress.join('，') : null };
}
