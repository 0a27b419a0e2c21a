/**
 * Prints the nginx configuration of the static site (lib/hosting/nginx.ts) for the export in
 * `--dir`, to put in the http context of a server (e.g. /etc/nginx/conf.d/portal.conf).
 *
 *   npm run nginx-config -- --root /var/www/cong-thong-tin/out [--dir out] [--listen 80]
 *     [--server-name ducpho.quangngai.gov.vn] [--tls-cert FILE --tls-key FILE]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { shortLinkFolders } from '../lib/hosting/export-files';
import { nginxSite } from '../lib/hosting/nginx';

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: 'out' },
    root: { type: 'string' },
    listen: { type: 'string' },
    'server-name': { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
  },
});
const cert = values['tls-cert'];
const key = values['tls-key'];
if (Boolean(cert) !== Boolean(key)) {
  console.error('--tls-cert and --tls-key go together.');
  process.exit(1);
}
process.stdout.write(
  nginxSite({
    root: path.resolve(values.root ?? values.dir),
    listen: values.listen ?? (cert ? '443 ssl' : '80'),
    serverName: values['server-name'],
    tls: cert && key ? { certificate: cert, key } : undefined,
    shortLinks: shortLinkFolders(values.dir),
  }),
);
