/**
 * QR codes as compact SVG: one <path> of run-length rectangles, exact viewBox with the quiet zone,
 * no width/height by default so the code scales to its container (inline, print, download).
 */
import {
  QUIET_ZONE,
  encodeQr,
  type QrErrorCorrection,
  type QrMode,
  type QrPurpose,
} from './encode';

export type QrSvgOptions = {
  /**
   * Accessible name, written as aria-label and <title> (downloaded files show the title).
   * Defaults to the URL; pages should pass a label in the page's language.
   */
  label?: string;
  /** width and height attributes (a number is CSS pixels). Omitted: the SVG fills its box. */
  size?: number | string;
  /** id of the <path>, so that `renderQrUse` can draw the same code again without repeating it. */
  id?: string;
};

export type QrSvg = {
  svg: string;
  /** The text encoded, exactly (what a page puts in `data-qr`). */
  url: string;
  version: number;
  /** Modules per side of the symbol, EXCLUDING the quiet zone. */
  modules: number;
  /** Quiet zone per side, in modules; the viewBox is modules + 2 × quietZone wide. */
  quietZone: number;
  errorCorrection: QrErrorCorrection;
  segments: QrMode[];
};

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Dark runs of each row as closed rectangles. Moves are relative: after `z` the pen is back at the
 * run's start, so the next run is a short offset from it.
 */
export function qrPathData(dark: Uint8Array, modules: number, offset = QUIET_ZONE): string {
  let d = '';
  let penX = 0;
  let penY = 0;
  for (let y = 0; y < modules; y++) {
    let x = 0;
    while (x < modules) {
      if (!dark[y * modules + x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < modules && dark[y * modules + x]) x++;
      const len = x - start;
      d += d
        ? `m${start - penX} ${y - penY}h${len}v1h-${len}z`
        : `M${start + offset} ${y + offset}h${len}v1h-${len}z`;
      penX = start;
      penY = y;
    }
  }
  return d;
}

export function renderQr(
  url: string,
  purpose: QrPurpose = 'screen',
  options: QrSvgOptions = {},
): QrSvg {
  const m = encodeQr(url, purpose);
  const label = escapeXml(options.label ?? url);
  const size =
    options.size === undefined
      ? ''
      : ` width="${escapeXml(String(options.size))}" height="${escapeXml(String(options.size))}"`;
  const id = options.id ? ` id="${escapeXml(options.id)}"` : '';
  const svg = symbolSvg(
    m.modules,
    `${size} role="img" aria-label="${label}"`,
    `<title>${label}</title><path${id} fill="#000" d="${qrPathData(m.dark, m.modules)}"/>`,
  );
  return {
    svg,
    url,
    version: m.version,
    modules: m.modules,
    quietZone: QUIET_ZONE,
    errorCorrection: m.errorCorrection,
    segments: m.segments,
  };
}

/**
 * The same code again, drawn from the path of a `renderQr({ id })` earlier in the same page: a
 * sheet of 24 labels carries one path instead of 24. Hidden from assistive technology, since the
 * first copy already names the code.
 */
export function renderQrUse(id: string, modules: number): string {
  return symbolSvg(modules, ' aria-hidden="true"', `<use href="#${escapeXml(id)}"/>`);
}

/** The frame every code is drawn in: exact viewBox with the quiet zone, painted white. */
function symbolSvg(modules: number, attributes: string, body: string): string {
  const total = modules + 2 * QUIET_ZONE;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${total} ${total}"` +
    ` shape-rendering="crispEdges"${attributes}>` +
    `<rect width="${total}" height="${total}" fill="#fff"/>${body}</svg>`
  );
}
