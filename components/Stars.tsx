/** A star rating that reads as a sentence to screen readers. */
export function Stars({ count, label }: { count: number; label: string }) {
  return (
    <span className="stars" role="img" aria-label={label}>
      {'★'.repeat(count)}
      <span aria-hidden="true" className="stars-off">
        {'★'.repeat(5 - count)}
      </span>
    </span>
  );
}
