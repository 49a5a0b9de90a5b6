import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import PDFDocument from 'pdfkit';
import { LOGO_MAX_BYTES } from '../../../shared/api/profile';

const require = createRequire(import.meta.url);

interface PngDecoder {
  width: number;
  height: number;
  colors: number;
  hasAlphaChannel: boolean;
  decodePixels(done: (pixels: Uint8Array) => void): void;
}
const PNG = require('png-js') as new (data: Buffer) => PngDecoder;

/** A PNG logo decoded once: colour and alpha planes, already deflated for the PDF. */
interface DecodedPng {
  width: number;
  height: number;
  colors: number;
  color: Buffer;
  alpha: Buffer | null;
}

const decoded = new Map<string, Promise<DecodedPng>>();

/**
 * png-js inflates asynchronously and throws from the callback on damaged data, which would
 * crash the process rather than reject; the data is checked synchronously first.
 */
function openPng(bytes: Buffer): PngDecoder {
  const png = new PNG(bytes) as PngDecoder & { imgData: Uint8Array };
  if (!(png.width > 0 && png.height > 0 && png.width <= 8000 && png.height <= 8000)) throw new Error('The image has no usable size');
  zlib.inflateSync(png.imgData);
  return png;
}

const SIGNATURES: Record<string, number[]> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

/** Why an uploaded logo can't be used: the message for the user and the one beside the field. */
export interface LogoProblem {
  message: string;
  field: string;
}

/**
 * Why uploaded logo bytes can't be printed (over LOGO_MAX_BYTES, not the PNG or JPEG the MIME
 * type claims, or damaged), or null when they can. The bytes are sniffed, never trusted by type.
 */
export function logoProblem(mimeType: string, bytes: Buffer): LogoProblem | null {
  if (bytes.length > LOGO_MAX_BYTES) return { message: 'The logo must be 1 MB or smaller.', field: 'The logo must be 1 MB or smaller' };
  const signature = SIGNATURES[mimeType] ?? [];
  if (!signature.every((byte, i) => bytes[i] === byte)) return { message: 'The logo must be a PNG or JPEG image.', field: 'This file is not a PNG or JPEG image' };
  try {
    if (mimeType === 'image/png') openPng(bytes);
    else new PDFDocument({ font: null as unknown as string }).image(bytes, 0, 0, { width: 10 });
    return null;
  } catch {
    const damaged = 'This image is damaged or in a form that cannot be printed';
    return { message: `${damaged}.`, field: damaged };
  }
}

function decodePng(bytes: Buffer): Promise<DecodedPng> {
  const png = openPng(bytes);
  return new Promise((resolve) => {
    png.decodePixels((pixels) => {
      const colors = png.colors;
      if (!png.hasAlphaChannel) {
        resolve({ width: png.width, height: png.height, colors, color: zlib.deflateSync(pixels), alpha: null });
        return;
      }
      const count = png.width * png.height;
      const color = new Uint8Array(count * colors);
      const alpha = new Uint8Array(count);
      for (let i = 0, c = 0, a = 0; a < count; a++) {
        for (let k = 0; k < colors; k++) color[c++] = pixels[i++]!;
        alpha[a] = pixels[i++]!;
      }
      resolve({ width: png.width, height: png.height, colors, color: zlib.deflateSync(color), alpha: zlib.deflateSync(alpha) });
    });
  });
}

interface PdfRef {
  data: Record<string, unknown>;
  end(chunk?: Buffer): void;
}
interface RefMaker {
  ref(data: Record<string, unknown>): PdfRef;
}

/**
 * The shape pdfkit's doc.image() accepts for a ready image: it calls embed() once per document.
 * Decoding a PNG with transparency cost ~150 ms per document; decoded once per logo, it is free.
 */
class PreparedPng {
  obj: PdfRef | null = null;
  readonly width: number;
  readonly height: number;

  constructor(
    private readonly image: DecodedPng,
    readonly label: string,
  ) {
    this.width = image.width;
    this.height = image.height;
  }

  embed(document: RefMaker): void {
    const { image } = this;
    this.obj = document.ref({
      Type: 'XObject',
      Subtype: 'Image',
      BitsPerComponent: 8,
      Width: image.width,
      Height: image.height,
      Filter: 'FlateDecode',
      ColorSpace: image.colors === 1 ? 'DeviceGray' : 'DeviceRGB',
    });
    if (image.alpha) {
      const mask = document.ref({ Type: 'XObject', Subtype: 'Image', Width: image.width, Height: image.height, BitsPerComponent: 8, Filter: 'FlateDecode', ColorSpace: 'DeviceGray', Decode: [0, 1] });
      mask.end(image.alpha);
      this.obj.data.SMask = mask;
    }
    this.obj.end(image.color);
  }
}

/** What to hand doc.image() for a logo: a prepared PNG, or the JPEG bytes pdfkit embeds as they are. */
export async function logoImage(logo: { mimeType: string; sha256: string; data: Buffer }): Promise<Buffer | PreparedPng> {
  if (logo.mimeType !== 'image/png') return logo.data;
  let image = decoded.get(logo.sha256);
  if (!image) {
    image = Promise.resolve().then(() => decodePng(logo.data));
    decoded.set(logo.sha256, image);
    image.catch(() => decoded.delete(logo.sha256));
  }
  return new PreparedPng(await image, 'Logo');
}
