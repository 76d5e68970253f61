/**
 * Filters table rows by the form's selects (each select's name matches a row's data-* attribute),
 * keeps the choice in the URL (?domain=…&status=…) and announces the count. Without JavaScript
 * the form submits and every row stays visible.
 */
export function filterTable(formId: string, rowSelector: string, countId: string, templateId: string): void {
  const form = document.getElementById(formId) as HTMLFormElement | null;
  if (!form) return;
  const rows = [...document.querySelectorAll<HTMLElement>(rowSelector)];
  const count = document.getElementById(countId)!;
  const template = JSON.parse(document.getElementById(templateId)!.textContent!) as string;
  const selects = [...form.querySelectorAll('select')];
  const params = new URLSearchParams(location.search);
  for (const s of selects) s.value = params.get(s.name) ?? '';
  const apply = () => {
    let shown = 0;
    for (const row of rows) {
      const visible = selects.every((s) => !s.value || row.dataset[s.name] === s.value);
      row.hidden = !visible;
      if (visible) shown++;
    }
    count.textContent = template.replace('{n}', String(shown));
    const next = new URLSearchParams();
    for (const s of selects) if (s.value) next.set(s.name, s.value);
    history.replaceState(null, '', next.size ? `?${next}` : location.pathname);
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  apply();
}
