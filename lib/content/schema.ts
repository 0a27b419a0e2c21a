/**
 * The one content schema (zod) for every kind of content file. Field names follow the national
 * procedure database (CSDL quốc gia về TTHC) where there is one; see README "Nội dung".
 */
import { z } from 'zod';
import { cset82 } from '../gs1/digital-link';
import { ALL_FIELDS } from '../links';

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
  /** A few known facts about the ward (how it was formed), shown on the home page. */
  about: localText.optional(),
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
  /**
   * The most used fields (ids from fields.yaml), shown first on the home page in this order;
   * empty: every field, in fields.yaml order. The loader checks that each one exists.
   */
  featuredFields: z.array(z.string().min(1)).default([]),
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
      if (f.id === ALL_FIELDS)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: `the field id "${ALL_FIELDS}" is reserved for the sheet of every procedure`,
        });
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
  /**
   * phí (fee), lệ phí (charge) or giá (a price for a service); absent when the source does not
   * make clear which it is (the text then says what is paid).
   */
  kind: z.enum(['fee', 'charge', 'price']).optional(),
  /** Amount in đồng; absent when the text gives a schedule instead of one number. */
  amount: z.number().int().min(0).optional(),
  /** The official wording, exemptions included, word for word. */
  text: localText,
});

const method = z.strictObject({
  channel,
  /** No text: the source does not state the time limit (the page says so and to ask). */
  time: z.strictObject({
    value: z.number().positive().optional(),
    unit: timeUnit.optional(),
    text: localText.optional(),
  }),
  fees: z.array(fee),
  note: localText.optional(),
});

const documentItem = z.strictObject({
  name: localText,
  /** Form templates (mẫu đơn, tờ khai) by the name the source gives, with a link where given. */
  forms: z.array(z.strictObject({ title: localText, url: absoluteUrl.optional() })).default([]),
  originals: z.number().int().min(0),
  copies: z.number().int().min(0),
  required: z.boolean().default(true),
  note: localText.optional(),
});

const legalBasis = z.strictObject({
  /** Absent when the source names the document only by its title ("Luật Hộ tịch năm 2014"). */
  number: z.string().min(1).optional(),
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
  /** Cơ quan có thẩm quyền. */
  authority: localText.optional(),
  /** Cơ quan được ủy quyền. */
  authorizedAgency: localText.optional(),
  /** Cơ quan được phân cấp. */
  delegatedAgency: localText.optional(),
  /** Cơ quan phối hợp. */
  coordinatingAgency: localText.optional(),
  receivingAddress: localText.optional(),
  results: z.array(localText).min(1),
  legalBasis: z.array(legalBasis).min(1),
  /** Yêu cầu, điều kiện thực hiện. */
  requirements: z.array(localText).default([]),
  online: z.strictObject({
    level: z.enum(['full', 'partial', 'none']),
    url: absoluteUrl.optional(),
  }),
  effectiveFrom: isoDate.optional(),
  repealedOn: isoDate.optional(),
  replacedBy: procedureCode.optional(),
  source: z.strictObject({
    /** The decision that published it, when the source names one. */
    decision: z
      .strictObject({ number: z.string().min(1), date: isoDate, issuer: localText })
      .optional(),
    /** Who promulgated it, as the national portal names them (a ministry, a province). */
    promulgatedBy: localText.optional(),
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
  .regex(
    /^[A-Z0-9]{2,12}$/,
    'must be 2-12 upper-case letters or digits (URL-safe, QR alphanumeric)',
  );

export const productSlug = z
  .string()
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'folder name must be lower-case letters, digits and hyphens',
  );

/**
 * A batch or lot as the producer marks it on the package (GS1 AI 10: up to 20 characters of GS1's
 * character set 82), with when it was made and its use-by or best-before date where given.
 */
export const productLot = z.strictObject({
  code: z
    .string()
    .regex(
      cset82(20),
      'must be 1 to 20 letters, digits or GS1 punctuation (a GS1 batch/lot number, AI 10)',
    ),
  producedOn: isoDate.optional(),
  expiresOn: isoDate.optional(),
});

export const productSchema = z.strictObject({
  name: localText,
  shortCode,
  /**
   * The GTIN printed in the product's barcode (8, 12, 13 or 14 digits; a real one only, never
   * made up). Loaded, it is always written with 14 digits, the form GS1 Digital Link uses.
   */
  gtin: z.string().optional(),
  /** The brand on the package, when it differs from the producer's name. */
  brand: z.string().trim().min(1).optional(),
  stars: z.union([z.literal(3), z.literal(4), z.literal(5)]),
  /** Left out when not known (what is not known is not invented). */
  group: ocopGroup.optional(),
  producer: z.strictObject({
    name: localText,
    representative: z.string().min(1).optional(),
    address: localText,
    phone: z.string().min(1).optional(),
    zalo: z.string().min(1).optional(),
    website: absoluteUrl.optional(),
  }),
  certificate: z
    .strictObject({
      number: z.string().min(1),
      /** The decision's date; where only its year is known, `year` instead. */
      date: isoDate.optional(),
      year: z.number().int().min(2018).max(2100).optional(),
      issuer: localText,
      /** Defaults to 36 months after `date`, the validity of an OCOP certificate. */
      expires: isoDate.optional(),
    })
    .refine((c) => c.date !== undefined || c.year !== undefined, {
      message: 'give the decision date, or at least its year',
    }),
  summary: localText.optional(),
  story: localText.optional(),
  description: localText.optional(),
  netQuantity: localText.optional(),
  packaging: localText.optional(),
  ingredients: localText.optional(),
  shelfLife: localText.optional(),
  storage: localText.optional(),
  /**
   * The standards the product is made to (TCVN, a producer's own standard TCCS…), as the
   * traceability facts of Circular 02/2024/TT-BKHCN list them.
   */
  standards: z
    .array(z.strictObject({ code: z.string().trim().min(1), title: localText.optional() }))
    .default([]),
  /** When the product went on sale (the "trading time" of the traceability facts). */
  marketedSince: isoDate.optional(),
  /** The lots the producer gives, newest first (shown on the page; /01/{gtin}/10/{lot}). */
  lots: z.array(productLot).default([]),
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
/**
 * A product as the loader gives it: the certificate's expiry is always decided (given, or 36
 * months after the decision date), undefined only where just the decision's year is known.
 */
export type Product = Omit<ProductData, 'certificate'> & {
  certificate: ProductData['certificate'] & { expires: string | undefined };
  slug: string;
  dir: string;
};

/**
 * content/retired.yaml: items taken off the site whose short links were published. Each link
 * keeps answering with a short page saying the item is no longer published, and why.
 */
export const retiredSchema = z.array(
  z.strictObject({
    /** The published short link, as recorded in published-links.txt: /T/{code}/ or /P/{code}/. */
    path: z
      .string()
      .regex(/^\/[TP]\/[A-Za-z0-9.]+\/$/, 'must be a short link like /T/1.001640/ or /P/DP01/'),
    kind: z.enum(['procedure', 'product']),
    title: localText,
    reason: localText,
    /** The day it was taken off. */
    date: isoDate,
    /** It was demonstration data, never a real item. */
    demonstration: z.boolean().default(false),
  }),
);
export type Retired = z.infer<typeof retiredSchema>[number];
