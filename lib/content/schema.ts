/**
 * The one content schema (zod) for every kind of content file. Field names follow the national
 * procedure database (CSDL quốc gia về TTHC) where there is one; see README "Nội dung".
 */
import { z } from 'zod';

/** Text in Vietnamese, optionally in English. A missing English text falls back to Vietnamese. */
export const localText = z.strictObject({
  vi: z.string().trim().min(1, 'Vietnamese text (vi) must not be empty'),
  en: z.string().trim().min(1, 'English text (en), when given, must not be empty').optional(),
});
export type LocalText = z.infer<typeof localText>;

/** A calendar date written as YYYY-MM-DD. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'is not a real calendar date');

const absoluteUrl = z.url({
  protocol: /^https?$/,
  message: 'must be an absolute http(s) URL, e.g. https://example.gov.vn',
});

/** Paths of fields (e.g. "certificate.number") whose values are demonstration data, not facts. */
const demoValues = z.array(z.string().min(1)).default([]);

export const siteSchema = z.strictObject({
  name: localText,
  authority: localText,
  province: localText,
  baseUrl: absoluteUrl.refine((u) => !u.endsWith('/'), 'must not end with a slash'),
  /** Encode QR URLs in upper case so they fit the QR alphanumeric mode (smaller symbols). */
  qrUppercase: z.boolean().default(true),
  demo: z.boolean(),
  demoValues,
  office: z.strictObject({
    name: localText,
    address: localText,
    phone: z.string().min(1).optional(),
    hotline: z.string().min(1).optional(),
    email: z.email().optional(),
    hours: z.array(z.strictObject({ days: localText, time: z.string().min(1) })).min(1),
    map: z
      .strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
      .optional(),
  }),
  nationalPortalUrl: absoluteUrl.default('https://dichvucong.gov.vn'),
});
export type Site = z.infer<typeof siteSchema>;

export const fieldId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and hyphens');

export const fieldsSchema = z
  .array(z.strictObject({ id: fieldId, name: localText }))
  .min(1)
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate field id "${f.id}"` });
      seen.add(f.id);
    });
  });
export type Field = z.infer<typeof fieldsSchema>[number];

/** content/fields.yaml: the list under one key, so that the editor can hold it as one form. */
export const fieldsFileSchema = z.strictObject({ fields: fieldsSchema });

/** National procedure code, e.g. 1.001193 or 2.000815. */
export const procedureCode = z
  .string()
  .regex(/^\d\.\d{6}$/, 'must be a national procedure code like 1.001193');

export const channel = z.enum(['direct', 'online', 'postal']);
export type Channel = z.infer<typeof channel>;

export const timeUnit = z.enum(['working-day', 'day', 'hour', 'month']);

const fee = z.strictObject({
  /** phí (fee) or lệ phí (charge); both are often 0 with exemptions. */
  kind: z.enum(['fee', 'charge']),
  /** Amount in đồng; absent when the text gives a schedule instead of one number. */
  amount: z.number().int().min(0).optional(),
  /** The official wording, exemptions included, word for word. */
  text: localText,
});

const method = z.strictObject({
  channel,
  time: z.strictObject({
    value: z.number().positive().optional(),
    unit: timeUnit.optional(),
    text: localText,
  }),
  fees: z.array(fee),
  note: localText.optional(),
});

const documentItem = z.strictObject({
  name: localText,
  form: z.strictObject({ title: localText, url: absoluteUrl.optional() }).optional(),
  originals: z.number().int().min(0),
  copies: z.number().int().min(0),
  required: z.boolean().default(true),
  note: localText.optional(),
});

const legalBasis = z.strictObject({
  number: z.string().min(1),
  title: localText,
  date: isoDate.optional(),
  issuer: localText.optional(),
});

const step = z.strictObject({
  text: localText,
  items: z.array(localText).optional(),
});

export const procedureSchema = z.strictObject({
  code: procedureCode,
  name: localText,
  level: z.enum(['commune', 'province', 'central']),
  kind: localText.optional(),
  field: fieldId,
  summary: localText.optional(),
  keywords: z.array(z.string().min(1)).default([]),
  methods: z.array(method).min(1),
  documents: z
    .array(z.strictObject({ case: localText.optional(), items: z.array(documentItem).min(1) }))
    .min(1),
  steps: z.array(step).min(1),
  subjects: z.array(localText).min(1),
  agency: localText,
  authority: localText.optional(),
  receivingAddress: localText.optional(),
  results: z.array(localText).min(1),
  legalBasis: z.array(legalBasis).min(1),
  requirements: z.array(localText).default([]),
  online: z.strictObject({
    level: z.enum(['full', 'partial', 'none']),
    url: absoluteUrl.optional(),
  }),
  effectiveFrom: isoDate.optional(),
  repealedOn: isoDate.optional(),
  replacedBy: procedureCode.optional(),
  source: z.strictObject({
    decision: z.strictObject({ number: z.string().min(1), date: isoDate, issuer: localText }),
    verifiedOn: isoDate,
    url: absoluteUrl.optional(),
  }),
  demoValues,
});
export type Procedure = z.infer<typeof procedureSchema>;

/** The six OCOP product groups of Decision 148/QĐ-TTg (2023). */
export const ocopGroup = z.enum([
  'thuc-pham',
  'do-uong',
  'thao-duoc',
  'vai-may-mac',
  'luu-niem-noi-that-trang-tri',
  'du-lich-cong-dong',
]);
export type OcopGroup = z.infer<typeof ocopGroup>;

export const shortCode = z
  .string()
  .regex(/^[A-Z0-9]{2,12}$/, 'must be 2-12 upper-case letters or digits (URL-safe, QR alphanumeric)');

export const productSlug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'folder name must be lower-case letters, digits and hyphens');

export const productSchema = z.strictObject({
  name: localText,
  shortCode,
  gtin: z.string().optional(),
  stars: z.union([z.literal(3), z.literal(4), z.literal(5)]),
  group: ocopGroup,
  producer: z.strictObject({
    name: localText,
    representative: z.string().min(1).optional(),
    address: localText,
    phone: z.string().min(1).optional(),
    zalo: z.string().min(1).optional(),
    website: absoluteUrl.optional(),
  }),
  certificate: z.strictObject({
    number: z.string().min(1),
    date: isoDate,
    issuer: localText,
    /** Defaults to 36 months after `date`, the validity of an OCOP certificate. */
    expires: isoDate.optional(),
  }),
  summary: localText,
  story: localText,
  description: localText,
  netQuantity: localText,
  packaging: localText,
  ingredients: localText.optional(),
  shelfLife: localText.optional(),
  storage: localText.optional(),
  pointsOfSale: z
    .array(
      z.strictObject({
        name: localText,
        address: localText.optional(),
        phone: z.string().min(1).optional(),
        url: absoluteUrl.optional(),
      }),
    )
    .default([]),
  images: z.array(z.strictObject({ file: z.string().min(1), alt: localText })).min(1),
  featured: z.boolean().default(false),
  withdrawn: z.strictObject({ on: isoDate, reason: localText }).optional(),
  demoValues,
});
export type ProductData = z.infer<typeof productSchema>;
export type Product = ProductData & { slug: string; dir: string };
