/**
 * QR codes for printed notices, generated at build as inline SVG (`qrcode`): no image service,
 * sharp at any print size, black on white.
 */
import QRCode from 'qrcode';

/**
 * SVG markup of a QR code for `url`. Error correction M survives a crease or a smudge; the quiet
 * zone of 4 modules is what scanners need. The SVG gets a text alternative with the address.
 */
export async function qrSvg(url: string, beschriftung = `QR-Code: ${url}`): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
  const titel = beschriftung.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
  return svg.replace('<svg ', `<svg role="img" aria-label="${titel}" `).replace(/ width="\d+" height="\d+"/, '');
}
