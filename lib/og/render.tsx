/**
 * The one share-image renderer (Open Graph, 1200×630 PNG) behind every /og/ route: the ward in a
 * band at the top, what the page is, its title (wrapped and shrunk to fit, never overflowing),
 * a few details, the product photo and star rating where there are, and the page's QR code.
 * Drawn with next/og (satori + resvg) from Be Vietnam Pro, and cached on disk (lib/cache.ts), so a
 * rebuild only draws what changed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ImageResponse } from 'next/og';
import sharp from 'sharp';
import { cached } from '../cache';
import { renderQr } from '../qr';
import { fitText, type Fitted } from './fit';
import {
  OG_FONT_FAMILY,
  OG_WEIGHTS,
  describeChar,
  missingGlyphs,
  ogFonts,
  ogFontsHash,
} from './fonts';

export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** Bump when the drawing changes: it is part of the cache key, so every image is redrawn. */
export const OG_RENDERER_VERSION = 3;

export type OgCard = {
  /** What the page is, above the title: "Thủ tục hành chính", "Sản phẩm OCOP · Thực phẩm". */
  kicker: string;
  title: string;
  /** Short lines under the title: a procedure's code and field, a product's producer. */
  details: string[];
  /** The ward's authority and province, in the top band. */
  authority: string;
  province: string;
  /** A product's OCOP star rating (only while its certificate is valid). */
  stars?: { count: number; label: string };
  /** Path of a photo for the left column (a product's first image). */
  photo?: string;
  /** The QR code: the URL it encodes, that URL as printed for people, and a hint. */
  qr: { url: string; caption: string; hint: string };
  /** A note that the content is demonstration data, while the site says so. */
  demo?: string;
};

const colour = {
  ink: '#1b1b1b',
  muted: '#4a4a4a',
  brand: '#9b1c1c',
  tint: '#f3f6f9',
  line: '#c9d2db',
  star: '#b7791f',
  starOff: '#d5d9de',
  demo: '#fff3bf',
};

const HEADER = 92;
const HEADER_PAD_X = 52;
const PROVINCE_WIDTH = 320;
const BODY = OG_HEIGHT - HEADER;
const PAD_Y = 44;
const PHOTO = 400;
const GAP = 16;

/** Column widths and the QR size: a page with a photo gives the QR code a little less room. */
function layout(withPhoto: boolean) {
  return withPhoto
    ? { padX: 40, qrColumn: 304, qrSize: 236 }
    : { padX: 52, qrColumn: 336, qrSize: 264 };
}

/** Every piece of text the card draws, with the weight it is drawn in. */
function texts(card: OgCard): { text: string; weight: 400 | 700 }[] {
  return [
    { text: card.kicker, weight: 700 },
    { text: card.title, weight: 700 },
    ...card.details.map((text) => ({ text, weight: 400 as const })),
    { text: card.authority, weight: 700 },
    { text: card.province, weight: 400 },
    ...(card.stars ? [{ text: card.stars.label, weight: 700 as const }] : []),
    { text: card.qr.caption, weight: 700 },
    { text: card.qr.hint, weight: 400 },
    ...(card.demo ? [{ text: card.demo, weight: 700 as const }] : []),
  ];
}

/** Throws when a character of the card is in no image font: satori would drop it silently. */
export function assertDrawable(card: OgCard): void {
  const problems = texts(card).flatMap(({ text }) =>
    OG_WEIGHTS.flatMap((w) => missingGlyphs(text, w)).map(
      (ch) => `${describeChar(ch)} in "${text}"`,
    ),
  );
  if (problems.length) {
    throw new Error(
      `Share image: no font has ${[...new Set(problems)].join(', ')}. ` +
        'Add a fontsource subset that has it to SUBSETS in lib/og/fonts.ts (e.g. latin-ext), or change the text.',
    );
  }
}

function normalise(card: OgCard): OgCard {
  const n = (s: string) => s.normalize('NFC');
  return {
    ...card,
    kicker: n(card.kicker),
    title: n(card.title),
    details: card.details.map(n),
    authority: n(card.authority),
    province: n(card.province),
    stars: card.stars && { ...card.stars, label: n(card.stars.label) },
    qr: { ...card.qr, caption: n(card.qr.caption), hint: n(card.qr.hint) },
    demo: card.demo && n(card.demo),
  };
}

function Lines({
  fitted,
  weight,
  lineHeight,
  color,
}: {
  fitted: Fitted;
  weight: 400 | 700;
  lineHeight: number;
  color: string;
}) {
  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        fontSize: fitted.fontSize,
        fontWeight: weight,
        lineHeight,
        color,
      }}
    >
      {fitted.lines.map((line, i) => (
        <div key={i} style={{ display: 'flex', whiteSpace: 'nowrap' }}>
          {line}
        </div>
      ))}
    </div>
  );
}

