import localFont from 'next/font/local';

// Be Vietnam Pro from npm (no font download at build time). WOFF files are smaller than the
// WOFF2 ones in this package. Two subsets with unicode-range: Latin, then the Vietnamese letters.
//
// On the site, only headings use it (700, preloaded); body text is in the phone's own font. With
// body text in a web font, the long first paragraph a citizen reads was painted twice (fallback,
// then the font once downloaded), which made it the late Largest Contentful Paint on a slow
// network. The print centre sets all its text in Be Vietnam Pro (the "text" faces, 400 and 700,
// not preloaded: fonts are fetched only by pages that use them), since posters and labels are
// laid out and tested in it.

// next/font needs literal options, so the unicode ranges are written out in each face.

const headingLatin = localFont({
  src: '../node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-700-normal.woff',
  weight: '700',
  display: 'swap',
  variable: '--font-heading-latin',
  fallback: ['Arial', 'sans-serif'],
  declarations: [
    {
      prop: 'unicode-range',
      value:
        'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
    },
  ],
});

const headingVietnamese = localFont({
  src: '../node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-700-normal.woff',
  weight: '700',
  display: 'swap',
  variable: '--font-heading-vietnamese',
  fallback: ['Arial', 'sans-serif'],
  declarations: [
    {
      prop: 'unicode-range',
      value:
        'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
    },
  ],
});

const textLatin = localFont({
  src: [
    {
      path: '../node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-400-normal.woff',
      weight: '400',
    },
    {
      path: '../node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-latin-700-normal.woff',
      weight: '700',
    },
  ],
  display: 'swap',
  preload: false,
  variable: '--font-text-latin',
  fallback: ['Arial', 'sans-serif'],
  declarations: [
    {
      prop: 'unicode-range',
      value:
        'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
    },
  ],
});

const textVietnamese = localFont({
  src: [
    {
      path: '../node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-400-normal.woff',
      weight: '400',
    },
    {
      path: '../node_modules/@fontsource/be-vietnam-pro/files/be-vietnam-pro-vietnamese-700-normal.woff',
      weight: '700',
    },
  ],
  display: 'swap',
  preload: false,
  variable: '--font-text-vietnamese',
  fallback: ['Arial', 'sans-serif'],
  declarations: [
    {
      prop: 'unicode-range',
      value:
        'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
    },
  ],
});

export const fontClassName = [headingLatin, headingVietnamese, textLatin, textVietnamese]
  .map((f) => f.variable)
  .join(' ');
