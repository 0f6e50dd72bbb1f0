import QRCode from "qrcode";

/**
 * The QR code of a round's public link as an SVG document, generated on the server (no script,
 * no external request). Error correction M survives a printed code being a little worn.
 */
export async function linkQrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2, width: 240 });
}

/** The public page of a round token, under `base` (scheme and host, no trailing slash). */
export function publicRoundUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, "")}/o/${token}`;
}
