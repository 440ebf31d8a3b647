import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

/*
 * `npm run icon`: media/icon.png, the extension's 128 × 128 Marketplace icon, drawn from
 * media/outcome.svg (the language's file icon) by Debian's Chromium, which the report's
 * tests use too (`CHROMIUM_PATH`, /usr/bin/chromium unless set): the same SVG and
 * browser give the same bytes, and test/extension-package.test.ts checks that the icon
 * is what this draws. `node out/scripts/generate-icon.js FILE` draws it to FILE instead.
 */

export const ICON_SIZE = 128;

export async function drawIcon(svgFile: string, pngFile: string): Promise<void> {
  const svg = fs.readFileSync(svgFile, 'utf8');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--force-color-profile=srgb'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: ICON_SIZE, height: ICON_SIZE }, deviceScaleFactor: 1 });
    const data = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(`<html><body style="margin:0;background:transparent"><img src="${data}" width="${ICON_SIZE}" height="${ICON_SIZE}" style="display:block"></body></html>`);
    await page.locator('img').evaluate((img: { decode(): Promise<void> }) => img.decode());
    fs.writeFileSync(pngFile, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: ICON_SIZE, height: ICON_SIZE } }));
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  const out = process.argv[2] ?? path.join(process.cwd(), 'media', 'icon.png');
  drawIcon(path.join(process.cwd(), 'media', 'outcome.svg'), out).then(
    () => console.log(`wrote ${path.relative(process.cwd(), out)}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
