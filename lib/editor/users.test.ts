import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { authenticate, hashPassword, mayWrite, readUsers, verifyPassword } from './users';

const staff = { login: 'lan', name: 'Nguyễn Thị Lan', email: 'lan@example.gov.vn', role: 'staff' };
const producer = {
  login: 'htx',
  name: 'HTX',
  email: 'htx@example.com',
  role: 'producer',
  products: ['bot-nghe'],
};

function usersFile(users: object[]): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'users-')), 'users.yaml');
  writeFileSync(file, stringify({ users }));
  return file;
}

describe('editor users', () => {
  it('stores salted scrypt hashes that verify only the right password', () => {
    const a = hashPassword('mật khẩu dài');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toContain('mật');
    expect(hashPassword('mật khẩu dài')).not.toBe(a);
    expect(verifyPassword('mật khẩu dài', a)).toBe(true);
    // The same words typed in decomposed Unicode (NFD) are the same password.
    expect(verifyPassword('mật khẩu dài'.normalize('NFD'), a)).toBe(true);
    expect(verifyPassword('mat khau dai', a)).toBe(false);
  });

  it('logs in with login and password, case-insensitively for the login only', () => {
    const users = readUsers(
      usersFile([
        { ...staff, password: hashPassword('Secret-1') },
        { ...producer, password: hashPassword('x') },
      ]),
    );
    expect(authenticate(users, ' LAN ', 'Secret-1')?.name).toBe('Nguyễn Thị Lan');
    expect(authenticate(users, 'lan', 'secret-1')).toBeNull();
    expect(authenticate(users, 'nobody', 'Secret-1')).toBeNull();
  });

  it('refuses a file with a plain password, a duplicate login or a producer without products', () => {
    expect(() => readUsers(usersFile([{ ...staff, password: 'hunter2' }]))).toThrow(
      /users\.0\.password: must be a hash/,
    );
    const h = hashPassword('x');
    expect(() =>
      readUsers(
        usersFile([
          { ...staff, password: h },
          { ...staff, password: h },
        ]),
      ),
    ).toThrow(/users\.1\.login: duplicate login/);
    expect(() => readUsers(usersFile([{ ...producer, products: [], password: h }]))).toThrow(
      /users\.0\.products: a producer needs/,
    );
  });

  it('lets staff write everything and a producer only inside their own product folders', () => {
    const p = { role: 'producer' as const, products: ['bot-nghe'] };
    expect(mayWrite({ role: 'staff', products: [] }, 'procedures/1.001193.yaml')).toBe(true);
    expect(mayWrite(p, 'products/bot-nghe/product.yaml')).toBe(true);
    expect(mayWrite(p, 'products/bot-nghe/anh-2.jpg')).toBe(true);
    expect(mayWrite(p, 'products/ca-com-kho/product.yaml')).toBe(false);
    expect(mayWrite(p, 'products/bot-nghe')).toBe(false);
    expect(mayWrite(p, 'procedures/1.001193.yaml')).toBe(false);
    expect(mayWrite(p, 'site.yaml')).toBe(false);
  });
});
