import type { ImageSet } from '@/lib/images';

/** A responsive photo: WebP sources, a JPEG fallback, and its size set so nothing shifts. */
export function Picture({
  set,
  alt,
  sizes,
  priority = false,
}: {
  set: ImageSet;
  alt: string;
  sizes: string;
  priority?: boolean;
}) {
  return (
    <picture>
      {set.sources.map((s) => (
        <source key={s.type} type={s.type} srcSet={s.srcSet} sizes={sizes} />
      ))}
      <img
        src={set.fallback}
        alt={alt}
        width={set.width}
        height={set.height}
        loading={priority ? 'eager' : 'lazy'}
        decoding="async"
        {...(priority && { fetchPriority: 'high' as const })}
      />
    </picture>
  );
}
