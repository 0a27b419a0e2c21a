/**
 * Draws the illustrative images of the OCOP products that have no photograph (the made-up
 * demonstration products, and a real one whose photograph is not at hand). Each image is an SVG drawing rasterised with sharp to a 1200×900 JPEG
 * under 150 KB, written as content/products/{slug}/anh-1.jpg, and marked "Ảnh minh hoạ" on the
 * picture itself. Run from the repository root:
 *
 *   npx tsx scripts/make-demo-images.ts [slug...]
 *
 * The output depends on the fonts installed (DejaVu Sans is used when present); the committed
 * JPEGs are the content, this script is how to redraw them.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const W = 1200;
const H = 900;
const MAX_BYTES = 150 * 1024;
const FONT = "'DejaVu Sans', 'Be Vietnam Pro', Arial, sans-serif";

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Frame = {
  title: string;
  subtitle: string;
  stars: 3 | 4 | 5;
  sky: [string, string];
  body: string;
};

function star(cx: number, cy: number, r: number, fill: string): string {
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = (Math.PI / 5) * i - Math.PI / 2;
    const rr = i % 2 === 0 ? r : r * 0.45;
    pts.push(`${(cx + rr * Math.cos(a)).toFixed(1)},${(cy + rr * Math.sin(a)).toFixed(1)}`);
  }
  return `<polygon points="${pts.join(' ')}" fill="${fill}"/>`;
}

/** Background, "illustration" tag, OCOP star badge and the caption band shared by every image. */
function frame({ title, subtitle, stars, sky, body }: Frame): string {
  const badgeStars = Array.from({ length: 5 }, (_, i) =>
    star(1010 + (i - 2) * 34, 150, 14, i < stars ? '#f5b400' : '#d8d2c4'),
  ).join('');
  // Bold DejaVu Sans is about 0.62 em wide per character: keep the title within the band.
  const titleSize = Math.min(60, Math.floor(1080 / (title.length * 0.62)));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${sky[0]}"/><stop offset="1" stop-color="${sky[1]}"/>
    </linearGradient>
  </defs>
  <rect width="${W}" height="${H}" fill="url(#sky)"/>
  ${body}
  <g font-family="${FONT}">
    <rect x="32" y="32" width="540" height="56" rx="28" fill="#1d1d1b" fill-opacity="0.82"/>
    <text x="302" y="69" font-size="26" font-weight="bold" fill="#ffffff" text-anchor="middle">ẢNH MINH HOẠ · ILLUSTRATION</text>
    <circle cx="1010" cy="120" r="92" fill="#ffffff" fill-opacity="0.95" stroke="#c0392b" stroke-width="6"/>
    <text x="1010" y="118" font-size="44" font-weight="bold" fill="#c0392b" text-anchor="middle">OCOP</text>
    ${badgeStars}
    <rect x="0" y="724" width="${W}" height="176" fill="#ffffff" fill-opacity="0.93"/>
    <text x="60" y="806" font-size="${titleSize}" font-weight="bold" fill="#1d1d1b">${esc(title)}</text>
    <text x="60" y="862" font-size="30" fill="#3d3d3a">${esc(subtitle)}</text>
  </g>
</svg>`;
}

function fish(x: number, y: number, len: number, angle: number, body: string, fin: string): string {
  const h = len * 0.22;
  return `<g transform="translate(${x} ${y}) rotate(${angle})">
    <polygon points="${-len * 0.5},0 ${-len * 0.72},${-h * 0.7} ${-len * 0.72},${h * 0.7}" fill="${fin}"/>
    <ellipse cx="0" cy="0" rx="${len * 0.5}" ry="${h * 0.5}" fill="${body}"/>
    <line x1="${-len * 0.42}" y1="0" x2="${len * 0.35}" y2="0" stroke="${fin}" stroke-width="${Math.max(1, len * 0.025)}"/>
    <circle cx="${len * 0.34}" cy="${-h * 0.08}" r="${Math.max(1.5, len * 0.035)}" fill="#1d1d1b"/>
  </g>`;
}

/** A small deterministic random generator so that the drawings are the same on every run. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function waves(y: number, color: string, amp = 12, step = 80): string {
  let d = `M0 ${y}`;
  for (let x = 0; x < W; x += step) d += ` q${step / 4} ${-amp} ${step / 2} 0 t${step / 2} 0`;
  return `<path d="${d} V${H} H0 Z" fill="${color}"/>`;
}

const images: Record<string, Frame> = {
  'nuoc-mam-ca-com': {
    title: 'Nước mắm cá cơm nhỉ',
    subtitle: 'First-press anchovy fish sauce · DP01',
    stars: 5,
    sky: ['#bfe3f2', '#6fb3d2'],
    body: (() => {
      const r = rng(1);
      const fishes = Array.from({ length: 9 }, (_, i) =>
        fish(
          700 + (i % 3) * 140 + r() * 30,
          330 + Math.floor(i / 3) * 110 + r() * 20,
          150,
          -8 + r() * 16,
          '#c9d3db',
          '#8d9aa5',
        ),
      ).join('');
      return `${waves(560, '#3f86ad')}${waves(620, '#2f6f94', 10, 120)}
        <ellipse cx="860" cy="690" rx="300" ry="40" fill="#1f4e69" fill-opacity="0.35"/>
        ${fishes}
        <ellipse cx="420" cy="700" rx="170" ry="26" fill="#1f4e69" fill-opacity="0.4"/>
        <rect x="385" y="150" width="70" height="60" rx="10" fill="#b8860b"/>
        <path d="M395 210 h50 v60 q0 30 40 60 q45 35 45 90 v240 q0 30 -30 30 h-160 q-30 0 -30 -30 v-240 q0 -55 45 -90 q40 -30 40 -60 z" fill="#f3e2c0" fill-opacity="0.35" stroke="#7a5a1c" stroke-width="5"/>
        <path d="M318 420 q0 -40 35 -65 h134 q35 25 35 65 v250 q0 26 -26 26 h-152 q-26 0 -26 -26 z" fill="#a0520f" fill-opacity="0.9"/>
        <rect x="328" y="470" width="184" height="150" rx="12" fill="#fff8e8" stroke="#7a5a1c" stroke-width="3"/>
        <g font-family="${FONT}" text-anchor="middle" font-weight="bold">
          <text x="420" y="515" font-size="26" fill="#7a1f12">NƯỚC MẮM</text>
          <text x="420" y="552" font-size="26" fill="#7a1f12">CÁ CƠM NHỈ</text>
          <text x="420" y="592" font-size="20" fill="#3d3d3a" font-weight="normal">500 ml</text>
        </g>`;
    })(),
  },
  'ca-com-kho': {
    title: 'Cá cơm khô',
    subtitle: 'Dried anchovies · DP03',
    stars: 3,
    sky: ['#f7e7c6', '#e9c98f'],
    body: (() => {
      const r = rng(3);
      const rings = Array.from(
        { length: 9 },
        (_, i) =>
          `<circle cx="600" cy="410" r="${300 - i * 32}" fill="none" stroke="#a77b3f" stroke-width="3" stroke-opacity="0.6"/>`,
      ).join('');
      const fishes: string[] = [];
      for (let i = 0; i < 70; i++) {
        const a = r() * Math.PI * 2;
        const d = Math.sqrt(r()) * 250;
        fishes.push(
          fish(
            600 + d * Math.cos(a),
            410 + d * Math.sin(a),
            70 + r() * 20,
            r() * 360,
            '#e8e3d3',
            '#a89f86',
          ),
        );
      }
      return `<ellipse cx="600" cy="690" rx="360" ry="36" fill="#6b4a1f" fill-opacity="0.3"/>
        <circle cx="600" cy="410" r="320" fill="#d9b77a" stroke="#8a5f2a" stroke-width="14"/>${rings}${fishes.join('')}`;
    })(),
  },
  'tra-rau-ma': {
    title: 'Trà rau má túi lọc',
    subtitle: 'Pennywort herbal tea bags · DP04',
    stars: 4,
    sky: ['#eef6e4', '#b9dba0'],
    body: (() => {
      const r = rng(4);
      const leaf = (x: number, y: number, s: number, c: string) =>
        `<g transform="translate(${x} ${y}) scale(${s})"><path d="M0 0 L-8 -60 A60 60 0 1 1 8 -60 Z" fill="${c}" stroke="#2f6b1f" stroke-width="3"/><path d="M0 0 L0 -100" stroke="#2f6b1f" stroke-width="3"/></g>`;
      const leaves = Array.from({ length: 9 }, (_, i) =>
        leaf(
          120 + i * 120 + r() * 30,
          700 - r() * 60,
          0.8 + r() * 0.5,
          i % 2 ? '#5da643' : '#78bd57',
        ),
      ).join('');
      return `${leaves}
        <polygon points="300,250 560,250 620,200 360,200" fill="#cfe8b8" stroke="#2f6b1f" stroke-width="4"/>
        <polygon points="560,250 620,200 620,600 560,650" fill="#8fc46e" stroke="#2f6b1f" stroke-width="4"/>
        <rect x="300" y="250" width="260" height="400" fill="#eaf5df" stroke="#2f6b1f" stroke-width="4"/>
        <g font-family="${FONT}" text-anchor="middle" font-weight="bold">
          <text x="430" y="340" font-size="40" fill="#2f6b1f">TRÀ</text>
          <text x="430" y="390" font-size="40" fill="#2f6b1f">RAU MÁ</text>
          <text x="430" y="440" font-size="22" fill="#3d3d3a" font-weight="normal">25 túi lọc × 2 g</text>
        </g>
        ${leaf(430, 636, 0.55, '#78bd57')}
        <path d="M760 430 h220 l-20 200 q-5 40 -45 40 h-90 q-40 0 -45 -40 z" fill="#ffffff" stroke="#6d6d6d" stroke-width="5"/>
        <ellipse cx="870" cy="440" rx="104" ry="18" fill="#c8dc8a"/>
        <path d="M980 480 q60 0 50 60 q-8 40 -60 40" fill="none" stroke="#6d6d6d" stroke-width="10"/>
        <path d="M840 400 q-20 -40 10 -70 M890 400 q-20 -40 10 -70" fill="none" stroke="#ffffff" stroke-width="6" stroke-opacity="0.8"/>`;
    })(),
  },
  'chieu-coi': {
    title: 'Chiếu cói dệt tay',
    subtitle: 'Handwoven sedge mat · DP05',
    stars: 3,
    sky: ['#f6efe2', '#e3d3b5'],
    body: (() => {
      const lines = Array.from(
        { length: 56 },
        (_, i) =>
          `<line x1="${140 + i * 14}" y1="200" x2="${140 + i * 14}" y2="680" stroke="#c9b37e" stroke-width="2"/>`,
      ).join('');
      const diamonds: string[] = [];
      for (let row = 0; row < 3; row++)
        for (let col = 0; col < 6; col++) {
          const x = 210 + col * 120;
          const y = 290 + row * 150;
          const c = (row + col) % 2 ? '#b3261e' : '#2e7d32';
          diamonds.push(
            `<polygon points="${x},${y - 45} ${x + 45},${y} ${x},${y + 45} ${x - 45},${y}" fill="none" stroke="${c}" stroke-width="10"/>`,
          );
          diamonds.push(
            `<polygon points="${x},${y - 15} ${x + 15},${y} ${x},${y + 15} ${x - 15},${y}" fill="${c}"/>`,
          );
        }
      return `<ellipse cx="600" cy="700" rx="520" ry="30" fill="#6b4a1f" fill-opacity="0.25"/>
        <rect x="120" y="200" width="800" height="480" fill="#e9d9a8" stroke="#8a6d2f" stroke-width="6"/>${lines}
        <rect x="120" y="216" width="800" height="14" fill="#b3261e"/><rect x="120" y="650" width="800" height="14" fill="#b3261e"/>
        ${diamonds.join('')}
        <rect x="920" y="190" width="150" height="500" rx="75" fill="#dcc78d" stroke="#8a6d2f" stroke-width="6"/>
        <ellipse cx="995" cy="440" rx="60" ry="240" fill="none" stroke="#b3261e" stroke-width="6"/>
        <ellipse cx="995" cy="440" rx="30" ry="220" fill="none" stroke="#2e7d32" stroke-width="6"/>`;
    })(),
  },
  'mach-nha-gao-nep': {
    title: 'Mạch nha gạo nếp',
    subtitle: 'Glutinous rice malt syrup · DP07',
    stars: 4,
    sky: ['#fbeed7', '#e8c48a'],
    body: (() => {
      const r = rng(7);
      const cracker = (x: number, y: number, rr: number) => {
        const seeds = Array.from({ length: 14 }, () => {
          const a = r() * Math.PI * 2;
          const d = Math.sqrt(r()) * rr * 0.85;
          return `<ellipse cx="${(x + d * Math.cos(a)).toFixed(0)}" cy="${(y + d * Math.sin(a) * 0.45).toFixed(0)}" rx="5" ry="3" fill="#3b2a1a"/>`;
        }).join('');
        return `<ellipse cx="${x}" cy="${y}" rx="${rr}" ry="${rr * 0.45}" fill="#f3d9a4" stroke="#b98a3c" stroke-width="4"/>${seeds}`;
      };
      return `<ellipse cx="600" cy="690" rx="480" ry="34" fill="#6b4a1f" fill-opacity="0.3"/>
        ${cracker(890, 640, 190)}${cracker(920, 600, 160)}
        <rect x="330" y="250" width="300" height="60" rx="12" fill="#8a8f94" stroke="#5c6166" stroke-width="4"/>
        <path d="M320 320 h320 q20 0 20 20 v320 q0 30 -30 30 h-300 q-30 0 -30 -30 v-320 q0 -20 20 -20 z" fill="#f6efe0" fill-opacity="0.5" stroke="#8a7a5a" stroke-width="5"/>
        <path d="M330 400 q150 -30 300 0 v250 q0 30 -25 30 h-250 q-25 0 -25 -30 z" fill="#d9911f"/>
        <path d="M360 420 q40 -10 80 0" stroke="#ffe0a0" stroke-width="10" fill="none" stroke-linecap="round"/>
        <rect x="370" y="480" width="220" height="120" rx="10" fill="#fff8e8" stroke="#8a5a1c" stroke-width="3"/>
        <g font-family="${FONT}" text-anchor="middle" font-weight="bold">
          <text x="480" y="532" font-size="32" fill="#8a3b12">MẠCH NHA</text>
          <text x="480" y="574" font-size="22" fill="#3d3d3a" font-weight="normal">450 g</text>
        </g>
        <line x1="700" y1="200" x2="620" y2="520" stroke="#8a5a2b" stroke-width="12" stroke-linecap="round"/>
        <line x1="740" y1="205" x2="650" y2="520" stroke="#8a5a2b" stroke-width="12" stroke-linecap="round"/>
        <ellipse cx="690" cy="330" rx="40" ry="30" fill="#e0a030" fill-opacity="0.9"/>`;
    })(),
  },
  // A real product (HTX Bốn Vân): no photograph is at hand, so a drawing marked as one.
  'bot-nghe-bon-van': {
    title: 'Bột nghệ',
    subtitle: 'Turmeric powder · DP08 · HTX Bốn Vân',
    stars: 3,
    sky: ['#fff4cc', '#f2c14e'],
    body: (() => {
      const r = rng(8);
      const roots = Array.from(
        { length: 5 },
        (_, i) =>
          `<ellipse cx="${720 + i * 70 + r() * 20}" cy="${600 + r() * 30}" rx="70" ry="24" transform="rotate(${-20 + r() * 40} ${720 + i * 70} 600)" fill="#c98a2b" stroke="#8a5a17" stroke-width="4"/>`,
      ).join('');
      return `<rect x="0" y="640" width="${W}" height="260" fill="#e8d3a8"/>
        ${roots}
        <path d="M330 330 h220 v40 q40 20 40 70 v230 q0 30 -30 30 h-260 q-30 0 -30 -30 v-230 q0 -50 40 -70 z" fill="#ffffff" fill-opacity="0.5" stroke="#8a5a17" stroke-width="5"/>
        <path d="M310 470 h260 v200 q0 20 -20 20 h-220 q-20 0 -20 -20 z" fill="#f0a500"/>
        <rect x="320" y="300" width="240" height="40" rx="8" fill="#8a5a17"/>`;
    })(),
  },
};

async function main() {
  const root = path.resolve('content/products');
  // Names on the command line redraw only those products' images.
  const only = process.argv.slice(2);
  for (const [slug, spec] of Object.entries(images)) {
    if (only.length && !only.includes(slug)) continue;
    const dir = path.join(root, slug);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'anh-1.jpg');
    const svg = Buffer.from(frame(spec));
    for (let quality = 82; quality >= 40; quality -= 6) {
      await sharp(svg)
        .flatten({ background: '#ffffff' })
        .jpeg({ quality, mozjpeg: true })
        .toFile(file);
      const size = statSync(file).size;
      if (size <= MAX_BYTES) {
        console.log(
          `${path.relative(process.cwd(), file)}: ${W}×${H}, ${Math.round(size / 1024)} KB (q${quality})`,
        );
        break;
      }
      if (quality - 6 < 40) throw new Error(`${file} stays above ${MAX_BYTES} bytes`);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
