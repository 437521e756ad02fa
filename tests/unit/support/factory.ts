import { JobPostingSchema, type JobPosting } from '../../../lib/posting/schema';

/**
 * Postings shaped like what the extractor reads from real pages. The texts are taken from the
 * seed copies of lifeattiktok.com postings (Algorithm Engineer Intern A257111A, Big Data Engineer
 * Intern A40935, Data Scientist Intern, Global LIVE Operation Intelligence), trimmed.
 */

const LIMIT_SENTENCE =
  'Candidates can apply to a maximum of two positions and will be considered for jobs in the order you apply. ' +
  "The application limit is applicable to TikTok and its affiliates' jobs globally.";

const TEMPLATES = [
  {
    title: 'Algorithm Engineer Intern (Global Live - Strategy) - 2026 Start (PhD)',
    jobCode: 'A257111A',
    category: 'Machine learning',
    team: null,
    locations: ['Singapore'],
    degreeLevels: ['PhD'] as JobPosting['degreeLevels'],
    cohort: '2026 Start',
    description:
      'With the enormous growth of live streaming in recent years, our mission is to inspire real-time interactions ' +
      'and help live streamers connect to people from all corners of the globe. ' +
      LIMIT_SENTENCE,
    responsibilities: [
      'Participate in the optimization of ByteDance LIVE monetization business and serve the LIVE experience of billions of global users;',
      'Adopt cutting-edge machine learning model to scientifically model massive user behaviour and consumption data;',
    ],
    minimumQualifications: [
      'Currently pursuing a PhD in Computer Science, engineering quantitative field',
      'Familiar with C/C++/ Python development, familiar with Linux multi-threaded /multi-process;',
    ],
    preferredQualifications: ['Experience in large-scale recommend/advertising systems, risk control systems or LLM is preferred'],
    internshipPeriods: [
      { from: 'January', to: 'June', onboardBy: null },
      { from: 'May', to: 'August', onboardBy: null },
    ] as JobPosting['internshipPeriods'],
    commitment: { amount: 3, unit: 'month' as const },
  },
  {
    title: 'Big Data Engineer Intern (TikTok Live Recommendation Architecture) - 2026 Start (BS/MS)',
    jobCode: 'A40935',
    category: 'Technology',
    team: null,
    locations: ['Singapore'],
    degreeLevels: ['Bachelor', 'Master'] as JobPosting['degreeLevels'],
    cohort: '2026 Start',
    description:
      'Our TikTok Live Recommendation Architecture Team is responsible for building up and optimizing the architecture ' +
      'for live broadcast recommendation system. ' +
      LIMIT_SENTENCE,
    responsibilities: ['Build and optimize the storage and computing systems behind live recommendation.'],
    minimumQualifications: ['Currently pursuing a Bachelor or Master degree in Computer Science or a related field.'],
    preferredQualifications: ['Experience with Flink, Spark or Hive.'],
    internshipPeriods: [] as JobPosting['internshipPeriods'],
    commitment: { amount: 3, unit: 'month' as const },
  },
  {
    title: 'Data Scientist Intern (Global LIVE Operation Intelligence) - 2026 Start (BS/MS)',
    jobCode: 'A193384',
    category: 'Data',
    team: null,
    locations: ['Singapore'],
    degreeLevels: ['Bachelor', 'Master'] as JobPosting['degreeLevels'],
    cohort: '2026 Start',
    description:
      "The Live Platform Intelligence team's mission is to use model-driven and data-driven ways to promote core " +
      'indicators on LIVE revenue and creator engagement. ' +
      LIMIT_SENTENCE,
    responsibilities: [
      'Drive understanding of product usage and user behavior in the field of Live ecosystem.',
      'Support strategic planning and execution for long term business plans through in-depth analysis.',
    ],
    minimumQualifications: [
      "Postgraduate who is currently pursuing a Master's Degree in Data Science, Statistics, Mathematics, Computer Science, or a related technical discipline.",
      'Working level competency in one or more programming languages including SQL and Python are required.',
    ],
    preferredQualifications: ['Previous work experience in quantitative analysis with relevant degree / experience is a plus'],
    internshipPeriods: [
      { from: 'January', to: 'June', onboardBy: '2026-01-12' },
      { from: 'May', to: 'August', onboardBy: '2026-05-11' },
    ] as JobPosting['internshipPeriods'],
    commitment: { amount: 3, unit: 'month' as const },
  },
] as const;

const JOB_INFORMATION =
  'About TikTok\nTikTok is the leading destination for short-form mobile video. At TikTok, our mission is to inspire creativity and bring joy.';

let counter = 0;

/** A unique 19-digit id starting with 7, like real TikTok job ids. */
function nextJobId(): string {
  counter += 1;
  return `75${String(Date.now() % 1e9).padStart(9, '0')}${String(counter).padStart(8, '0')}`;
}

export function makePosting(overrides: Partial<JobPosting> = {}): JobPosting {
  const jobId = overrides.jobId ?? nextJobId();
  const site = overrides.site ?? 'tiktok';
  const template = TEMPLATES[Number(BigInt(jobId) % BigInt(TEMPLATES.length))]!;
  const posting: JobPosting = {
    jobId,
    url: site === 'tiktok' ? `https://lifeattiktok.com/search/${jobId}` : `https://joinbytedance.com/search/${jobId}`,
    site,
    title: template.title,
    jobCode: template.jobCode,
    category: template.category,
    team: template.team,
    locations: [...template.locations],
    employmentType: 'Intern',
    degreeLevels: [...template.degreeLevels],
    cohort: template.cohort,
    description: template.description,
    responsibilities: [...template.responsibilities],
    minimumQualifications: [...template.minimumQualifications],
    preferredQualifications: [...template.preferredQualifications],
    startDates: [],
    internshipPeriods: template.internshipPeriods.map((p) => ({ ...p })),
    commitment: { ...template.commitment },
    applicationLimit: { max: 2, scope: 'affiliates-global', inOrder: true },
    onsiteDaysPerWeek: null,
    contactEmail: 'apac-earlycareers@tiktok.com',
    jobInformation: JOB_INFORMATION,
    extractedAt: '2025-10-01T09:00:00.000Z',
    ...overrides,
  };
  // A factory that produced invalid postings would make every test downstream meaningless.
  return JobPostingSchema.parse(posting);
}
