import { cleanExcerpt, planSearch, stripSeparators } from '../lib/publish/search-text.ts';

interface PagefindResult {
  id: string;
  data: () => Promise<{
    url: string;
    excerpt: string;
    meta: Record<string, string>;
    filters: Record<string, string[]>;
  }>;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  search: (q: string, o?: { filters?: Record<string, string> }) => Promise<{ results: PagefindResult[] }>;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The /search/ page: reads ?q= (and year/kind), runs the precise Chinese search, renders links. */
export function startSearchPage(): void {
  const form = $<HTMLFormElement>('search-form');
  const input = $<HTMLInputElement>('search-q');
  const year = $<HTMLSelectElement>('search-year');
  const kind = $<HTMLSelectElement>('search-kind');
  const status = $<HTMLElement>('search-status');
  const list = $<HTMLOListElement>('search-results');
  const text = JSON.parse($('search-strings').textContent!) as Record<string, string> & {
    filterYear: string;
    filterKind: string;
  };
  // A result's year reads as the year filter's own option does (ui.year), so the words stay in the catalogue.
  const yearLabel = (value: string) => [...year.options].find((o) => o.value === value)?.text ?? value;
  const base = import.meta.env.BASE_URL;
  let pagefind: Promise<Pagefind> | undefined;
  const load = () =>
    (pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (p: Pagefind) => {
      await p.options({ baseUrl: base, excerptLength: 40 });
      return p;
    }));
  // A search that cannot load or run says so, instead of “searching…” for ever; the next try starts afresh.
  const failed = () => {
    pagefind = undefined;
    status.textContent = text.failed!;
  };

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  year.value = params.get('year') ?? '';
  kind.value = params.get('kind') ?? '';
  let run = 0;

  async function search(): Promise<void> {
    const q = input.value.trim();
    const mine = ++run;
    list.replaceChildren();
    const plan = planSearch(q);
    if (plan.phrases.length === 0) {
      status.textContent = text.prompt!;
      return;
    }
    status.textContent = text.loading!;
    const filters: Record<string, string> = {};
    if (year.value) filters[text.filterYear] = year.value;
    if (kind.value) filters[text.filterKind] = kind.value;
    const p = await load();
    const [ranked, ...phraseHits] = await Promise.all(
      [plan.ranking, ...plan.phrases].map((query) => p.search(query, { filters })),
    );
    const allowed = phraseHits.map((r) => new Set(r.results.map((x) => x.id)));
    const hits = ranked!.results.filter((r) => allowed.every((s) => s.has(r.id)));
    const pages = await Promise.all(hits.map((h) => h.data()));
    if (mine !== run) return;
    status.textContent = pages.length === 0 ? emptyText(q) : countText(q, pages.length);
    list.replaceChildren(
      ...pages.map((page) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = page.url;
        a.textContent = stripSeparators(page.meta.title ?? page.url);
        const meta = document.createElement('span');
        meta.className = 'result-meta';
        meta.textContent = [
          page.filters[text.filterYear]?.[0] && yearLabel(page.filters[text.filterYear]![0]),
          page.filters[text.filterKind]?.[0],
        ]
          .filter(Boolean)
          .join(' · ');
        const excerpt = document.createElement('p');
        excerpt.innerHTML = cleanExcerpt(page.excerpt);
        li.append(a, meta, excerpt);
        return li;
      }),
    );
  }
  const emptyText = (q: string) => text.empty!.replace('{q}', q);
  const countText = (q: string, n: number) => text.count!.replace('{q}', q).replace('{n}', String(n));

  const searchOrSay = () => search().catch(failed);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (input.value.trim()) next.set('q', input.value.trim());
    if (year.value) next.set('year', year.value);
    if (kind.value) next.set('kind', kind.value);
    history.replaceState(null, '', `?${next}`);
    void searchOrSay();
  });
  for (const select of [year, kind]) select.addEventListener('change', () => form.requestSubmit());
  input.addEventListener('focus', () => void load().catch(() => undefined), { once: true });
  void searchOrSay();
}
