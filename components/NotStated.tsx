import { getTranslations } from 'next-intl/server';

type Props = { what: 'time' | 'fee' };

/** Said plainly where the national data states no time limit or fee, instead of guessing one. */
export async function NotStated({ what }: Props) {
  const t = await getTranslations('procedure');
  return (
    <p className="not-stated" data-not-stated={what}>
      {t(what === 'time' ? 'notStatedTime' : 'notStatedFee')}
    </p>
  );
}
