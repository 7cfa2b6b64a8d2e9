// Search pages: apply a facet or a sort order as soon as it changes, and go to the canonical URL
// of the new state. The form works the same without this script (plain GET submission).
const form = document.querySelector('form.search');
const KEY = 'palermo.search.focus';
const store = {
  get() {
    try { return sessionStorage.getItem(KEY); } catch { return null; }
  },
  set(value) {
    try { if (value === null) sessionStorage.removeItem(KEY); else sessionStorage.setItem(KEY, value); } catch { /* storage unavailable */ }
  },
};

/** The query string in canonical order (see canonicalEntries in src/modules/search/domain/params.ts). */
function canonicalQuery(data, order) {
  const out = new URLSearchParams();
  const q = (data.get('q') || '').trim();
  for (const name of order) {
    let values = data.getAll(name).map((v) => String(v).trim()).filter(Boolean);
    if (name === 'q') values = q ? [q] : [];
    else if (name === 'sort') values = values.filter((v) => v !== (q ? 'relevance' : 'date'));
    else if (name !== 'expand') values = [...new Set(values)].sort();
    for (const v of values) out.append(name, v);
  }
  const s = out.toString();
  return s ? `?${s}` : '';
}

if (form) {
  const order = (form.dataset.order || '').split(' ').filter(Boolean);
  form.addEventListener('change', (event) => {
    const target = event.target;
    const isBox = target instanceof HTMLInputElement && target.type === 'checkbox';
    if (!isBox && !(target instanceof HTMLSelectElement)) return;
    // Return focus to the control that changed once the new page has loaded.
    if (target.id) store.set(target.id);
    form.requestSubmit();
  });
  if (order.length) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      window.location.assign(`${form.getAttribute('action')}${canonicalQuery(new FormData(form), order)}`);
    });
  }
  // The filters' disclosure stays open on wide screens in browsers without ::details-content.
  const filters = form.querySelector('details.facets__disclosure');
  if (filters && !CSS.supports('selector(::details-content)') && matchMedia('(width > 700px)').matches) filters.open = true;
  const id = store.get();
  if (id) {
    store.set(null);
    const target = document.getElementById(id);
    // On a narrow screen the ticked box is behind the closed disclosure: open it to give focus back.
    const closed = target?.closest('details:not([open])');
    if (closed) closed.open = true;
    target?.focus();
  }
}
