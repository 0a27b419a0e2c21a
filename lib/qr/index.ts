export {
  QUIET_ZONE,
  encodeQr,
  errorCorrectionFor,
  type QrErrorCorrection,
  type QrMatrix,
  type QrMode,
  type QrPurpose,
} from './encode';
export { qrPathData, renderQr, renderQrUse, type QrSvg, type QrSvgOptions } from './svg';
export { renderQrPng, type QrPng, type QrPngOptions } from './png';
