// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupApp } from '../../../../components/popup/PopupApp';
import { recordPostingSeen } from '../../../../lib/store/jobs';
import { classifyUrl } from '../../../../lib/sites/urls';
import { exportAll } from '../../../../lib/transfer/export';
import { makePosting } from '../../support/factory';
import { addJob, BIGDATA_JOB, freshDb, NOW, PHD_JOB, renderWithApi, testApi } from '../../support/popup-page';

afterEach(() => cleanup());

describe("a job's link is built from its site and id", () => {
  it("the popup opens the site's own address even when the stored row holds another URL", async () => {
    const db = freshDb();
    await addJob(db, { jobId: BIGDATA_JOB, site: 'bytedance', url: 'https://evil.example/phish' });
    renderWithApi(testApi(db), <PopupApp page={classifyUrl(new URL(`https://joinbytedance.com/search/${BIGDATA_JOB}`))} />);
    const link = await screen.findByRole('link', { name: 'Open on ByteDance' });
    expect(link.getAttribute('href')).toBe(`https://joinbytedance.com/search/${BIGDATA_JOB}`);
    // An export carries the same address, not the stored one.
    expect((await exportAll(db, NOW)).jobs[0]!.url).toBe(`https://joinbytedance.com/search/${BIGDATA_JOB}`);
  });

  it('a posting sent with another URL is stored under its canonical address', async () => {
    const db = freshDb();
    await recordPostingSeen(
      db,
      makePosting({ jobId: PHD_JOB, url: `https://careers.tiktok.com/position/${PHD_JOB}/detail?spread=X` }),
      NOW,
    );
    expect((await db.jobs.get(PHD_JOB))!.url).toBe(`https://lifeattiktok.com/search/${PHD_JOB}`);
  });
});
