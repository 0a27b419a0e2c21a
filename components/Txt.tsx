import { getTranslations } from 'next-intl/server';
import type { LocalText } from '@/lib/content/schema';
import { localize } from '@/lib/text';

type Props = { text: LocalText; locale: string; as?: 'span' | 'p' | 'div' | 'strong' };

/** Text in the page's language, or the Vietnamese text marked as such with a short note. */
export async function Txt({ text, locale, as: Tag = 'span' }: Props) {
  const t = localize(text, locale);
  if (!t.fallback) return <Tag>{t.value}</Tag>;
  const tr = await getTranslations('common');
  return (
    <Tag lang="vi">
      {t.value}
      <span lang={locale} className="untranslated">
        ({tr('untranslated')})
      </span>
    </Tag>
  );
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
