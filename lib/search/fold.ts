/**
 * The one text-folding rule: what a citizen types on a phone without a Vietnamese keyboard
 * ("dang ky ket hon") must meet what the content says ("Đăng ký kết hôn"), and the importers match
 * a source's header and field names ("PHÍ/LỆ PHÍ", "Lĩnh vực") the same way. Used at build time to
 * index and in the browser to query, so it stays free of Node APIs.
 */

const COMBINING_MARKS = /\p{M}/gu;
// Latin capital/small eth look like đ/Đ and turn up in text typed with old Vietnamese code pages.
const D_LIKE = /[đĐðÐ]/g;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
const DIGIT = /\d/;

/**
 * Folds case and Vietnamese diacritics (đ/Đ to d), in NFC or NFD alike, and turns punctuation and
 * runs of spaces into single spaces. A dot or comma between digits is kept as a dot so that a
 * procedure code (1.001193, or 1,001193 typed on a keypad with a decimal comma) stays one word.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(D_LIKE, 'd')
    .toLowerCase()
    .replace(SEPARATORS, (sep: string, offset: number, whole: string) =>
      (sep === '.' || sep === ',') &&
      DIGIT.test(whole.charAt(offset - 1)) &&
      DIGIT.test(whole.charAt(offset + 1))
        ? '.'
        : ' ',
    )
    .trim();
}

// "ký"/"kí", "lý"/"lí", "quy"/"qui" are both in use (the 1980s spelling reform was never settled),
// so a syllable whose only vowel is a final y is indexed and searched with i.
const Y_SYLLABLE = /^(?:b|c|ch|d|g|gh|h|k|kh|l|m|n|ng|ngh|nh|p|ph|qu|r|s|t|th|tr|v|x)y$/;

/** The search terms of a text: folded words, with the i/y spelling variants made one. */
export function searchTerms(text: string): string[] {
  const folded = fold(text);
  if (!folded) return [];
  return folded.split(' ').map((w) => (Y_SYLLABLE.test(w) ? `${w.slice(0, -1)}i` : w));
}

/** A whole national procedure code, e.g. 1.001193. */
export const CODE = /^\d\.\d{6}$/;

/** Something typed that can only be (the start of) a procedure code: digits, maybe one dot. */
export function isCodeLike(term: string): boolean {
  return /^\d+(?:\.\d*)?$/.test(term);
}

/** A code typed without its dot (1001193) is read as the code (1.001193). */
export function normaliseCodeTerm(term: string): string {
  return /^\d{7}$/.test(term) ? `${term[0]}.${term.slice(1)}` : term;
}
