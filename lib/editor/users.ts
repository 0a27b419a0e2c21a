/**
 * The editor's logins: a small YAML file outside content/ (EDITOR_USERS_FILE), never published.
 * Passwords are stored as scrypt hashes; ward staff edit everything, a producer only the folders
 * of their own products.
 *
 *   users:
 *     - login: lan
 *       name: Nguyễn Thị Lan
 *       email: lan@ducpho.gov.vn
 *       role: staff
 *       password: scrypt$16384$8$1$<salt>$<hash>      (npm run editor:user)
 *     - login: htx-bon-van
 *       name: HTX Bốn Vân
 *       email: htxbonvan@example.com
 *       role: producer
 *       products: [bot-nghe]
 *       password: scrypt$…
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { productSlug } from '../content/schema';

const hashed = z.string().regex(/^scrypt\$\d+\$\d+\$\d+\$[\w+/=-]+\$[\w+/=-]+$/, {
  message: 'must be a hash made by `npm run editor:user`, never a plain password',
});

const user = z.strictObject({
  login: z.string().regex(/^[a-z0-9._-]{2,40}$/, 'lower-case letters, digits, . _ -'),
  name: z.string().trim().min(1),
  email: z.email(),
  role: z.enum(['staff', 'producer']),
  products: z.array(productSlug).default([]),
  password: hashed,
});
export type User = z.infer<typeof user>;

export const usersFileSchema = z.strictObject({ users: z.array(user) }).superRefine((f, ctx) => {
  const seen = new Set<string>();
  f.users.forEach((u, i) => {
    if (seen.has(u.login))
      ctx.addIssue({ code: 'custom', path: ['users', i, 'login'], message: 'duplicate login' });
    seen.add(u.login);
    if (u.role === 'producer' && u.products.length === 0)
      ctx.addIssue({
        code: 'custom',
        path: ['users', i, 'products'],
        message: 'a producer needs the slug of at least one product',
      });
  });
});

/** The users of a file, or an error naming the file, the entry and what is wrong. */
export function readUsers(file: string): User[] {
  const result = usersFileSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!result.success)
    throw new Error(
      `${file} is not a valid editor users file:\n` +
        result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n'),
    );
  return result.data.users;
}

const N = 16384;
const R = 8;
const P = 1;

/** A salted scrypt hash of a password, as stored in the users file. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, 32, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [kind, n, r, p, salt, hash] = stored.split('$');
  if (kind !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = scryptSync(
    password.normalize('NFC'),
    Buffer.from(salt, 'base64url'),
    expected.length,
    {
      N: Number(n),
      r: Number(r),
      p: Number(p),
    },
  );
  return timingSafeEqual(actual, expected);
}

/** The user a login and password name, or null (the same answer for an unknown login). */
export function authenticate(users: User[], login: string, password: string): User | null {
  const found = users.find((u) => u.login === login.trim().toLowerCase());
  // An unknown login still costs one hash, so timing does not tell which logins exist.
  const ok = verifyPassword(password, found?.password ?? hashPassword('-'));
  return found && ok ? found : null;
}

/**
 * Whether a user may write a path of the content directory (as Keystatic names it, e.g.
 * procedures/1.001193.yaml or products/bot-nghe/anh-1.jpg).
 */
export function mayWrite(u: Pick<User, 'role' | 'products'>, file: string): boolean {
  if (u.role === 'staff') return true;
  const [top, slug, rest] = file.split('/');
  return top === 'products' && !!rest && u.products.includes(slug);
}
