/**
 * The QR policy in one place: which error correction a code gets, and its module matrix.
 * Rendering (SVG, PNG) works from the matrix so every output draws exactly the same symbol.
 */
import QRCode from 'qrcode';

/** Where a code is used. Outdoor signs get more error correction (dirt, glare, weather). */
export type QrPurpose = 'screen' | 'poster' | 'label' | 'outdoor';
export type QrErrorCorrection = 'M' | 'Q';

/** Light modules around the symbol, as the QR standard requires for reliable scanning. */
export const QUIET_ZONE = 4;

export function errorCorrectionFor(purpose: QrPurpose): QrErrorCorrection {
  return purpose === 'outdoor' ? 'Q' : 'M';
}

export type QrMode = 'numeric' | 'alphanumeric' | 'byte' | 'kanji';

export type QrMatrix = {
  /** The text encoded, exactly. */
  text: string;
  version: number;
  errorCorrection: QrErrorCorrection;
  /** Modules per side of the symbol, without the quiet zone (21 for version 1, +4 a version). */
  modules: number;
  /** Row-major, 1 = dark. */
  dark: Uint8Array;
  /** The encoding modes of the segments, in order (alphanumeric only for an upper-case URL). */
  segments: QrMode[];
};

// A build draws the same code on many pages (detail page, poster, field sheet, 24 labels, share
// image); recent matrices are kept so each is encoded about once. Callers must not mutate them.
const recent = new Map<string, QrMatrix>();
const RECENT_MAX = 256;

export function encodeQr(text: string, purpose: QrPurpose): QrMatrix {
  if (!text) throw new Error('cannot encode an empty text in a QR code');
  const errorCorrection = errorCorrectionFor(purpose);
  const key = `${errorCorrection}\n${text}`;
  let matrix = recent.get(key);
  if (!matrix) {
    matrix = createMatrix(text, errorCorrection);
    if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
    recent.set(key, matrix);
  }
  return matrix;
}

function createMatrix(text: string, errorCorrection: QrErrorCorrection): QrMatrix {
  const code = QRCode.create(text, { errorCorrectionLevel: errorCorrection });
  return {
    text,
    version: code.version,
    errorCorrection,
    modules: code.modules.size,
    dark: Uint8Array.from(code.modules.data, (v) => (v ? 1 : 0)),
    segments: code.segments.map((s) => s.mode.id.toLowerCase() as QrMode),
  };
}
