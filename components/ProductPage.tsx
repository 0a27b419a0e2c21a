import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { otherLocale, type Locale } from '@/i18n/routing';
import { loadContent } from '@/lib/content/load';
import { buildDate, productStatus } from '@/lib/content/lifecycle';
import type { Product } from '@/lib/content/schema';
import { formatDate } from '@/lib/format';
import { imageSet } from '@/lib/images';
import { PRODUCT_SECTIONS } from '@/lib/gs1/linkset';
import {
  absoluteUrl,
  gs1Path,
  ogProductPath,
  productPath,
  productQrPath,
  productsPath,
  qrUrl,
  telHref,
  zaloUrl,
  qrDownloadBase,
} from '@/lib/links';
import { pageMetadata } from '@/lib/metadata';
import { shareLabels } from '@/lib/og/labels';
import { productLd } from '@/lib/structured-data';
import { hasUntranslated, isDemoValue, pick } from '@/lib/text';
import { JsonLd } from './JsonLd';
import { Picture } from './Picture';
import { QrBlock } from './QrBlock';
import { ShareControl } from './ShareControl';
import { OfficialTextNote } from './OfficialTextNote';
import { SiteShell } from './SiteShell';
import { Stars } from './Stars';
import { DemoMark, TextRow, Txt } from './Txt';
import { getProduct } from '@/lib/content/lookup';

export function findProduct(slug: string): Product {
  const product = getProduct(loadContent(), slug);
  if (!product) notFound();
  return product;
}

export function productMetadata(locale: Locale, product: Product): Metadata {
  const meta = pageMetadata({
    locale,
    title: pick(product.name, locale),
    description: pick(product.summary ?? product.name, locale),
    path: (l) => productPath(l, product.slug),
    image: ogProductPath(locale, product.slug),
  });
  return productStatus(product) === 'withdrawn'
    ? { ...meta, robots: { index: false, follow: true } }
    : meta;
}

