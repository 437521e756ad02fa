import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Corpus } from './patterns-harness';
import { GRADUATE_ROWS, ROWS } from './qualification-table';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

/**
 * A résumé in our own words, shaped like the pasted text of a typical PDF: a name, sections,
 * degrees with dates, skills, publications.
 */
const SAMPLE_RESUME = `Jordan Lee
jordan.lee@example.com | +1 555 0100 | github.com/jordanlee

EDUCATION
University of Example — M.S. in Computer Science, expected May 2026
State College — B.S. in Mathematics, 2020 – 2024, GPA 3.8/4.0

SKILLS
Python, Java, C++, SQL, PyTorch, TensorFlow, Kubernetes, Spark; A/B testing and data analysis

EXPERIENCE
Software Engineering Intern, Example Corp (Jun 2024 – Aug 2024)
- Built a streaming pipeline in Go and Kafka handling 2M events per day.
- Improved ranking models with deep learning (recall +3%).

PUBLICATIONS
J. Lee, A. Kim. "Graph Learning at Scale." NeurIPS 2025.
`;

/**
 * The saved job pages and profiles of tests/fixtures, the résumé, and the qualification table's
 * lines (the fixtures' postings hold few of the kinds a line rule reads): what the collection
 * pass runs over.
 */
export function nodeCorpus(): Corpus {
  const pages = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => {
      const expected = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as { url: string };
      return { html: readFileSync(join(FIXTURES, f.replace('.expected.json', '.html')), 'utf8'), url: expected.url };
    });
  const profileDir = join(FIXTURES, 'profiles');
  const profiles = readdirSync(profileDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(profileDir, f), 'utf8')) as unknown);
  const lines = [...ROWS.map((r) => r[1]), ...GRADUATE_ROWS.map((r) => r[1])];
  return { pages, profiles, resumes: [SAMPLE_RESUME], lines };
}
