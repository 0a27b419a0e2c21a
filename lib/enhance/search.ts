/**
 * The search box, enhanced (browser module, bundled by scripts/build-modules.ts). Without
 * JavaScript the box is a GET form to the list page (?q=), which lists everything. Here, the first
 * focus or keystroke fetches the engine and the locale's index file; results show under the box
 * as the user types, are announced in the status line, and are reached with the arrow keys.
 *
 * Markup (components/Search.tsx): `<search data-enhance="search" data-index=… data-locale=…
 * data-label-*>` around the form, a `role=status` line and an empty `<ul hidden>`.
 */
import type { SearchHit, SearchIndex } from '../search/engine';
import { resultsStatus, type SearchLabels } from './search-status';

const LIMIT = 8;
const DEBOUNCE_MS = 120;

type Loaded = { search: typeof import('../search/engine').search; index: SearchIndex };

const loading = new Map<string, Promise<Loaded>>();

function loadSearch(indexUrl: string): Promise<Loaded> {
  let promise = loading.get(indexUrl);
  if (!promise) {
    promise = Promise.all([
      import('../search/engine'),
      fetch(indexUrl).then((r) => {
        if (!r.ok) throw new Error(`${indexUrl}: HTTP ${r.status}`);
        return r.json();
      }),
    ]).then(([engine, json]) => ({ search: engine.search, index: engine.loadIndex(json) }));
    // A failed fetch (a phone going offline) is retried on the next keystroke.
    promise.catch(() => loading.delete(indexUrl));
    loading.set(indexUrl, promise);
  }
  return promise;
}

const trimSlash = (p: string) => p.replace(/\/+$/, '');

function enhance(root: HTMLElement) {
  const form = root.querySelector('form');
  const input = root.querySelector<HTMLInputElement>('input[type="search"]');
  const status = root.querySelector<HTMLElement>('[role="status"]');
  const list = root.querySelector<HTMLUListElement>('ul');
  const submit = root.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (!form || !input || !status || !list || !submit) return;
  enhanceBox(root, form, input, status, list, submit);
}

function enhanceBox(
  root: HTMLElement,
  form: HTMLFormElement,
  input: HTMLInputElement,
  status: HTMLElement,
  list: HTMLUListElement,
  submit: HTMLButtonElement,
) {
  const d = root.dataset;
  const indexUrl = d.index!;
  const labels: SearchLabels = {
    locale: d.locale ?? 'vi',
    results: d.labelResults ?? '',
    resultsOne: d.labelResultsOne,
    none: d.labelNone ?? '',
  };

  let answer: { query: string; hits: SearchHit[] } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;

  const clearButton = d.labelClear ? document.createElement('button') : null;
  if (clearButton) {
    clearButton.type = 'button';
    clearButton.className = 'search-clear';
    clearButton.textContent = d.labelClear!;
    clearButton.hidden = true;
    clearButton.addEventListener('click', clear);
    submit.before(clearButton);
    input.classList.add('search-own-clear');
  }

  const links = () => Array.from(list.querySelectorAll('a'));

  function render(hits: SearchHit[] | null) {
    // An answer can land after the user has arrowed into the older list (a debounce still pending
    // when they pressed ArrowDown); focus stays at the same place in the new list, not lost.
    const focused = links().indexOf(document.activeElement as HTMLAnchorElement);
    list.replaceChildren(
      ...(hits ?? []).map((hit) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = hit.url;
        a.className = 'search-result';
        const kind = document.createElement('span');
        kind.className = 'search-kind';
        kind.textContent = hit.kind === 'procedure' ? d.labelProcedure! : d.labelProduct!;
        const title = document.createElement('span');
        title.className = 'search-title';
        title.textContent = hit.title;
        a.append(kind, ' ', title);
        if (hit.code) {
          const code = document.createElement('span');
          code.className = 'search-code';
          code.textContent = hit.code;
          a.append(' ', code);
        }
        li.append(a);
        return li;
      }),
    );
    list.hidden = !hits?.length;
    status.textContent = resultsStatus(hits?.length ?? null, labels);
    if (focused >= 0) {
      const all = links();
      (all[Math.min(focused, all.length - 1)] ?? input).focus();
    }
  }

  function update() {
    const query = input.value;
    if (clearButton) clearButton.hidden = !query;
    clearTimeout(timer);
    if (!query.trim()) {
      answer = null;
      render(null);
      return;
    }
    const ticket = ++asked;
    timer = setTimeout(() => {
      loadSearch(indexUrl).then(
        ({ search, index }) => {
          // A late answer to older input is dropped; the previous one stays up meanwhile, so the
          // list does not flicker as the user types.
          if (ticket !== asked) return;
          answer = { query, hits: search(index, query, LIMIT) };
          render(answer.hits);
        },
        // Offline or no index: nothing to show; the submit button still leads to the full list.
        () => undefined,
      );
    }, DEBOUNCE_MS);
  }

  function clear() {
    input.value = '';
    update();
    input.focus();
  }

  input.addEventListener('input', update);
  input.addEventListener('focus', () => void loadSearch(indexUrl).catch(() => undefined));
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && !list.hidden) {
      e.preventDefault();
      links()[0]?.focus();
    } else if (e.key === 'Escape' && input.value) {
      e.preventDefault();
      clear();
    }
  });
  list.addEventListener('keydown', (e) => {
    const all = links();
    const at = all.indexOf(e.target as HTMLAnchorElement);
    if (at < 0) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (at === 0) input.focus();
      else all[at - 1].focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      all[e.key === 'Home' ? 0 : all.length - 1].focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      clear();
    }
  });
  form.addEventListener('submit', (e) => {
    // A code copied from a paper goes straight to its procedure; anything else to the full list.
    const first = answer?.query === input.value ? answer.hits[0] : undefined;
    if (first?.tier === 5) {
      e.preventDefault();
      window.location.assign(first.url);
    }
  });

  // Text typed before this module ran, or the query the list page was opened with (?q=).
  if (!input.value && trimSlash(location.pathname) === trimSlash(form.getAttribute('action')!))
    input.value = new URLSearchParams(location.search).get('q') ?? '';
  if (input.value) update();
}

for (const root of document.querySelectorAll<HTMLElement>('[data-enhance="search"]')) enhance(root);
