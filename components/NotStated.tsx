import { getTranslations } from 'next-intl/server';

type Props = { what: 'time' | 'fee'; locale: string };

/** Said plainly where the national data states no time limit or fee, instead of guessing one. */
export async function NotStated({ what, locale }: Props) {
  const t = await getTranslations({ locale, namespace: 'procedure' });
  return (
    <p className="not-stated" data-not-stated={what}>
      {t(what === 'time' ? 'notStatedTime' : 'notStatedFee')}
    </p>
  );
}
