/**
 * Adds a login to the editor's users file, or changes its password (lib/editor/users.ts). The
 * password is read from standard input, never from the command line (it would stay in the
 * shell history), and only its scrypt hash is written.
 *
 *   npm run editor:user -- --file /etc/cong-thong-tin/users.yaml --login lan \
 *     --name "Nguyễn Thị Lan" --email lan@ducpho.gov.vn --role staff
 *   npm run editor:user -- --file … --login htx-bon-van --name "HTX Bốn Vân" \
 *     --email … --role producer --product bot-nghe
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parse, stringify } from 'yaml';
import { hashPassword, usersFileSchema } from '../lib/editor/users';

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Mật khẩu (password, at least 10 characters): ');
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      login: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      product: { type: 'string', multiple: true, default: [] },
    },
  });
  if (!values.file || !values.login) {
    console.error(
      'Usage: editor-user.ts --file USERS.yaml --login LOGIN [--name --email --role staff|producer --product SLUG…]',
    );
    return 2;
  }
  const file = values.file;
  const data = existsSync(file)
    ? (parse(readFileSync(file, 'utf8')) ?? { users: [] })
    : { users: [] };
  const users: Record<string, unknown>[] = data.users ?? [];
  const existing = users.find((u) => u.login === values.login);
  const password = await readPassword();
  if (password.length < 10) {
    console.error('The password must be at least 10 characters long.');
    return 1;
  }
  const entry = {
    ...existing,
    login: values.login,
    ...(values.name && { name: values.name }),
    ...(values.email && { email: values.email }),
    ...(values.role && { role: values.role }),
    ...(values.product.length && { products: values.product }),
    password: hashPassword(password),
  };
  const next = {
    users: existing ? users.map((u) => (u === existing ? entry : u)) : [...users, entry],
  };
  const checked = usersFileSchema.safeParse(next);
  if (!checked.success) {
    for (const i of checked.error.issues) console.error(`${i.path.join('.')}: ${i.message}`);
    return 1;
  }
  writeFileSync(file, stringify(next), { mode: 0o600 });
  console.log(`${existing ? 'Updated' : 'Added'} ${values.login} in ${file}`);
  return 0;
}

main().then((code) => process.exit(code));
