import { getTranslations } from 'next-intl/server';
import type { LocalText } from '@/lib/content/schema';
import { localize } from '@/lib/text';

type Props = { text: LocalText; locale: string; as?: 'span' | 'p' | 'div' | 'strong' };

/**
 * Text in the page's language, or the Vietnamese text marked lang="vi" (read aloud in
 * Vietnamese). The page says once that such text is Vietnamese only (OfficialTextNote), not
 * beside every paragraph.
 */
export function Txt({ text, locale, as: Tag = 'span' }: Props) {
  const t = localize(text, locale);
  return <Tag lang={t.fallback ? 'vi' : undefined}>{t.value}</Tag>;
}

/** A term and its text in a description list; nothing where the content has no such text. */
export function TextRow({
  label,
  text,
  locale,
}: {
  label: string;
  text?: LocalText;
  locale: string;
}) {
  if (!text) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <Txt text={text} locale={locale} />
      </dd>
    </>
  );
}

/** A mark beside a value that is demonstration data rather than a verified fact. */
export async function DemoMark({ show }: { show: boolean }) {
  if (!show) return null;
  const t = await getTranslations('common');
  return (
    <span className="demo-mark" title={t('demoValueTitle')}>
      {t('demoValue')}
    </span>
  );
}