const STAR = 'M12 1.8l3.1 6.4 7 1-5.1 4.9 1.2 7L12 17.8l-6.2 3.3 1.2-7L1.9 9.2l7-1z';

const STAR_SIZE = 34;
const STARS_HEIGHT = 44;
const STARS_WIDTH = 5 * (STAR_SIZE + 4) + 10;

/** The five stars as one picture (one layer for librsvg instead of five masked images). */
function starsSvg(count: number): string {
  const scale = STAR_SIZE / 24;
  const paths = [0, 1, 2, 3, 4].map(
    (i) =>
      `<path transform="translate(${i * (STAR_SIZE + 4)} 0) scale(${scale})" d="${STAR}" ` +
      `fill="${i < count ? colour.star : colour.starOff}"/>`,
  );
  const width = 5 * (STAR_SIZE + 4);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${STAR_SIZE}" viewBox="0 0 ${width} ${STAR_SIZE}">${paths.join('')}</svg>`;
}

function Stars({ count, label }: { count: number; label: Fitted }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', height: STARS_HEIGHT, marginTop: GAP }}>
      <Picture
        src={dataUrl('image/svg+xml', starsSvg(count))}
        width={5 * (STAR_SIZE + 4)}
        height={STAR_SIZE}
      />
      <div style={{ display: 'flex', marginLeft: 10 }}>
        <Lines fitted={label} weight={700} lineHeight={1.2} color={colour.ink} />
      </div>
    </div>
  );
}

function dataUrl(type: string, data: Buffer | string): string {
  return `data:${type};base64,${Buffer.from(data).toString('base64')}`;
}

/**
 * An image of exactly its box's size, as a CSS background: satori draws an <img> with a clip path
 * and a mask, which librsvg renders as extra full-size layers (a card took 25.7 ms to rasterise
 * with its QR code as an <img>, 14.3 ms without it; a background pattern costs about 1 ms).
 */
function Picture({ src, width, height }: { src: string; width: number; height: number }) {
  return (
    <div
      style={{
        width,
        height,
        flexShrink: 0,
        backgroundImage: `url(${src})`,
        backgroundSize: `${width}px ${height}px`,
      }}
    />
  );
}

/**
 * The photo for the left column, whole (never cropped: a label or a face at its edge stays), on
 * a blurred, darkened copy of itself that fills the rest of the column.
 */
async function photoDataUrl(file: string): Promise<string> {
  const source = readFileSync(file);
  const fill = await sharp(source)
    .rotate()
    .resize(PHOTO, BODY, { fit: 'cover' })
    .blur(18)
    .modulate({ brightness: 0.8 })
    .toBuffer();
  const photo = await sharp(source).rotate().resize(PHOTO, BODY, { fit: 'inside' }).toBuffer();
  const jpeg = await sharp(fill)
    .composite([{ input: photo, gravity: 'centre' }])
    // Only librsvg reads this copy (the card is a PNG): plain libjpeg, not the slower mozjpeg.
    .jpeg({ quality: 90 })
    .toBuffer();
  return dataUrl('image/jpeg', jpeg);
}

/** A URL on one line, or else broken after its host name (never inside a word of the path). */
function fitUrl(url: string, width: number): Fitted {
  const oneLine = fitText(url, { width, maxLines: 1, maxSize: 20, minSize: 17, weight: 700 });
  if (!oneLine.truncated) return oneLine;
  const slash = url.indexOf('/');
  const parts = slash > 0 ? [url.slice(0, slash), url.slice(slash)] : [url];
  const fitted = parts.map((p) =>
    fitText(p, { width, maxLines: 1, maxSize: 20, minSize: 12, weight: 700 }),
  );
  const fontSize = Math.min(...fitted.map((f) => f.fontSize));
  return {
    fontSize,
    lines: fitted.flatMap((f) => f.lines),
    truncated: fitted.some((f) => f.truncated),
  };
}

