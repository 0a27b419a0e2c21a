import type { getTranslations } from 'next-intl/server';
import type { FeeAnswer, TimeAnswer } from '@/lib/content/glance';

type T = Awaited<ReturnType<typeof getTranslations<'procedure'>>>;

/** A short answer in words, the same on the procedure page and the poster. */
export function answerWords(t: T, answer: TimeAnswer | FeeAnswer): string {
  switch (answer.kind) {
    case 'time':
      return t(`answer_${answer.unit}`, { count: answer.value });
    case 'amounts':
      return answer.amounts.map((amount) => t('answer_amount', { amount })).join('; ');
    case 'not-stated':
      return t('notStatedShort');
    default:
      return t(`answer_${answer.kind}`);
  }
}
