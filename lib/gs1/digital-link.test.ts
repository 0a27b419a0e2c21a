import { describe, expect, it } from 'vitest';
import { digitalLinkPath, parseDigitalLink, parseDigitalLinkPath } from './digital-link';

// Test vectors are quoted from GS1's published material, with the expected outcome GS1 gives:
// - SE: GS1's syntax engine, gs1/gs1-syntax-engine, src/c-lib/dl.c, test_dl_parseDLuri (its
//   "Examples from DL specification" block quotes the GS1 Digital Link standard) and
//   test_dl_testValidateDLpathAIseq (the key qualifier orders of AI 01);
// - DLJS: gs1/digital-link.js, tests/index.js;
// - TS: GS1's resolver test suite, gs1/GS1DL-resolver-testsuite, GS1DigitalLinkResolverTestSuite.js
//   (errorCodeChecks appends "/foo" to a valid URI and expects a 400).
// Only GTIN (AI 01) vectors are used: this site's resolver answers GTINs only.

const ok = (uri: string) => {
  const r = parseDigitalLink(uri);
  if (!r.ok) throw new Error(`${uri}: ${r.problem}`);
  return r.link;
};
const problemOf = (uri: string) => {
  const r = parseDigitalLink(uri);
  return r.ok ? null : r.problem;
};

describe('parsing GS1 Digital Link URIs: valid examples', () => {
  it('SE: the examples of the Digital Link standard', () => {
    expect(ok('https://id.gs1.org/01/09520123456788')).toMatchObject({
      gtin: '09520123456788',
      qualifiers: {},
    });
    expect(ok('https://id.gs1.org/01/09520123456788/22/2A').qualifiers).toEqual({ cpv: '2A' });
    expect(ok('https://id.gs1.org/01/09520123456788/10/ABC123').qualifiers).toEqual({
      lot: 'ABC123',
    });
    expect(ok('https://id.gs1.org/01/09520123456788/21/12345').qualifiers).toEqual({
      serial: '12345',
    });
    expect(ok('https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426')).toEqual({
      gtin: '09520123456788',
      qualifiers: { lot: 'ABC1', serial: '12345' },
      attributes: [['17', '180426']],
      params: [],
    });
    expect(ok('https://id.gs1.org/01/09520123456788?3103=000195').attributes).toEqual([
      ['3103', '000195'],
    ]);
    expect(
      ok('https://example.com/01/09520123456788?3103=000195&3922=0299&17=201225').attributes,
    ).toEqual([
      ['3103', '000195'],
      ['3922', '0299'],
      ['17', '201225'],
    ]);
    // "This is fine because we chose an alternate key qualifier" (SE): beside 235, a lot is data.
    expect(ok('https://id.gs1.org/01/09520123456788/235/XYZ?10=ABC123')).toMatchObject({
      qualifiers: { tpx: 'XYZ' },
      attributes: [['10', 'ABC123']],
    });
  });

  it('SE: schemes, hosts and stems', () => {
    for (const uri of [
      'http://a/01/12312312312333',
      'HTTP://a/01/12312312312333',
      'HTTPS://a/01/12312312312333',
      'https://xn--fsq.xn--0zwm56d/01/12312312312333',
      'https://a:65535/01/12312312312333',
      'https://192.0.2.1/01/12312312312333',
      'https://[2001:db8::1]/01/12312312312333',
      'https://a/stem/01/12312312312333',
      'https://a/01/faux/01/12312312312333',
    ])
      expect(ok(uri).gtin, uri).toBe('12312312312333');
  });

  it('SE: all three qualifiers in order; query oddities; percent-encoding; fragments', () => {
    expect(ok('https://a/01/12312312312333/22/TEST/10/ABC/21/XYZ').qualifiers).toEqual({
      cpv: 'TEST',
      lot: 'ABC',
      serial: 'XYZ',
    });
    expect(ok('https://a/01/12312312312333?99=ABC&98=XYZ').attributes).toEqual([
      ['99', 'ABC'],
      ['98', 'XYZ'],
    ]);
    expect(ok('https://a/01/12312312312333?&&&99=ABC&&&&&&98=XYZ&&&').attributes).toHaveLength(2);
    expect(ok('https://a/01/12312312312333?singleton&99=ABC&unknown=666&98=XYZ')).toMatchObject({
      attributes: [
        ['99', 'ABC'],
        ['98', 'XYZ'],
      ],
      params: [['unknown', '666']],
    });
    const escaped = ok('https://a/01/12312312312333/22/ABC%2d123?99=ABC&98=XYZ%2f987');
    expect(escaped.qualifiers.cpv).toBe('ABC-123');
    expect(escaped.attributes).toContainEqual(['98', 'XYZ/987']);
    // "+" is a plus sign in the path.
    expect(ok('https://a/01/12312312312333/22/ABC+123').qualifiers.cpv).toBe('ABC+123');
    expect(ok('https://a/01/12312312312333/22/test/10/abc/21/xyz#fragment').qualifiers).toEqual({
      cpv: 'test',
      lot: 'abc',
      serial: 'xyz',
    });
    expect(ok('https://a/01/12312312312333?').attributes).toEqual([]);
  });

  it('SE: every order of the GTIN key qualifiers that GS1 allows', () => {
    for (const seq of [
      [],
      ['21'],
      ['10'],
      ['10', '21'],
      ['22'],
      ['22', '21'],
      ['22', '10'],
      ['22', '10', '21'],
      ['235'],
    ]) {
      const path = `/01/09520123456788${seq.map((ai) => `/${ai}/X1`).join('')}`;
      expect(parseDigitalLinkPath(path).ok, path).toBe(true);
    }
  });

  it('DLJS: key qualifiers and a custom attribute', () => {
    const link = ok(
      'https://gs1.evrythng.com/01/09780345418913/10/38737643/21/58943?15=230911&thngId=U5mQKGDpnymBwQwRakyBqeYh',
    );
    expect(link.qualifiers).toEqual({ lot: '38737643', serial: '58943' });
    expect(link.attributes).toEqual([['15', '230911']]);
    expect(link.params).toEqual([['thngId', 'U5mQKGDpnymBwQwRakyBqeYh']]);
  });
});

