'use client';

/**
 * Search for procedures and OCOP products. Without JavaScript it is a GET form to the list page
 * (?q=), which lists everything. With JavaScript, the first focus or keystroke fetches the
 * engine and the locale's index file; until then the page pays only for this component.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { SearchHit, SearchIndex } from '@/lib/search/engine';

export type SearchBoxLabels = {
  label: string;
  placeholder: string;
  submit: string;
  /** Announced after each search; `{count}` is replaced by the number of results shown. */
  results: string;
  /** Used instead of `results` for exactly one result, where the language needs it. */
  resultsOne?: string;
  none: string;
  procedure: string;
  product: string;
  /** The clear button is shown only when this is given. */
  clear?: string;
};

export type SearchBoxProps = {
  locale: 'vi' | 'en';
  /** The list page the form submits to without JavaScript, e.g. /vi/thu-tuc/. */
  action: string;
  /** The locale's index file, e.g. /vi/search-index.json. */
  indexUrl: string;
  labels: SearchBoxLabels;
};

const LIMIT = 8;
const DEBOUNCE_MS = 120;

type Loaded = { search: typeof import('@/lib/search/engine').search; index: SearchIndex };

// Shared by every box on the page and kept across client navigations.
const loading = new Map<string, Promise<Loaded>>();

function loadSearch(indexUrl: string): Promise<Loaded> {
  let promise = loading.get(indexUrl);
  if (!promise) {
    promise = Promise.all([
      import('@/lib/search/engine'),
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

function samePath(a: string, b: string): boolean {
  const trim = (p: string) => p.replace(/\/+$/, '');
  return trim(a) === trim(b);
}

export function SearchBox({ locale, action, indexUrl, labels }: SearchBoxProps) {
  const [query, setQuery] = useState('');
  const [answer, setAnswer] = useState<{ query: string; hits: SearchHit[] } | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const id = useId();

  useEffect(() => {
    // Text typed before hydration, or the query the list page was opened with (?q=).
    const typed = inputRef.current?.value ?? '';
    const fromUrl = samePath(window.location.pathname, action)
      ? (new URLSearchParams(window.location.search).get('q') ?? '')
      : '';
    const initial = typed || fromUrl;
    if (initial) setQuery(initial);
  }, [action]);

  useEffect(() => {
    if (!query.trim()) return;
    let current = true;
    const timer = setTimeout(() => {
      loadSearch(indexUrl).then(
        ({ search, index }) => {
          if (current) setAnswer({ query, hits: search(index, query, LIMIT) });
        },
        // Offline or no index: nothing to show; the submit button still leads to the full list.
        () => undefined,
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, indexUrl]);

  // The previous answer stays up while the next is computed, so the list does not flicker as
  // the user types; a late answer to older input is dropped by the effect above.
  const hits = query.trim() && answer ? answer.hits : null;
  const status =
    hits === null
      ? ''
      : hits.length === 0
        ? labels.none
        : (hits.length === 1 && labels.resultsOne ? labels.resultsOne : labels.results).replace(
            '{count}',
            hits.length.toLocaleString(locale),
          );

  function clear() {
    setQuery('');
    setAnswer(null);
    inputRef.current?.focus();
  }

  function links(): HTMLAnchorElement[] {
    return Array.from(listRef.current?.querySelectorAll('a') ?? []);
  }

  function onInputKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' && hits?.length) {
      e.preventDefault();
      links()[0]?.focus();
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      clear();
    }
  }

  function onListKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    const all = links();
    const at = all.indexOf(e.target as HTMLAnchorElement);
    if (at < 0) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      all[Math.min(at + 1, all.length - 1)].focus();
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (at === 0) inputRef.current?.focus();
      else all[at - 1].focus();
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      all[e.key === 'Home' ? 0 : all.length - 1].focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      clear();
    }
  }

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    // A code copied from a paper goes straight to its procedure; anything else to the full list.
    const first = answer?.query === query ? answer.hits[0] : undefined;
    if (first?.tier === 5) {
      e.preventDefault();
      window.location.assign(first.url);
    }
  }

  return (
    // role repeats the element's own for browsers that predate <search> (Safari before 17).
    <search role="search" className="search">
      <form action={action} method="get" className="search-form" onSubmit={onSubmit}>
        <label htmlFor={id} className="search-label">
          {labels.label}
        </label>
        <div className="search-row">
          <input
            ref={inputRef}
            id={id}
            type="search"
            name="q"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onFocus={() => void loadSearch(indexUrl).catch(() => undefined)}
            onKeyDown={onInputKeyDown}
            placeholder={labels.placeholder}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            enterKeyHint="search"
            aria-controls={`${id}-results`}
            className={labels.clear ? 'search-input search-own-clear' : 'search-input'}
          />
          {labels.clear && query && (
            <button type="button" onClick={clear} className="search-clear">
              {labels.clear}
            </button>
          )}
          <button type="submit" className="search-submit">
            {labels.submit}
          </button>
        </div>
      </form>
      <p role="status" aria-live="polite" aria-atomic="true" className="search-status">
        {status}
      </p>
      <ul
        ref={listRef}
        id={`${id}-results`}
        className="search-results"
        onKeyDown={onListKeyDown}
        hidden={!hits?.length}
      >
        {hits?.map((hit) => (
          <li key={hit.url}>
            <a href={hit.url} className="search-result">
              <span className="search-kind">
                {hit.kind === 'procedure' ? labels.procedure : labels.product}
              </span>{' '}
              <span className="search-title">{hit.title}</span>
              {hit.code && (
                <>
                  {' '}
                  <span className="search-code">{hit.code}</span>
                </>
              )}
            </a>
          </li>
        ))}
      </ul>
    </search>
  );
}

export default SearchBox;
