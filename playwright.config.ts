import { defineConfig } from '@playwright/test';

// The system Chromium (Debian package): nothing downloads a browser.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: 'http://localhost:3000',
    launchOptions: {
      executablePath,
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
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      // The static export, served as a plain web host would.
      command: 'npx tsx scripts/serve.ts --port 3000',
      url: 'http://localhost:3000/vi/',
      reuseExistingServer: !process.env.CI,
    },
    {
      // The server mode (next start with ISR), built by `npm run build:server`.
      command: 'npm run start:server',
      url: 'http://localhost:3001/vi/',
      reuseExistingServer: !process.env.CI,
      timeout: 90_000,
    },
  ],
});
