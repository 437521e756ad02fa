// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDb, renderOptions, type TestPage } from '../../support/options-page';

const pages: TestPage[] = [];
afterEach(async () => {
  cleanup();
  for (const page of pages.splice(0)) await closeDb(page.db);
});

describe('privacy notice', () => {
  it('is linked from the options page, to the copy the extension ships', () => {
    pages.push(renderOptions());
    const link = screen.getByRole('link', { name: 'What Job Lens reads and keeps' });
    expect(link.getAttribute('href')).toBe('/PRIVACY.txt');
  });
});
