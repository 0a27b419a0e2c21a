import { describe, expect, it } from 'vitest';
import { fold, isCodeLike, normaliseCodeTerm, searchTerms } from './fold';

describe('fold', () => {
  it('folds case and Vietnamese diacritics', () => {
    expect(fold('Đăng ký kết hôn')).toBe('dang ky ket hon');
    expect(fold('CHỨNG THỰC BẢN SAO')).toBe('chung thuc ban sao');
    expect(fold('Người có công với cách mạng')).toBe('nguoi co cong voi cach mang');
    expect(fold('ưu đãi, ơn, ấm, ặ, ỹ')).toBe('uu dai on am a y');
  });

  it('folds đ and Đ to d, and the look-alike eth', () => {
    expect(fold('đất đai')).toBe('dat dai');
    expect(fold('ĐỒ UỐNG')).toBe('do uong');
    expect(fold('Ðăng ký')).toBe('dang ky');
  });

  it('gives the same result for NFC and NFD text', () => {
    const nfc = 'Đăng ký khai sinh, Hộ tịch'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(fold(nfd)).toBe(fold(nfc));
    expect(fold(nfd)).toBe('dang ky khai sinh ho tich');
  });

  it('turns punctuation and runs of spaces into single spaces', () => {
    expect(fold('  đăng   ký\tkết-hôn!!  ')).toBe('dang ky ket hon');
    expect(fold('(Hộ tịch) – "kết hôn"; …')).toBe('ho tich ket hon');
    expect(fold('...')).toBe('');
    expect(fold('PHÍ/LỆ PHÍ')).toBe('phi le phi');
    expect(fold('  Lĩnh\nvực ')).toBe('linh vuc');
  });

  it('keeps the dot inside a procedure code, and reads a decimal comma as one', () => {
    expect(fold('Mã 1.001193.')).toBe('ma 1.001193');
    expect(fold('1,001193')).toBe('1.001193');
    expect(fold('1. 001193')).toBe('1 001193');
    expect(fold('mục 2.a')).toBe('muc 2 a');
  });
});

describe('searchTerms', () => {
  it('splits folded text into words', () => {
    expect(searchTerms(' Đăng ký  kết hôn ')).toEqual(['dang', 'ki', 'ket', 'hon']);
    expect(searchTerms('   ')).toEqual([]);
  });

  it('makes the i/y spellings of one syllable the same word', () => {
    expect(searchTerms('đăng kí')).toEqual(searchTerms('đăng ký'));
    expect(searchTerms('qui định')).toEqual(searchTerms('quy định'));
    expect(searchTerms('lí lịch')).toEqual(searchTerms('lý lịch'));
    // Only a lone final y after a consonant: "uy", "tuyen", "yeu" keep theirs.
    expect(searchTerms('ủy ban tuyển yêu')).toEqual(['uy', 'ban', 'tuyen', 'yeu']);
  });
});

describe('codes', () => {
  it('recognises what can only be the start of a code', () => {
    expect(isCodeLike('1.001193')).toBe(true);
    expect(isCodeLike('1.00')).toBe(true);
    expect(isCodeLike('1')).toBe(true);
    expect(isCodeLike('1a')).toBe(false);
    expect(isCodeLike('hon')).toBe(false);
  });

  it('reads a code typed without its dot', () => {
    expect(normaliseCodeTerm('1001193')).toBe('1.001193');
    expect(normaliseCodeTerm('100119')).toBe('100119');
    expect(normaliseCodeTerm('ket')).toBe('ket');
  });
});
