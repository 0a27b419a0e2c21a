import { fontClassName } from '@/app/fonts';
import { homePath, proceduresPath } from '@/lib/links';
import en from '@/messages/en.json';
import vi from '@/messages/vi.json';
import './globals.css';

// The static host serves this page (out/404.html) for every unknown URL, whatever its language,
// so it speaks Vietnamese first and English second.
export default function NotFound() {
  return (
    <html lang="vi" className={fontClassName}>
      <body>
        <main id="main" className="wrap">
          <h1>{vi.notFound.title}</h1>
          <p>{vi.notFound.body}</p>
          <p>
            <a href={homePath('vi')}>{vi.notFound.home}</a> ·{' '}
            <a href={proceduresPath('vi')}>{vi.procedures.title}</a>
          </p>
          <div lang="en">
            <h2>{en.notFound.title}</h2>
            <p>{en.notFound.body}</p>
            <p>
              <a href={homePath('en')}>{en.notFound.home}</a> ·{' '}
              <a href={proceduresPath('en')}>{en.procedures.title}</a>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
