/** What the search box's status line announces after a search. */
export type SearchLabels = {
  locale: string;
  /** `{count}` is replaced by the number of results shown. */
  results: string;
  /** Used instead of `results` for exactly one result, where the language needs it. */
  resultsOne?: string;
  none: string;
};

/** The status line for `count` results, or '' when nothing was searched (`null`). */
export function resultsStatus(count: number | null, labels: SearchLabels): string {
  if (count === null) return '';
  if (count === 0) return labels.none;
  const text = count === 1 && labels.resultsOne ? labels.resultsOne : labels.results;
  return text.replace('{count}', count.toLocaleString(labels.locale));
}