/** A product page, shared by /{locale}/ocop/{slug}/, the short link /P/… and GS1 /01/…. */
export async function ProductPage({ locale, product: p }: { locale: Locale; product: Product }) {
  const { site } = loadContent();
  const t = await getTranslations('product');
  const tl = await getTranslations('ocopList');
  const tg = await getTranslations('groups');
  const status = productStatus(p);
  const today = buildDate();
  const demo = (path: string) => <DemoMark show={isDemoValue(p.demoValues, path)} />;
  const images = await Promise.all(p.images.map((img) => imageSet(p, img.file)));
  const url = absoluteUrl(site, productPath(locale, p.slug));

  return (
    <SiteShell
      locale={locale}
      alternateHref={productPath(otherLocale(locale), p.slug)}
      crumbs={[{ href: productsPath(locale), label: tl('title') }, { label: pick(p.name, locale) }]}
    >
      <JsonLd
        data={productLd(
          p,
          locale,
          url,
          images.map((i) => absoluteUrl(site, i.fallback)),
          p.gtin && absoluteUrl(site, gs1Path(p.gtin)),
        )}
      />
      <article>
        <h1>
          <Txt text={p.name} locale={locale} />
        </h1>
        <OfficialTextNote locale={locale} show={hasUntranslated(p)} what="product" />
        {status === 'withdrawn' && (
          <div className="notice" role="region" aria-label={t('status')}>
            <p>
              {t('withdrawn', {
                date: formatDate(p.withdrawn!.on, locale),
                reason: pick(p.withdrawn!.reason, locale),
              })}
            </p>
          </div>
        )}
        {status === 'expired' && p.certificate.expires && (
          <div className="notice" role="region" aria-label={t('status')}>
            <p>
              {t('certificate')}:{' '}
              {t('expired', { date: formatDate(p.certificate.expires, locale) })}
            </p>
          </div>
        )}
        {p.summary && (
          <p className="lead">
            <Txt text={p.summary} locale={locale} />
          </p>
        )}
        <div className="facts">
          <div className="fact">
            <h2>{t('rating')}</h2>
            <p>
              <Stars count={p.stars} label={t('starsLabel', { count: p.stars })} />
            </p>
          </div>
          {p.group && (
            <div className="fact">
              <h2>{t('group')}</h2>
              <p>{tg(p.group)}</p>
            </div>
          )}
          <div className="fact">
            <h2>{t('producer')}</h2>
            <p>
              <Txt text={p.producer.name} locale={locale} />
              {demo('producer.name')}
            </p>
          </div>
        </div>

        <Picture
          set={images[0]}
          alt={pick(p.images[0].alt, locale)}
          sizes="(max-width: 60rem) 100vw, 60rem"
          priority
        />

        <section aria-labelledby={PRODUCT_SECTIONS.certificationInfo}>
          <h2 id={PRODUCT_SECTIONS.certificationInfo}>{t('certificate')}</h2>
          <dl className="kv">
            <dt>{t('certificateNumber')}</dt>
            <dd>
              {p.certificate.number}
              {demo('certificate.number')}
            </dd>
            <dt>{t('certificateDate')}</dt>
            <dd>
              {p.certificate.date ? formatDate(p.certificate.date, locale) : p.certificate.year}
              {demo('certificate.date')}
            </dd>
            <dt>{t('certificateIssuer')}</dt>
            <dd>
              <Txt text={p.certificate.issuer} locale={locale} />
              {demo('certificate.issuer')}
            </dd>
            {p.certificate.expires && (
              <>
                <dt>{t('certificateExpires')}</dt>
                <dd>
                  {formatDate(p.certificate.expires, locale)}{' '}
                  {status === 'expired' ? (
                    <span className="status-bad">
                      ({t('expired', { date: formatDate(p.certificate.expires, locale) })})
                    </span>
                  ) : (
                    <span className="status-ok">
                      ({t('valid', { date: formatDate(today, locale) })})
                    </span>
                  )}
                </dd>
              </>
            )}
          </dl>
        </section>

        <section aria-labelledby={PRODUCT_SECTIONS.traceability}>
          <h2 id={PRODUCT_SECTIONS.traceability}>{t('traceability')}</h2>
          <p>{t('traceabilityIntro')}</p>
          <dl className="kv">
            <dt>{t('productName')}</dt>
            <dd>
              <Txt text={p.name} locale={locale} />
            </dd>
            <dt>{t('producerAndAddress')}</dt>
            <dd>
              <Txt text={p.producer.name} locale={locale} />
              {demo('producer.name')}
              {', '}
              <Txt text={p.producer.address} locale={locale} />
              {demo('producer.address')}
            </dd>
            <dt>{t('brand')}</dt>
            <dd>
              {p.brand ?? <span className="not-stated">{t('notStated')}</span>}
              {p.brand && demo('brand')}
            </dd>
            <dt>{t('gtin')}</dt>
            <dd>
              {p.gtin ? (
                <>
                  <span className="gtin">{p.gtin}</span>
                  {demo('gtin')}
                  {isDemoValue(p.demoValues, 'gtin') && (
                    <span className="gtin-example"> ({t('gtinExample')})</span>
                  )}
                </>
              ) : (
                <span className="not-stated">{t('notStated')}</span>
              )}
            </dd>
            {p.gtin && (
              <>
                <dt>{t('digitalLink')}</dt>
                <dd className="digital-link">{absoluteUrl(site, gs1Path(p.gtin))}</dd>
              </>
            )}
            <dt>{t('lots')}</dt>
            <dd>
              {p.lots.length ? (
                <ul className="lots">
                  {p.lots.map((lot, i) => (
                    <li key={lot.code}>
                      {t('lotCode', { code: lot.code })}
                      {lot.producedOn &&
                        `, ${t('producedOn', { date: formatDate(lot.producedOn, locale) })}`}
                      {lot.expiresOn &&
                        `, ${t('lotExpires', { date: formatDate(lot.expiresOn, locale) })}`}
                      {demo(`lots[${i}]`)}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="not-stated">{t('notStated')}</span>
              )}
            </dd>
            <dt>{t('marketedSince')}</dt>
            <dd>
              {p.marketedSince ? (
                <>
                  {formatDate(p.marketedSince, locale)}
                  {demo('marketedSince')}
                </>
              ) : (
                <span className="not-stated">{t('notStated')}</span>
              )}
            </dd>
            <dt>{t('shelfLife')}</dt>
            <dd>
              {p.shelfLife ? (
                <>
                  <Txt text={p.shelfLife} locale={locale} />
                  {demo('shelfLife')}
                </>
              ) : (
                <span className="not-stated">{t('notStated')}</span>
              )}
            </dd>
            <dt>{t('standards')}</dt>
            <dd>
              {p.standards.length ? (
                <ul className="standards">
                  {p.standards.map((std, i) => (
                    <li key={std.code}>
                      {std.code}
                      {std.title && (
                        <>
                          {': '}
                          <Txt text={std.title} locale={locale} />
                        </>
                      )}
                      {demo(`standards[${i}]`)}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="not-stated">{t('notStated')}</span>
              )}
            </dd>
          </dl>
        </section>

        <section aria-labelledby="producer">
          <h2 id="producer">{t('producer')}</h2>
          <dl className="kv">
            <dt>{t('producer')}</dt>
            <dd>
              <Txt text={p.producer.name} locale={locale} />
              {demo('producer.name')}
            </dd>
            {p.producer.representative && (
              <>
                <dt>{t('representative')}</dt>
                <dd>
                  {p.producer.representative}
                  {demo('producer.representative')}
                </dd>
              </>
            )}
            <dt>{t('address')}</dt>
            <dd>
              <Txt text={p.producer.address} locale={locale} />
              {demo('producer.address')}
            </dd>
            {p.producer.phone && (
              <>
                <dt>{t('phone')}</dt>
                <dd>
                  <a href={telHref(p.producer.phone)}>{p.producer.phone}</a>
                  {demo('producer.phone')}
                </dd>
              </>
            )}
            {p.producer.zalo && (
              <>
                <dt>{t('zalo')}</dt>
                <dd>
                  <a href={zaloUrl(p.producer.zalo)}>{p.producer.zalo}</a>
                  {demo('producer.zalo')}
                </dd>
              </>
            )}
            {p.producer.website && (
              <>
                <dt>{t('website')}</dt>
                <dd>
                  <a href={p.producer.website}>{p.producer.website}</a>
                </dd>
              </>
            )}
          </dl>
        </section>

        <section aria-labelledby="story">
          <h2 id="story">{t('story')}</h2>
          {p.story && <Txt as="p" text={p.story} locale={locale} />}
          {p.description && (
            <>
              <h2>{t('description')}</h2>
              <Txt as="p" text={p.description} locale={locale} />
            </>
          )}
          <dl className="kv">
            <TextRow label={t('netQuantity')} text={p.netQuantity} locale={locale} />
            <TextRow label={t('packaging')} text={p.packaging} locale={locale} />
            <TextRow label={t('ingredients')} text={p.ingredients} locale={locale} />
            <TextRow label={t('shelfLife')} text={p.shelfLife} locale={locale} />
            <TextRow label={t('storage')} text={p.storage} locale={locale} />
          </dl>
        </section>

        {p.pointsOfSale.length > 0 && (
          <section aria-labelledby={PRODUCT_SECTIONS.whereToBuy}>
            <h2 id={PRODUCT_SECTIONS.whereToBuy}>{t('whereToBuy')}</h2>
            <ul>
              {p.pointsOfSale.map((s, i) => (
                <li key={i}>
                  {s.url ? (
                    <a href={s.url}>{pick(s.name, locale)}</a>
                  ) : (
                    <Txt text={s.name} locale={locale} />
                  )}
                  {s.address && (
                    <>
                      {', '}
                      <Txt text={s.address} locale={locale} />
                    </>
                  )}
                  {s.phone && (
                    <>
                      {', '}
                      <a href={telHref(s.phone)}>{s.phone}</a>
                    </>
                  )}
                  {demo(`pointsOfSale[${i}]`)}
                </li>
              ))}
            </ul>
          </section>
        )}

        <QrBlock
          url={qrUrl(site, productQrPath(p))}
          downloadBase={qrDownloadBase('P', p.shortCode)}
        />
        <ShareControl url={url} title={pick(p.name, locale)} labels={shareLabels(locale, url)} />

        {images.length > 1 && (
          <section aria-labelledby="images">
            <h2 id="images">{t('images')}</h2>
            <div className="gallery">
              {images.slice(1).map((set, i) => (
                <Picture
                  key={i}
                  set={set}
                  alt={pick(p.images[i + 1].alt, locale)}
                  sizes="(max-width: 40rem) 100vw, 20rem"
                />
              ))}
            </div>
          </section>
        )}
      </article>
    </SiteShell>
  );
}