/** The card as satori elements. */
async function draw(card: OgCard) {
  const { padX, qrColumn, qrSize } = layout(Boolean(card.photo));
  const textWidth = OG_WIDTH - qrColumn - (card.photo ? PHOTO : 0) - 2 * padX;
  const inner = BODY - 2 * PAD_Y;

  const kicker = fitText(card.kicker.toLocaleUpperCase(), {
    width: textWidth,
    maxLines: 2,
    maxSize: 24,
    minSize: 18,
    weight: 700,
  });
  const details = card.details.map((d) =>
    fitText(d, { width: textWidth, maxLines: 3, maxSize: 26, minSize: 20, weight: 400 }),
  );
  const stars =
    card.stars &&
    fitText(card.stars.label, {
      width: textWidth - STARS_WIDTH,
      maxLines: 1,
      maxSize: 26,
      minSize: 16,
      weight: 700,
    });
  const used =
    kicker.lines.length * kicker.fontSize * 1.25 +
    GAP +
    (stars ? STARS_HEIGHT + GAP : 0) +
    details.reduce((h, d) => h + d.lines.length * d.fontSize * 1.3 + 8, details.length ? GAP : 0) +
    (card.demo ? GAP + 32 : 0);
  const title = fitText(card.title, {
    width: textWidth,
    height: inner - used,
    lineHeight: 1.15,
    maxSize: card.photo ? 58 : 66,
    minSize: 30,
    weight: 700,
  });
  const authority = fitText(card.authority, {
    width: OG_WIDTH - 2 * HEADER_PAD_X - PROVINCE_WIDTH - 20,
    maxLines: 1,
    maxSize: 32,
    minSize: 22,
    weight: 700,
  });
  const province = fitText(card.province, {
    width: PROVINCE_WIDTH,
    maxLines: 1,
    maxSize: 24,
    minSize: 18,
    weight: 400,
  });
  const caption = fitUrl(card.qr.caption, qrColumn - 40);
  const qr = renderQr(card.qr.url, 'screen').svg;
  const photo = card.photo ? await photoDataUrl(card.photo) : undefined;

  return (
    <div
      style={{
        display: 'flex',
        flexDirection: 'column',
        width: OG_WIDTH,
        height: OG_HEIGHT,
        background: '#fff',
        color: colour.ink,
        fontFamily: OG_FONT_FAMILY,
      }}
    >
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          height: HEADER,
          padding: `0 ${HEADER_PAD_X}px`,
          background: colour.brand,
          color: '#fff',
        }}
      >
        <Lines fitted={authority} weight={700} lineHeight={1.2} color="#fff" />
        <Lines fitted={province} weight={400} lineHeight={1.2} color="#fff" />
      </div>
      <div style={{ display: 'flex', height: BODY }}>
        {photo && <Picture src={photo} width={PHOTO} height={BODY} />}
        <div
          style={{
            display: 'flex',
            flexDirection: 'column',
            flexGrow: 1,
            width: textWidth + 2 * padX,
            padding: `${PAD_Y}px ${padX}px`,
          }}
        >
          <Lines fitted={kicker} weight={700} lineHeight={1.25} color={colour.brand} />
          <div style={{ display: 'flex', marginTop: GAP }}>
            <Lines fitted={title} weight={700} lineHeight={1.15} color={colour.ink} />
          </div>
          {card.stars && stars && <Stars count={card.stars.count} label={stars} />}
          {details.length > 0 && (
            <div style={{ display: 'flex', flexDirection: 'column', marginTop: GAP }}>
              {details.map((d, i) => (
                <div key={i} style={{ display: 'flex', marginTop: 8 }}>
                  <Lines fitted={d} weight={400} lineHeight={1.3} color={colour.muted} />
                </div>
              ))}
            </div>
          )}
          {card.demo && (
            <div style={{ display: 'flex', marginTop: 'auto' }}>
              <div
                style={{
                  display: 'flex',
                  padding: '2px 12px',
                  borderRadius: 6,
                  background: colour.demo,
                  color: colour.ink,
                  fontSize: 20,
                  fontWeight: 700,
                  whiteSpace: 'nowrap',
                }}
              >
                {card.demo}
              </div>
            </div>
          )}
        </div>
        <div style={{ width: 1, flexShrink: 0, background: colour.line }} />
        <div
          style={{
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            justifyContent: 'center',
            width: qrColumn - 1,
            flexShrink: 0,
            background: colour.tint,
            padding: '0 24px',
          }}
        >
          <Picture src={dataUrl('image/svg+xml', qr)} width={qrSize} height={qrSize} />
          <div style={{ display: 'flex', marginTop: 12, textAlign: 'center' }}>
            <Lines fitted={caption} weight={700} lineHeight={1.25} color={colour.ink} />
          </div>
          <div style={{ display: 'flex', marginTop: 6, fontSize: 20, color: colour.muted }}>
            {card.qr.hint}
          </div>
        </div>
      </div>
    </div>
  );
}

/** Draws a card to a 1200×630 PNG, without the cache. */
export async function drawOgImage(input: OgCard): Promise<Buffer> {
  const card = normalise(input);
  assertDrawable(card);
  const res = new ImageResponse(await draw(card), {
    width: OG_WIDTH,
    height: OG_HEIGHT,
    fonts: ogFonts(),
  });
  return Buffer.from(await res.arrayBuffer());
}

/** The cache key: everything the image depends on, the photo by its content. */
export function ogCacheKey(card: OgCard): string {
  const photo = card.photo
    ? createHash('sha256').update(readFileSync(card.photo)).digest('hex')
    : null;
  return `og${OG_RENDERER_VERSION}:${ogFontsHash()}:${JSON.stringify({ ...normalise(card), photo })}`;
}

/** Draws a card to a 1200×630 PNG, or reads it from the build cache. */
export async function renderOgImage(card: OgCard): Promise<Buffer> {
  return cached(ogCacheKey(card), 'png', () => drawOgImage(card));
}
