import { getTranslations } from 'next-intl/server';
import type { Procedure } from '@/lib/content/schema';
import { pick } from '@/lib/text';
import { Txt } from './Txt';

type Form = Procedure['documents'][number]['items'][number]['forms'][number];

/** A document's form templates, by the name the national portal gives, linked where it links. */
export async function FormTemplates({ forms, locale }: { forms: Form[]; locale: string }) {
  if (!forms.length) return null;
  const t = await getTranslations({ locale, namespace: 'procedure' });
  return (
    <span className="doc-meta doc-forms">
      {t('formTemplates')} ({t('formFileNote')}):{' '}
      {forms.map((f, i) => (
        <span key={i}>
          {i > 0 && '; '}
          {f.url ? (
            <a href={f.url}>{pick(f.title, locale)}</a>
          ) : (
            <Txt text={f.title} locale={locale} />
          )}
        </span>
      ))}
    </span>
  );
}
