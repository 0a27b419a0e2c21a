import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isRouterPayload, stripRuntime, StripError } from './strip-runtime';

// Real pages as `next build` wrote them (.next/server/app/*.html, Next.js 16.4 with Turbopack),
// before any stripping: the home page (search box), a procedure (share control), a print poster
// (print button and date), the not-found page and the root language choice.
const fixture = (name: string) =>
  readFileSync(path.join(__dirname, 'fixtures', `${name}.html`), 'utf8');
const pages = ['home', 'procedure', 'print-poster', 'not-found', 'root'] as const;

const modules = {
  search: '/js/search-AAAA1111.js',
  share: '/js/share-BBBB2222.js',
  print: '/js/print-CCCC3333.js',
};

const scripts = (html: string) => html.match(/<script\b[^>]*>/gi) ?? [];
const tags = (html: string, re: RegExp) => html.match(re) ?? [];

describe('stripRuntime on real Next output', () => {
  for (const name of pages) {
    const html = fixture(name);
    const out = stripRuntime(html, modules);

    it(`${name}: the fixture is Next's output with its runtime`, () => {
      expect(html).toContain('self.__next_f.push');
      expect(html).toMatch(/<script src="\/_next\/static\/chunks\/[^"]+\.js" async="">/);
    });

    it(`${name}: no script of Next's is left, no router payload, no script preload`, () => {
      expect(out).not.toContain('__next_f');
      expect(out).not.toContain('TURBOPACK');
      expect(out).not.toMatch(/\/_next\/static\/chunks\/[^"]+\.js/);
      expect(out).not.toMatch(/<link[^>]+as="script"/);
      for (const tag of scripts(out))
        expect(tag).toMatch(/^<script (type="application\/ld\+json"|type="module" src="\/js\/)/);
    });

    it(`${name}: stylesheets, font preloads, canonical, hreflang, icon, meta and title stay`, () => {
      const kept = [
        /<link rel="stylesheet"[^>]*>/g,
        /<link rel="preload"[^>]*as="font"[^>]*>/g,
        /<link rel="(canonical|alternate|icon)"[^>]*>/g,
        /<meta [^>]*>/g,
        /<title>[^<]*<\/title>/g,
      ];
      for (const re of kept) expect(tags(out, re)).toEqual(tags(html, re));
      expect(tags(out, /<link rel="stylesheet"/g).length).toBeGreaterThan(0);
      // Next preloads the heading font where a page uses it (not on the plain not-found page).
      if (name !== 'not-found') expect(tags(out, /as="font"/g).length).toBeGreaterThan(0);
    });

    it(`${name}: JSON-LD is kept word for word`, () => {
      const ld = /<script type="application\/ld\+json">[\s\S]*?<\/script>/g;
      expect(tags(out, ld)).toEqual(tags(html, ld));
    });

    it(`${name}: is a fixed point`, () => {
      expect(stripRuntime(out, modules)).toBe(out);
    });
  }

  it('keeps the visible page: the body without scripts is unchanged', () => {
    for (const name of pages) {
      const html = fixture(name);
      const body = (h: string) =>
        h
          .slice(h.indexOf('<body'))
          .split(/<script\b/)
          .map((part, i) => (i === 0 ? part : part.slice(part.indexOf('</script>') + 9)))
          .join('');
      expect(body(stripRuntime(html, modules)), name).toBe(body(html));
      expect(body(html).length, name).toBeGreaterThan(300);
    }
  });

  it('keeps the meta refresh of the root language choice', () => {
    expect(stripRuntime(fixture('root'), modules)).toContain(
      '<meta http-equiv="refresh" content="0; url=/vi/"/>',
    );
  });

  it('adds each module only where the page has what it enhances', () => {
    const own = (name: string) =>
      scripts(stripRuntime(fixture(name), modules)).filter((s) => s.includes('type="module"'));
    expect(own('home')).toEqual([`<script type="module" src="${modules.search}">`]);
    expect(own('procedure')).toEqual([`<script type="module" src="${modules.share}">`]);
    expect(own('print-poster')).toEqual([`<script type="module" src="${modules.print}">`]);
    expect(own('not-found')).toEqual([]);
    expect(own('root')).toEqual([]);
  });

  it('puts our modules in the head', () => {
    const out = stripRuntime(fixture('home'), modules);
    expect(out.indexOf(modules.search)).toBeLessThan(out.indexOf('</head>'));
  });

  it('makes the procedure page much smaller', () => {
    const html = fixture('procedure');
    expect(stripRuntime(html, modules).length).toBeLessThan(html.length / 2);
  });
});

describe('stripRuntime on edge cases', () => {
  const page = (head: string, body = '') =>
    `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

  it('removes modulepreload and script preloads of Next, keeps other preloads', () => {
    const out = stripRuntime(
      page(
        '<link rel="modulepreload" href="/_next/static/chunks/a.js"/>' +
          '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>' +
          '<link rel="preload" href="/_next/static/media/f.woff2" as="font" crossorigin=""/>' +
          '<link rel="preload" as="image" href="/img/a.webp"/>',
      ),
      {},
    );
    expect(out).toBe(
      page(
        '<link rel="preload" href="/_next/static/media/f.woff2" as="font" crossorigin=""/>' +
          '<link rel="preload" as="image" href="/img/a.webp"/>',
      ),
    );
  });

  it('removes every form of Next script: async, noModule, inline payload, chunk loader', () => {
    const out = stripRuntime(
      page(
        '<script src="/_next/static/chunks/x.js" async=""></script>' +
          '<script src="/_next/static/chunks/p.js" noModule=""></script>',
        '<script>(self.__next_f=self.__next_f||[]).push([0])</script>' +
          '<script>self.__next_f.push([1,"a:\\"</scr\\u003c\\""])</script>' +
          '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({})</script>' +
          '<p>text</p>',
      ),
      {},
    );
    expect(out).toBe(page('', '<p>text</p>'));
  });

  it('refuses a script it does not know, naming it', () => {
    expect(() => stripRuntime(page('', '<script>alert(1)</script>'), {})).toThrow(StripError);
    expect(() =>
      stripRuntime(page('<script src="https://cdn.example/x.js"></script>'), {}),
    ).toThrow(/cdn\.example/);
  });

  it('refuses a streamed Suspense boundary, whose content needs a script to show', () => {
    const streamed = page(
      '',
      '<!--$?--><template id="B:0"></template><!--/$--><div hidden id="S:0"><p>late</p></div>',
    );
    expect(() => stripRuntime(streamed, {})).toThrow(/Suspense/);
  });

  it("refuses Next's error document, whose body only the runtime fills", () => {
    const shell =
      '<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden=""><!--$--><!--/$--></div></body></html>';
    expect(() => stripRuntime(shell, {})).toThrow(/error document/);
  });

  it('refuses a page without a head', () => {
    expect(() => stripRuntime('<p>fragment</p>', {})).toThrow(StripError);
  });

  it('takes a marker only from an attribute, not from text that mentions it', () => {
    const text = page('', '<p>data-enhance=&quot;search&quot;</p>');
    expect(stripRuntime(text, modules)).toBe(text);
    const marked = page('', '<search data-enhance="search"></search>');
    expect(stripRuntime(marked, modules)).toContain(
      `<script type="module" src="${modules.search}">`,
    );
  });

  it('adds a module once, however many parts it enhances', () => {
    const out = stripRuntime(
      page('', '<span data-enhance="print"></span><time data-enhance="print"></time>'),
      modules,
    );
    expect(scripts(out)).toEqual([`<script type="module" src="${modules.print}">`]);
  });
});

describe('isRouterPayload', () => {
  it("is Next's segment files and a page's index.txt", () => {
    expect(isRouterPayload('__next._tree.txt', [])).toBe(true);
    expect(isRouterPayload('__next.$d$locale.thu-tuc.$d$code.__PAGE__.txt', [])).toBe(true);
    expect(isRouterPayload('index.txt', ['index.html', 'index.txt'])).toBe(true);
  });

  it('is not robots.txt nor a text file published on its own', () => {
    expect(isRouterPayload('robots.txt', ['index.html'])).toBe(false);
    expect(isRouterPayload('index.txt', ['index.txt'])).toBe(false);
    expect(isRouterPayload('next.txt', [])).toBe(false);
  });
});