describe('parsing GS1 Digital Link URIs: invalid examples', () => {
  it('SE: not a Digital Link at all', () => {
    for (const uri of [
      '',
      'ftp://',
      'http://',
      'http:///',
      'http://a',
      'http://a/',
      'http://a/b',
      'http://a/b/',
      'HtTp://a/b/01/12312312312333',
      'https://$a/01/12312312312333',
      'https://[fe80::1%25lo]/01/12312312312333',
    ])
      expect(problemOf(uri), uri).not.toBeNull();
  });

  it('SE: a trailing slash, an empty or unknown attribute, a qualifier in the query, duplicates', () => {
    expect(problemOf('https://a/stem/01/12312312312333/')).toMatch(/slash/);
    expect(problemOf('https://a/01/12312312312333?99=')).toMatch(/\(99\)/);
    expect(problemOf('https://a/01/12312312312333?99=ABC&999=faux')).toMatch(/\(999\)/);
    expect(problemOf('https://example.com/01/09520123456788?10=ABC123')).toMatch(/path/);
    expect(
      problemOf('https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&01=09520123456788'),
    ).toMatch(/primary key/);
    expect(
      problemOf('https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&10=ABC123'),
    ).not.toBeNull();
    expect(problemOf('https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&99=XYZ789')).toMatch(
      /twice/,
    );
    expect(problemOf('https://example.com/01/09520123456788/89/ABC123?99=XYZ')).toMatch(/\/89\//);
    expect(problemOf('https://example.com/01/09520123456788?99=XYZ&89=ABC123')).toMatch(/\(89\)/);
    // "+" in the query is a space, which no AI value may hold.
    expect(problemOf('https://a/01/12312312312333/22/ABC%2d123?99=ABC&98=XYZ+987')).toMatch(
      /\(98\)/,
    );
  });

  it('SE: a GTIN-13, -12 or -8 is not written as such in a URI (14 digits required)', () => {
    expect(problemOf('https://a/01/2112345678900')).toMatch(/14 digits: \/01\/02112345678900/);
    expect(problemOf('https://a/01/416000336108')).toMatch(/\/01\/00416000336108/);
    expect(problemOf('https://a/01/02345673')).toMatch(/\/01\/00000002345673/);
  });

  it('DLJS: a GTIN with a stray letter', () => {
    expect(problemOf('https://gs1.evrythng.com/01/9780345418913d')).not.toBeNull();
  });

  it('TS: an unknown path segment after a valid URI', () => {
    expect(problemOf('https://id.gs1.org/01/09506000134352/foo')).toMatch(/"\/foo" has no value/);
  });

  it('a wrong check digit names the digit expected', () => {
    expect(problemOf('https://id.gs1.org/01/09506000134353')).toBe(
      'the check digit of GTIN 09506000134353 should be 2, not 3',
    );
  });

  it('qualifiers out of GS1 order, repeated, or 235 with another', () => {
    for (const path of [
      '/01/09520123456788/10/ABC/22/X',
      '/01/09520123456788/21/1/10/ABC',
      '/01/09520123456788/21/1/22/X',
      '/01/09520123456788/10/ABC/10/DEF',
      '/01/09520123456788/235/X/21/1',
      '/01/09520123456788/10/' + 'A'.repeat(21),
    ])
      expect(parseDigitalLinkPath(path).ok, path).toBe(false);
    expect(parseDigitalLinkPath('/01/09520123456788/10/ABC/22/X')).toMatchObject({
      problem: expect.stringMatching(/out of order/),
    });
  });
});

describe('building Digital Link paths', () => {
  it('writes the qualifiers in GS1 order whatever order they are given in (DLJS)', () => {
    // DLJS "should set the key identifiers in the right order": lot, cpv, serial given → 22/10/21.
    expect(digitalLinkPath('00000012345670', { lot: '211', cpv: '122113', serial: '2121' })).toBe(
      '/01/00000012345670/22/122113/10/211/21/2121',
    );
    expect(digitalLinkPath('09506000134352')).toBe('/01/09506000134352');
    expect(
      digitalLinkPath('09520123456788', { lot: 'ABC1', serial: '12345' }, [['17', '180426']]),
    ).toBe('/01/09520123456788/10/ABC1/21/12345?17=180426');
  });

  it('percent-encodes values and parses back to the same data', () => {
    const path = digitalLinkPath('09520123456788', { cpv: 'ABC-123', lot: 'A/B' }, [
      ['98', 'XYZ/987'],
    ]);
    expect(path).toBe('/01/09520123456788/22/ABC-123/10/A%2FB?98=XYZ%2F987');
    const [p, q] = path.split('?');
    expect(parseDigitalLinkPath(p, q)).toMatchObject({
      ok: true,
      link: { qualifiers: { cpv: 'ABC-123', lot: 'A/B' }, attributes: [['98', 'XYZ/987']] },
    });
  });

  it('refuses to build what GS1 does not allow', () => {
    expect(() => digitalLinkPath('9506000134352')).toThrow(/14 digits/);
    expect(() => digitalLinkPath('09506000134353')).toThrow(/should be 2/);
    expect(() => digitalLinkPath('09506000134352', { tpx: 'X', lot: 'L' })).toThrow(/235/);
    expect(() => digitalLinkPath('09506000134352', { lot: 'lô 1' })).toThrow(/character set/);
  });
});
