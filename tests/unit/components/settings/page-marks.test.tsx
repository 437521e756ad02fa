// @vitest-environment happy-dom
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PageMarks, type PageMarksApi } from '../../../../components/settings/PageMarks';
import type { MarksPrefs } from '../../../../lib/marks/prefs';

function fakeApi(initial: MarksPrefs) {
  let prefs = initial;
  const save = vi.fn(async (enabled: boolean, restoreLine: boolean) => {
    prefs = { enabled, dismissedSites: restoreLine ? [] : prefs.dismissedSites };
    return prefs;
  });
  const api: PageMarksApi = { load: async () => prefs, save };
  return { api, save };
}

describe('PageMarks setting', () => {
  it('shows the stored setting and turns marks off and on', async () => {
    const { api, save } = fakeApi({ enabled: true, dismissedSites: [] });
    render(<PageMarks api={api} />);
    const box = (await screen.findByRole('checkbox', { name: 'Show marks on the careers site' })) as HTMLInputElement;
    await waitFor(() => expect(box.disabled).toBe(false));
    expect(box.checked).toBe(true);
    await userEvent.click(box);
    expect(save).toHaveBeenLastCalledWith(false, false);
    await waitFor(() => expect(box.checked).toBe(false));
    expect(screen.getByRole('status').textContent).toBe('Marks are off.');
    await userEvent.click(box);
    expect(save).toHaveBeenLastCalledWith(true, false);
  });

  it('names the sites where the line was dismissed and brings it back', async () => {
    const { api, save } = fakeApi({ enabled: true, dismissedSites: ['bytedance'] });
    render(<PageMarks api={api} />);
    expect(await screen.findByText(/hidden on ByteDance/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Show it again' }));
    expect(save).toHaveBeenLastCalledWith(true, true);
    await waitFor(() => expect(screen.queryByText(/hidden on/)).toBeNull());
  });
});
