import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderedIds } from '../../../../lib/store/saved-list';
import { sortJobs } from '../../../../components/saved-jobs/query';
import { createHandlers } from '../../../../lib/messages/handlers';
import { matchPosting } from '../../../../lib/match';
import { blockerReason, minimumLine, MatchSummarySchema, rankOf, summarizeMatch } from '../../../../lib/match/summary';
import { ProfileSchema } from '../../../../lib/profile/schema';
import { saveProfile } from '../../../../lib/profile/store';
import { openDb, type JobLensDb } from '../../../../lib/store/db';
import { createSummaryRefresher, staleJobIds, staleSummaryIds, summaryTarget, unscoredJobIds } from '../../../../lib/store/match-summary';
import { postingOf, type JobRecord } from '../../../../lib/store/schema';
import { exportJson } from '../../../../lib/transfer/export';
import { makePosting } from '../../support/factory';
import { addJob, BIGDATA_JOB, closeDb, DATA_SCIENTIST_JOB, freshDb, MASTER_STUDENT, NOW, PHD_JOB } from '../../support/popup-page';
import { importJson } from '../../../../lib/transfer/import';

let db: JobLensDb;
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await closeDb(db);
});

const profile = ProfileSchema.parse(MASTER_STUDENT);

describe('summarizeMatch', () => {
  it('keeps what the list needs, and agrees with the report it came from', () => {
    for (const jobId of [PHD_JOB, BIGDATA_JOB, DATA_SCIENTIST_JOB]) {
      const report = matchPosting(makePosting({ jobId }), profile, NOW);
      const summary = MatchSummarySchema.parse(summarizeMatch(report, { profileUpdatedAt: NOW.toISOString(), day: '2025-11-15' }));
      expect(summary.score).toBe(report.score);
      expect(summary.eligible).toBe(report.blockers.length === 0);
      expect(summary.blockerCount).toBe(report.blockers.length);
      const counted = summary.minimum.met + summary.minimum.partial + summary.minimum.unmet + summary.minimum.unknown;
      expect(counted).toBe(report.minimum.length);
      expect(summary.minimum.met).toBe(report.minimum.filter((l) => l.verdict === 'met').length);
      expect(summary.rank).toBe(rankOf(summary.eligible, summary.score));
    }
    const phd = summarizeMatch(matchPosting(makePosting({ jobId: PHD_JOB }), profile, NOW), {
      profileUpdatedAt: NOW.toISOString(),
      day: '2025-11-15',
    });
    expect(phd.eligible).toBe(false);
    // The reason alone, without where the matcher read it.
    expect(phd.firstBlocker).toMatch(/PhD/);
    expect(phd.firstBlocker).not.toMatch(/\(minimum:/);
  });

  it('ranks every eligible job above every blocked one, whatever the scores', () => {
    expect(rankOf(true, 0)).toBeGreaterThan(rankOf(false, 100));
    expect(rankOf(true, null)).toBeGreaterThan(rankOf(false, 100));
    expect(rankOf(true, 80)).toBeGreaterThan(rankOf(true, 79));
    expect(rankOf(false, 0)).toBeGreaterThan(rankOf(false, null));
  });

  it('says "N of M" in the score’s own terms: unknown lines are said apart, never counted as missed', () => {
    // The report that read "Match 100/100 · 2 of 4": two met, two that cannot be checked.
    expect(minimumLine({ met: 2, partial: 0, unmet: 0, unknown: 2 })).toBe('2 of 2 minimum requirements met · 2 cannot be checked');
    expect(minimumLine({ met: 1, partial: 1, unmet: 1, unknown: 0 })).toBe('1 of 3 minimum requirements met (1 partly)');
    expect(minimumLine({ met: 0, partial: 0, unmet: 0, unknown: 3 })).toBe('3 cannot be checked');
  });

  it('takes the provenance off every kind of blocker the matcher writes', () => {
    expect(blockerReason('needs currently pursuing a PhD degree (minimum: "Currently pursuing a PhD in…")')).toBe(
      'needs currently pursuing a PhD degree',
    );
    expect(blockerReason('not available in Singapore (posting: Singapore)')).toBe('not available in Singapore');
    expect(blockerReason('needs a work permit')).toBe('needs a work permit');
  });
});

async function setProfile(at: Date, data = MASTER_STUDENT) {
  await saveProfile(db, ProfileSchema.parse(data), at);
}

describe('stored summaries', () => {
  it('are computed for every job, and again only when the profile or the local day changes', async () => {
    for (const jobId of [PHD_JOB, BIGDATA_JOB, DATA_SCIENTIST_JOB]) await addJob(db, { jobId });
    let now = NOW;
    const refresher = createSummaryRefresher(db, () => now, { pause: async () => {}, quietMs: 0 });
    // No profile yet: nothing to store, nothing stale.
    await refresher.refresh();
    expect((await db.jobs.toArray()).map((j) => j.match)).toEqual([null, null, null]);

    await setProfile(new Date('2025-11-15T08:00:00'));
    expect(await staleJobIds(db, await summaryTarget(db, now))).toHaveLength(3);
    await refresher.refresh();
    const first = await db.jobs.toArray();
    expect(
      first.every((j) => j.match?.day === '2025-11-15' && j.match.profileUpdatedAt === new Date('2025-11-15T08:00:00').toISOString()),
    ).toBe(true);
    expect(first.map((j) => j.match!.score)).toEqual(first.map((j) => matchPosting(j, profile, now).score));
    expect(await staleJobIds(db, await summaryTarget(db, now))).toEqual([]);

    // The next local day: every summary is recomputed for it (dates decide some verdicts).
    now = new Date('2025-11-16T07:00:00');
    await refresher.refresh();
    expect((await db.jobs.toArray()).map((j) => j.match!.day)).toEqual(['2025-11-16', '2025-11-16', '2025-11-16']);

    // A new profile: recomputed against it; an empty one: the summaries go.
    await setProfile(new Date('2025-11-16T08:00:00'), {
      ...MASTER_STUDENT,
      education: [{ level: 'PhD', field: 'Computer Science', status: 'pursuing', graduation: '2027-06' }],
    });
    await refresher.refresh();
    const phd = (await db.jobs.get(PHD_JOB))!.match!;
    expect(phd.profileUpdatedAt).toBe(new Date('2025-11-16T08:00:00').toISOString());
    expect(phd.eligible).toBe(true);
    await setProfile(new Date('2025-11-16T09:00:00'), {});
    await refresher.refresh();
    expect((await db.jobs.toArray()).map((j) => j.match)).toEqual([null, null, null]);
  });

  it('are all computed again after an update, fresh-keyed ones too; a plain refresh leaves them', async () => {
    for (const jobId of [PHD_JOB, BIGDATA_JOB, DATA_SCIENTIST_JOB]) await addJob(db, { jobId });
    const refresher = createSummaryRefresher(db, () => NOW, { pause: async () => {}, quietMs: 0, chunk: 2 });
    // No profile: nothing to compute, and nothing is written.
    await refresher.rescoreAll();
    expect((await db.jobs.toArray()).map((j) => j.match)).toEqual([null, null, null]);

    await setProfile(new Date('2025-11-15T08:00:00'));
    await refresher.refresh();
    // What an older matcher stored for today and this profile: fresh by its key, wrong by its content.
    const right = (await db.jobs.get(PHD_JOB))!.match!;
    await db.jobs.update(PHD_JOB, { match: { ...right, score: 1, rank: rankOf(right.eligible, 1) } });
    await refresher.refresh();
    expect((await db.jobs.get(PHD_JOB))!.match!.score).toBe(1);

    await refresher.rescoreAll();
    const rows = await db.jobs.toArray();
    expect(rows.map((j) => j.match!.score)).toEqual(rows.map((j) => matchPosting(j, profile, NOW).score));
    expect((await db.jobs.get(PHD_JOB))!.match).toEqual(right);
  });

  it('works in small transactions, so other writes go through between them and are never overwritten', async () => {
    await setProfile(new Date('2025-11-15T08:00:00'));
    const rows: JobRecord[] = [];
    for (let i = 0; i < 30; i++) rows.push(await addJob(db, { jobId: `75000000000000001${String(i).padStart(2, '0')}` }));
    let pauses = 0;
    const refresher = createSummaryRefresher(db, () => NOW, {
      quietMs: 0,
      chunk: 7,
      pause: async () => {
        pauses += 1;
        // A note saved by the user while the scores are recomputed.
        // The last job is rescored in the last chunk: it must be read there, not before.
        if (pauses === 1) await db.jobs.update(rows[29]!.jobId, { notes: 'typed meanwhile' });
      },
    });
    await refresher.refresh();
    expect(pauses).toBe(5); // 30 jobs in chunks of 7
    expect((await db.jobs.get(rows[29]!.jobId))!.notes).toBe('typed meanwhile');
    expect((await db.jobs.get(rows[29]!.jobId))!.match).not.toBeNull();
    expect((await db.jobs.toArray()).every((j) => j.match !== null)).toBe(true);
  });

  it('looks for jobs with no summary only once no message has asked for a refresh for a quiet second', async () => {
    await setProfile(new Date('2025-11-15T08:00:00'));
    // Imported without a summary: found only by the look that reads every key.
    await addJob(db, { jobId: PHD_JOB });
    let t = 10_000;
    const waits: { ms: number; done: () => void }[] = [];
    const refresher = createSummaryRefresher(db, () => NOW, {
      pause: async () => {},
      quietMs: 1000,
      clock: () => t,
      sleep: (ms) => new Promise<void>((done) => waits.push({ ms, done })),
    });
    const nextWait = async () => {
      for (let i = 0; i < 100 && waits.length === 0; i += 1) await new Promise((r) => setTimeout(r, 0));
      return waits.shift()!;
    };
    const scored = async () => (await db.jobs.get(PHD_JOB))!.match !== null;
    const finished = refresher.refresh();
    const first = await nextWait();
    expect(first.ms).toBe(1000);
    // A message 600 ms in (a popup reading its first screen asks too): the wait starts again from it.
    t += 600;
    void refresher.refresh();
    t += 400;
    first.done();
    const second = await nextWait();
    expect(second.ms).toBe(600);
    expect(await scored()).toBe(false);
    t += 600;
    second.done();
    await finished;
    expect(await scored()).toBe(true);
    expect(waits).toEqual([]);
  });

  it('a refresh asked for while one runs is not lost: the newest profile wins', async () => {
    for (const jobId of [PHD_JOB, BIGDATA_JOB]) await addJob(db, { jobId });
    await setProfile(new Date('2025-11-15T08:00:00'));
    let changed = false;
    const refresher = createSummaryRefresher(db, () => NOW, {
      quietMs: 0,
      chunk: 1,
      pause: async () => {
        if (changed) return;
        changed = true;
        await setProfile(new Date('2025-11-15T09:00:00'));
        void refresher.refresh();
      },
    });
    await refresher.refresh();
    expect((await db.jobs.toArray()).map((j) => j.match!.profileUpdatedAt)).toEqual([
      new Date('2025-11-15T09:00:00').toISOString(),
      new Date('2025-11-15T09:00:00').toISOString(),
    ]);
  });

  it('the background rescores a posting when it is read, and everything after a profile save or an import', async () => {
    const refresher = createSummaryRefresher(db, () => NOW, { pause: async () => {}, quietMs: 0 });
    const handlers = createHandlers({ db, now: () => NOW, summaries: refresher });
    // Handlers called directly, as the router calls them once the sender is checked.
    const page = { sender: 'extension' } as const;
    await handlers['profile:save']({ profile: MASTER_STUDENT }, page);
    await refresher.refresh();
    await handlers['posting:seen']({ posting: makePosting({ jobId: BIGDATA_JOB }) }, page);
    const before = (await db.jobs.get(BIGDATA_JOB))!.match!;
    expect(before.score).toBe(matchPosting(makePosting({ jobId: BIGDATA_JOB }), profile, NOW).score);

    // The same job, its text changed so that a blocker appears: rescored at once, though the
    // profile and the day are the same.
    const edited = {
      ...makePosting({ jobId: BIGDATA_JOB }),
      minimumQualifications: ['Currently pursuing a PhD in Computer Science'],
      extractedAt: new Date('2025-11-15T11:00:00').toISOString(),
    };
    await handlers['posting:seen']({ posting: edited }, page);
    const after = (await db.jobs.get(BIGDATA_JOB))!.match!;
    expect(after.eligible).toBe(false);

    // An import brings rows with no summary: the next refresh finds them.
    const other = freshDb();
    await other.jobs.put({ ...(await addJob(other, { jobId: PHD_JOB })) });
    const file = await exportJson(other, NOW);
    await closeDb(other);
    // The popup imports in its own page, then tells the background.
    const imported = await importJson(db, file, NOW);
    expect(imported.ok).toBe(true);
    await handlers['data:imported']({}, page);
    await refresher.refresh();
    expect((await db.jobs.get(PHD_JOB))!.match?.eligible).toBe(false);
  });
});

describe('finding stale summaries without reading rows', () => {
  const idOf = (i: number) => `7510000000000000${String(i).padStart(3, '0')}`;

  it('finds every stale and every missing summary from the indexes', async () => {
    await setProfile(new Date('2025-11-15T08:00:00'));
    const target = (await summaryTarget(db, NOW))!;
    const older = { ...target, profileUpdatedAt: new Date('2025-11-14T08:00:00').toISOString() };
    const yesterday = { ...target, day: '2025-11-14' };
    const expected: string[] = [];
    for (let i = 0; i < 23; i++) {
      const row = await addJob(db, { jobId: idOf(i) });
      // Fresh, for an older profile, for yesterday, or none at all, in an uneven mix.
      const kind = [0, 0, 1, 0, 2, 3, 0][i % 7]!;
      const summary =
        kind === 3 ? null : summarizeMatch(matchPosting(row, profile, NOW), kind === 0 ? target : kind === 1 ? older : yesterday);
      await db.jobs.put({ ...row, match: summary });
      if (kind !== 0) expected.push(row.jobId);
    }
    expect(await staleJobIds(db, target)).toEqual(expected);
    // Rows with no summary for this profile and day: the stale ones and those with none at all.
    expect(await unscoredJobIds(db, target)).toEqual(expected);
    // Summaries for another profile or day, a chunk at a time from the index.
    expect(await staleSummaryIds(db, target, 2)).toHaveLength(2);
    expect(new Set(await staleSummaryIds(db, target))).toEqual(new Set(expected.filter((id) => Number(id.slice(-3)) % 7 !== 5)));
    // With no profile, every job that has a summary is stale.
    expect(new Set(await staleSummaryIds(db, null))).toEqual(new Set((await db.jobs.toArray()).filter((j) => j.match).map((j) => j.jobId)));
  });

  it('answers a message while a large rescoring is pending, and keeps what the message wrote', async () => {
    for (let i = 0; i < 200; i++) await addJob(db, { jobId: idOf(i) });
    const events: string[] = [];
    let chunks = 0;
    let firstChunk!: () => void;
    const started = new Promise<void>((resolve) => (firstChunk = resolve));
    const refresher = createSummaryRefresher(db, () => NOW, {
      quietMs: 0,
      pause: async () => {
        chunks += 1;
        events.push(`chunk ${chunks}`);
        if (chunks === 1) firstChunk();
        await new Promise((r) => setTimeout(r, 0));
      },
    });
    const handlers = createHandlers({ db, now: () => NOW, summaries: refresher });
    const page = { sender: 'extension' } as const;

    // The profile's save is answered before any job is rescored: the look starts after the answer.
    await handlers['profile:save']({ profile: MASTER_STUDENT }, page);
    events.push('profile:save answered');
    await started;

    // Messages sent while 200 jobs wait to be rescored, 40 per transaction.
    const during = chunks;
    const noted = handlers['job:setNotes']({ jobId: idOf(199), notes: 'typed while scores were updated' }, page).then(() =>
      events.push('job:setNotes answered'),
    );
    const limit = handlers['limit:get']({}, page).then(() => events.push('limit:get answered'));
    await Promise.all([noted, limit]);
    const answeredAfter = chunks;
    await refresher.refresh();
    events.push('every summary fresh');

    expect(events[0]).toBe('profile:save answered');
    expect(events.indexOf('job:setNotes answered')).toBeLessThan(events.indexOf('every summary fresh'));
    expect(events.indexOf('limit:get answered')).toBeLessThan(events.indexOf('every summary fresh'));
    // Each waited for one chunk's transaction at most, and many chunks were still to come.
    expect(answeredAfter - during).toBeLessThanOrEqual(1);
    expect(chunks - answeredAfter).toBeGreaterThanOrEqual(2);
    const last = (await db.jobs.get(idOf(199)))!;
    expect(last.notes).toBe('typed while scores were updated');
    expect(last.match).not.toBeNull();
    expect(await staleJobIds(db, await summaryTarget(db, NOW))).toEqual([]);
  });
});

describe('the list order from indexes', () => {
  it('is the same order sortJobs gives over the rows, for every sort', async () => {
    await setProfile(new Date('2025-11-15T08:00:00'));
    for (let i = 0; i < 12; i++) {
      await addJob(
        db,
        { jobId: `750000000000000010${String(i).padStart(2, '0')}` },
        new Date(Date.UTC(2025, 10, 1 + (i % 5), i)).toISOString(),
        {
          status: i % 4 === 0 ? 'applied' : 'seen',
          appliedAt: i % 4 === 0 ? new Date(Date.UTC(2025, 10, 1 + i)).toISOString() : null,
        },
      );
    }
    // Some jobs scored, some not yet (as while the background is still at it).
    const ids = ((await db.jobs.toCollection().primaryKeys()) as string[]).slice(0, 8);
    const { updateSummaries } = await import('../../../../lib/store/match-summary');
    await updateSummaries(db, ids, await summaryTarget(db, NOW), NOW);
    const rows = await db.jobs.toArray();
    for (const sort of ['lastSeen', 'score', 'applied'] as const) {
      expect(await orderedIds(db, sort)).toEqual(sortJobs(rows, sort).map((j) => j.jobId));
    }
  });

  it('gives a row written before summaries none, and no closed mark, through the version 3 upgrade', async () => {
    const row = await addJob(db, { jobId: PHD_JOB });
    // The row as version 2 wrote it: none of the fields version 3 added.
    const {
      match: _m,
      closedAt: _c,
      viaReferral: _r,
      appliedDateUnknown: _u,
      applyAskAgainAt: _a,
      siteStatus: _s,
      programOverride: _p,
      ...v2
    } = row;
    const name = `job-lens-popup-v2-${Math.random()}`;
    const old = openDb(name, 2);
    await old.jobs.put(v2 as unknown as JobRecord);
    old.close();
    const upgraded = openDb(name);
    const { JobRecordSchema } = await import('../../../../lib/store/schema');
    const parsed = JobRecordSchema.parse(await upgraded.jobs.get(PHD_JOB));
    expect([parsed.match, parsed.closedAt]).toEqual([null, null]);
    expect(postingOf(parsed).jobId).toBe(PHD_JOB);
    expect(await orderedIds(upgraded, 'score')).toEqual([PHD_JOB]);
    await closeDb(upgraded);
  });
});
