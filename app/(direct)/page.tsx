import type { Metadata } from 'next';
import { loadContent } from '@/lib/content/load';
import { homePath, ogPagePath } from '@/lib/links';
import { pageMetadata } from '@/lib/metadata';
import { pick } from '@/lib/text';
import vi from '@/messages/vi.json';

// Language choice that works without JavaScript: a meta refresh to the default language and
// plain links to both.
export function generateMetadata(): Metadata {
  const { site } = loadContent();
  return pageMetadata({
    locale: 'vi',
    title: vi.root.title,
    description: vi.home.title.replace('{ward}', pick(site.name, 'vi')),
    path: homePath,
    image: ogPagePath('vi', 'home'),
  });
}

export default function RootPage() {
  const { site } = loadContent();
  return (
    <>
      <meta httpEquiv="refresh" content={`0; url=${homePath('vi')}`} />
      <main id="main" className="wrap">
        <h1>
          {site.authority.vi}
          {site.authority.en && (
            <>
              <br />
              <span lang="en">{site.authority.en}</span>
            </>
          )}
        </h1>
        <p>{vi.root.title}</p>
        <ul className="lang-choice">
          <li>
            <a className="button" href={homePath('vi')} hrefLang="vi" lang="vi">
              {vi.root.vi}
            </a>
          </li>
          <li>
            <a className="button" href={homePath('en')} hrefLang="en" lang="en">
              {vi.root.en}
            </a>
          </li>
        </ul>
      </main>
    </>
  );
}
