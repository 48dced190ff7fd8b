import { deflateSync } from 'node:zlib';

/**
 * Draws the two Teams icons (a house, the AL-in mark) as PNG without an image library:
 * color.png 192×192 (white house on the service red) and outline.png 32×32 (white house on transparent),
 * as the Teams manifest requires.
 */
type Rgba = [number, number, number, number];

const RED: Rgba = [0xb0, 0x00, 0x1e, 0xff];
const WHITE: Rgba = [0xff, 0xff, 0xff, 0xff];
const TRANSPARENT: Rgba = [0, 0, 0, 0];

/** The house, in a unit square: roof triangle, walls, and a door cut out. */
function isHouse(x: number, y: number): boolean {
  const roof = y >= 0.2 && y <= 0.5 && Math.abs(x - 0.5) <= (y - 0.2) * (0.32 / 0.3) + 0.02;
  const walls = y >= 0.48 && y <= 0.82 && x >= 0.24 && x <= 0.76;
  const door = y >= 0.62 && x >= 0.44 && x <= 0.56;
  return (roof || walls) && !door;
}

function draw(size: number, background: (x: number, y: number) => Rgba): Buffer {
  const rows: Buffer[] = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0, then RGBA
    for (let px = 0; px < size; px++) {
      const x = (px + 0.5) / size;
      const y = (py + 0.5) / size;
      row.set(isHouse(x, y) ? WHITE : background(x, y), 1 + px * 4);
    }
    rows.push(row);
  }
  return encodePng(size, size, Buffer.concat(rows));
}

export function colorIcon(): Buffer {
  return draw(192, () => RED);
}

export function outlineIcon(): Buffer {
  return draw(32, () => TRANSPARENT);
}

function encodePng(width: number, height: number, raw: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit depth, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** The width and height a PNG declares (for the package check). */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
