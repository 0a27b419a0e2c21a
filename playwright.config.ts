import { defineConfig } from '@playwright/test';
import { chromiumPath, e2eNginxUrl, e2eServerUrl, e2eStaticUrl, isCi } from './lib/env';

// The two sites under test: by default local servers started here, or a deployment named by
// E2E_STATIC_URL / E2E_SERVER_URL (then nothing is started for it).
const staticUrl = e2eStaticUrl();
const serverUrl = e2eServerUrl();
const nginxUrl = e2eNginxUrl();
const localPort = (url: string) => {
  const u = new URL(url);
  return u.hostname === 'localhost' || u.hostname === '127.0.0.1' ? u.port || '80' : null;
};
const staticPort = localPort(staticUrl);
const serverPort = localPort(serverUrl);
const nginxPort = localPort(nginxUrl);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: isCi(),
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: staticUrl,
    launchOptions: {
      // The system Chromium (Debian package): nothing downloads a browser.
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' } },
    // The same export behind Debian's nginx with the production configuration: the hosting
    // spec and a page smoke set run once more there.
    {
      name: 'nginx',
      use: { browserName: 'chromium', baseURL: nginxUrl },
      testMatch: ['hosting.spec.ts', 'csp.spec.ts', 'budget.spec.ts', 'pages.spec.ts'],
      grepInvert: /server mode/,
    },
    // The server mode (scripts/portal-server.ts) as a host: the same hostile requests, headers,
    // printed links and CSP checks. Not the file-serving group (precompressed Brotli, ranges,
    // folder redirects): Next serves pages, not files, and compresses them itself.
    {
      name: 'server',
      use: { browserName: 'chromium', baseURL: serverUrl },
      testMatch: ['hosting.spec.ts', 'csp.spec.ts'],
      grepInvert: /serving files/,
    },
  ],
  webServer: [
    ...(staticPort
      ? [
          {
            // The static export, served as a plain web host would.
            command: `npx tsx scripts/serve.ts --port ${staticPort}`,
            url: `${staticUrl}/vi/`,
            reuseExistingServer: !isCi(),
          },
        ]
      : []),
    ...(nginxPort
      ? [
          {
            // Debian's nginx with the configuration of lib/hosting/nginx.ts, in a temporary prefix.
            command: `npx tsx scripts/serve-nginx.ts --port ${nginxPort}`,
            url: `${nginxUrl}/vi/`,
            reuseExistingServer: !isCi(),
          },
        ]
      : []),
    ...(serverPort
      ? [
          {
            // The server mode (Next with ISR in scripts/portal-server.ts), built by `npm run build:server`.
            command: `npm run start:server -- --port ${serverPort}`,
            url: `${serverUrl}/vi/`,
            reuseExistingServer: !isCi(),
            timeout: 90_000,
          },
        ]
      : []),
  ],
});
