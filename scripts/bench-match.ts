/**
 * `npm run -s bench:match`: matches 10,000 generated postings against one profile in Node and
 * prints the total and per-posting time. The postings vary the way real ones do: qualification
 * lines built from the seeds' and TikTok's wordings with different skills, fields, places, dates
 * and durations, so almost every line is text the matcher has not seen before.
 * Target: under 1 s for all 10,000.
 *
 * `--digest` also prints a SHA-256 of every report (with and without the line cache, after the
 * timed runs): speed work must leave it unchanged.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { matchPosting, type MatchablePosting } from '../lib/match/match';
import { ProfileSchema } from '../lib/profile/schema';
import data from '../lib/skills/skills.json';
import { MONTHS } from '../lib/text/calendar';
import { seededRandom } from '../tests/seeded-random';

const COUNT = 10_000;
const ROOT = resolve(import.meta.dirname, '..');

// Deterministic, so runs are comparable.
const random = seededRandom(20251001);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
const some = <T>(xs: readonly T[], n: number): T[] => Array.from({ length: n }, () => pick(xs));
const skills = (data as { skills: { name: string }[] }).skills.map((s) => s.name);
const list = (n: number, joiner: string) => {
  const xs = [...new Set(some(skills, n))];
  return xs.length > 1 ? `${xs.slice(0, -1).join(', ')}${joiner}${xs[xs.length - 1]}` : xs[0]!;
};

const FIELDS = [
  'Computer Science',
  'Data Science',
  'Statistics',
  'Mathematics',
  'Electrical Engineering',
  'Information Systems',
  'Computer Engineering',
  'Software Engineering',
];
const LEVELS = ['a PhD', "a Master's Degree", "an Undergraduate/Master's degree", "a Bachelor's or Master's degree", 'a degree/master'];
const CITIES = ['Singapore', 'San Jose', 'London', 'Sydney', 'Dublin', 'Jakarta', 'Seattle', 'Tokyo', 'Los Angeles', 'Berlin'];
const SOFT = [
  'Collaborative, data-driven, ownership, communication, analytical mindset',
  'Strong coding and trouble shooting ability.',
  'Agile, quick self learner, highly self-motivated with a strong sense of product ownership and creative problem solver.',
  'Good collaborator and team player, comfortable working in a fast moving, culturally diverse and globally distributed team environment.',
  'Passionate about short video and live streaming, with curiosity and humility.',
];

const lineMakers: (() => string)[] = [
  () => `Currently pursuing ${pick(LEVELS)} in ${some(FIELDS, 3).join(', ')} or a related technical discipline`,
  () =>
    `Undergraduate, or Postgraduate who is currently pursuing a degree/master in ${some(FIELDS, 2).join(', ')} or a related technical major.`,
  () => `Familiar with ${list(3, '/')} development, familiar with Linux multi-threaded /multi-process`,
  () => `Familiar with at least one of ${list(3, ', ')} etc., with big data parallel processing experience`,
  () => `Familiar with many open source frameworks in the field of big data, e.g.${list(6, ',')} etc.`,
  () => `Familiar with commonly used machine learning and deep learning algorithms, including but not limited to ${list(3, ', ')}, etc.`,
  () => `Experience with ${list(2, ' and ')} or ${pick(skills)} is a plus`,
  () => `Working level competency in one or more programming languages including ${list(2, ' and ')} are required.`,
  () => `${Math.ceil(random() * 5)}+ years of experience with ${list(2, ' or ')} in production`,
  () => `Must be able to commit to ${pick([10, 12, 16, 24])} weeks during Summer ${pick([2026, 2027])}`,
  () => `Successful candidates must be able to commit to at least ${pick([3, 4, 6])} months long internship period.`,
  () =>
    `Successful candidates must be able to commit to either of the following Internships - From ${pick(MONTHS)} to ${pick(MONTHS)} - From ${pick(MONTHS)} to ${pick(MONTHS)}`,
  () => `Able to work on-site at our ${pick(CITIES)} office for a minimum of ${pick(['two', 'three', 'four'])} days per week`,
  () => `Expected graduation between ${pick(MONTHS)} ${pick([2025, 2026])} and ${pick(MONTHS)} ${pick([2026, 2027])}`,
  () =>
    `First-author publications in top conferences (${some(['NeurIPS', 'ICML', 'ICLR', 'CVPR', 'ACL', 'KDD'], 3).join(', ')}) are preferred`,
  () => `Fluent in English and ${pick(['Mandarin', 'Japanese', 'Korean', 'Indonesian', 'Spanish'])}`,
  () => `Must be authorized to work in ${pick(CITIES)} without visa sponsorship`,
  () => pick(SOFT),
  () => `Expected to graduate between ${pick(MONTHS)} ${pick([2025, 2026])} and ${pick(MONTHS)} 2027`,
  () => `Final year student or recent graduate in ${pick(FIELDS)}`,
  () => `Able to start in ${pick(MONTHS)} 2026 for ${pick([8, 10, 12])} weeks`,
  () => `${pick([1, 2, 3, 5])}+ years of experience with ${list(2, ' and ')}`,
  () => `Strong interest in ${list(2, ' and ')}, and a willingness to learn`,
  () => `Proficiency in the local language and English`,
  () => `Published papers or other contributions to the research community`,
];

function posting(): MatchablePosting {
  const cohortYear = pick([2025, 2026, 2027]);
  const graduate = random() < 0.3;
  return {
    title: graduate ? `Software Engineer Graduate - ${cohortYear} Start (BS/MS)` : `Software Engineer Intern - ${cohortYear} Start (BS/MS)`,
    employmentType: graduate ? 'Regular' : 'Intern',
    minimumQualifications: Array.from({ length: 4 + Math.floor(random() * 4) }, () => pick(lineMakers)()),
    preferredQualifications: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(lineMakers)()),
    degreeLevels: pick([['PhD'], ['Bachelor', 'Master'], ['Master'], []] as const).slice(),
    locations: [pick(CITIES)],
    onsiteDaysPerWeek: pick([null, 3, 5]),
    internshipPeriods:
      random() < 0.5
        ? [
            { from: 'January', to: 'June', onboardBy: `${cohortYear}-01-12` },
            { from: 'May', to: 'August', onboardBy: null },
          ]
        : [],
    startDates: random() < 0.3 ? [`${cohortYear}-05-11`, `${cohortYear}-05-18`, `${cohortYear}-06-08`] : [],
    commitment: pick([null, { amount: 3, unit: 'month' as const }, { amount: 12, unit: 'week' as const }]),
    cohort: `${cohortYear} Start`,
  };
}

const profileJson = JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/profiles/phd-researcher.json'), 'utf8'));
const now = new Date('2025-10-01T00:00:00Z');
const postings = Array.from({ length: COUNT }, posting);
const allLines = postings.flatMap((p) => [...p.minimumQualifications, ...p.preferredQualifications]);
const distinct = new Set(allLines).size;

// The first call builds the skill index; time it apart from the steady state.
const t0 = performance.now();
matchPosting(postings[0]!, ProfileSchema.parse(profileJson), now, { cache: false });
const first = performance.now() - t0;

function measure(cache: boolean) {
  // A fresh profile object: the line cache starts empty.
  const profile = ProfileSchema.parse(profileJson);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let blockers = 0;
  for (const p of postings) blockers += matchPosting(p, profile, now, { cache }).blockers.length;
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000, blockers };
}

const cold = measure(false);
const cached = measure(true);
if (cold.blockers !== cached.blockers) throw new Error('the line cache changed the results');

const row = (label: string, r: { wall: number; cpu: number }) =>
  `${label}: ${r.wall.toFixed(0)} ms wall, ${r.cpu.toFixed(0)} ms cpu — ${((r.wall * 1000) / COUNT).toFixed(1)} µs per posting, ${((r.wall * 1000) / allLines.length).toFixed(1)} µs per line`;
console.log(`postings: ${COUNT} (${allLines.length} qualification lines, ${distinct} distinct), one profile`);
console.log(`first call (builds the skill index): ${first.toFixed(1)} ms`);
console.log(row('every line assessed', cold));
console.log(row('with the line cache ', cached));
// CPU time is the steadier figure on a shared machine; wall time is what a user waits.
console.log(`machine: load average ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores`);
console.log(
  `target: < 1000 ms for all ${COUNT} — ${cached.wall < 1000 ? 'met' : 'NOT met'} with the cache, ${cold.wall < 1000 ? 'met' : 'NOT met'} without`,
);

if (process.argv.includes('--digest')) {
  const digest = (cache: boolean) => {
    const profile = ProfileSchema.parse(profileJson);
    const hash = createHash('sha256');
    for (const p of postings) hash.update(JSON.stringify(matchPosting(p, profile, now, { cache })));
    return hash.digest('hex');
  };
  const without = digest(false);
  if (digest(true) !== without) throw new Error('the line cache changed the results');
  console.log(`reports digest: ${without}`);
}
