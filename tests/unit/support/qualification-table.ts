/**
 * Labelled qualification lines and the verdict each fixture profile should get.
 * Columns: line, expected kind, then the verdict for tests/fixtures/profiles/
 * phd-researcher.json, masters-student.json and bachelors-student.json.
 * Source: "seed-000/002/003" = the three real postings kept as tests/fixtures/postings; "tiktok" =
 * wording seen on lifeattiktok.com postings or modelled on it; "trap" = word-boundary and context
 * traps.
 *
 * Assessed with now = 2025-10-01 and a Singapore "2026 Start" posting as context (on-site lines
 * that name no place use its location).
 *
 * Profiles in short:
 * - PhD: PhD CS pursuing (2027-06), BSc Maths; Python, C++, PyTorch, JAX, CUDA, Linux, RL,
 *   recommendation systems, Spark, SQL, probability, numerical optimisation, XGBoost, LLM;
 *   English fluent, Mandarin native; available 2026-05-11..08-28; Singapore, United States;
 *   NeurIPS 2024 & ICML 2025 first author, KDD 2023; US student visa, China citizen.
 * - MS: MSc Data Science pursuing (2026-12), BSc Statistics; Python, SQL, R, pandas, Tableau,
 *   Excel, machine learning, A/B testing, Hive, Spark SQL, scikit-learn; English, Mandarin,
 *   Cantonese (conversational); available 2026-01-05..06-30; Singapore, Hong Kong; no papers;
 *   Singapore student visa, Hong Kong PR.
 * - BS: BEng Computer Engineering pursuing (2027-05); Java, JavaScript, TypeScript, React,
 *   Node.js, golang, Docker, Kubernetes, MySQL, Redis, Kafka, Git, C; English native, Spanish
 *   basic; available 2026-06-01..08-21; London, Dublin, Sydney; UK citizen, Ireland work
 *   permit, Australia needs sponsorship.
 * None of the three lists work experience; all three are current students.
 *
 * "own" rows are our own wording of line shapes real postings carry (graduation windows, starts
 * with durations, interest lines, unnamed languages, plain-words publications, years of experience).
 */

import type { LineKind, Verdict } from '../../../lib/match/report';

export type Row = [source: string, line: string, kind: LineKind, phd: Verdict, ms: Verdict, bs: Verdict];

export const ROWS: Row[] = [
  // ——— seeds, minimum and preferred qualifications as extracted ———
  ['seed-000', 'Currently pursuing a PhD in Computer Science, engineering quantitative field', 'degree-field', 'met', 'unmet', 'unmet'],
  // A degree in progress said without "currently pursuing": a PhD student is not graduating with a
  // bachelor's or master's, nor a master's student.
  ['own', "Graduating with a Bachelor's or Master's degree between December 2026 and August 2027", 'degree-field', 'unmet', 'met', 'met'],
  ['own', "Master's students in Statistics, Data Science or a related field", 'degree-field', 'unmet', 'met', 'unmet'],
  ['own', "Expected to graduate in December 2026 or June 2027 with a Bachelor's degree", 'degree-field', 'unmet', 'unmet', 'met'],
  [
    'seed-000',
    'Familiar with C/C++/ Python development, familiar with Linux multi-threaded /multi-process',
    'skill',
    'partial',
    'partial',
    'partial',
  ],
  [
    'seed-000',
    'Familiar with commonly used machine learning and deep learning algorithms, including but not limited to boost machine, dnn, reinforcement learning, etc.',
    'skill',
    'met',
    'partial',
    'unmet',
  ],
  [
    'seed-000',
    'Solid maths foundation, including probability statistics, numerical optimization, etc., sensitive to data, good at discovering, analyzing and solving problems from data',
    'skill',
    'met',
    'met',
    'met', // probability is taught in every computer engineering degree
  ],
  [
    'seed-000',
    'Familiar with at least one of Flink, Spark, Hive etc., with big data parallel processing experience',
    'skill',
    'met',
    'met',
    'partial',
  ],
  [
    'seed-000',
    'Experience in large-scale recommend/advertising systems, risk control systems or LLM is preferred',
    'skill',
    'met',
    'unmet',
    'unmet',
  ],
  [
    'seed-000',
    'Successful candidates must be able to commit to at least 3 months long internship period.',
    'duration',
    'met',
    'met',
    'partial',
  ],
  [
    'seed-000',
    'Successful candidates must be able to commit to either of the following Internships - From January to June - From May to August (Summer)',
    'internship-window',
    'met',
    'met',
    'unmet',
  ],
  [
    'seed-002',
    "Postgraduate who is currently pursuing a Master's Degree in Data Science, Statistics, Mathematics, Computer Science, or a related technical discipline.",
    'degree-field',
    'met',
    'met',
    'unmet',
  ],
  [
    'seed-002',
    'Working level competency in one or more programming languages including SQL and Python are required.',
    'skill',
    'met',
    'met',
    'met',
  ],
  [
    'seed-002',
    'Understanding of ML models and how they can be leveraged to act upon a range of content and safety risks.',
    'skill',
    'met',
    'met',
    'unmet',
  ],
  ['seed-002', 'Collaborative, data-driven, ownership, communication, analytical mindset', 'soft', 'unknown', 'unknown', 'unknown'],
  [
    'seed-002',
    'Previous work experience in quantitative analysis with relevant degree / experience is a plus',
    'experience-years',
    'unknown',
    'unknown',
    'unknown',
  ],
  [
    'seed-002',
    'Successful candidates must be able to commit to either of the following Internships - From January to June (onboard by 12 Jan 2026) - From May to August (onboard by 11 May 2026)',
    'internship-window',
    'met',
    'met',
    'unmet',
  ],
  [
    'seed-003',
    'Undergraduate, or Postgraduate who is currently pursuing a degree/master in Computer Science, Computer Engineering, Information Systems or a related technical major.',
    'degree-field',
    'met',
    'met',
    'met',
  ],
  [
    'seed-003',
    'Familiar with many open source frameworks in the field of big data, e.g.Hadoop, Hive,Flink, FlinkSQL,Spark, Kafka, HBase, Redis, RocksDB, ElasticSearch etc.',
    'skill',
    'met',
    'met',
    'met',
  ],
  ['seed-003', 'Familiar with Java, C ++ and other programming languages.', 'skill', 'met', 'met', 'met'],
  ['seed-003', 'Strong coding and trouble shooting ability.', 'soft', 'unknown', 'unknown', 'unknown'],
  [
    'seed-003',
    'Agile, quick self learner, highly self-motivated with a strong sense of product ownership and creative problem solver.',
    'soft',
    'unknown',
    'unknown',
    'unknown',
  ],
  [
    'seed-003',
    'Good collaborator and team player, comfortable working in a fast moving, culturally diverse and globally distributed team environment.',
    'soft',
    'unknown',
    'unknown',
    'unknown',
  ],

  // ——— degree, enrolment, graduation ———
  ['tiktok', "Currently pursuing a Bachelor's or Master's degree", 'degree-field', 'unmet', 'met', 'met'],
  [
    'tiktok',
    "Currently pursuing an Undergraduate/Master's degree in Computer Science, Software Engineering or a related technical discipline",
    'degree-field',
    'unmet',
    'met',
    'met',
  ],
  ['tiktok', "Bachelor's degree or above in Computer Science or a related technical field", 'degree-field', 'met', 'met', 'met'],
  ['tiktok', 'PhD in Machine Learning, Statistics or a related quantitative field', 'degree-field', 'met', 'unmet', 'unmet'],
  ['tiktok', "Master's degree in Marketing, Communications or Business", 'degree-field', 'partial', 'partial', 'unmet'],
  ['tiktok', 'BS/MS in Computer Science or equivalent practical experience', 'degree-field', 'met', 'partial', 'partial'],
  ['tiktok', "Holds a Master's degree in Statistics or Data Science", 'degree-field', 'unmet', 'partial', 'unmet'],
  ['tiktok', 'Currently enrolled in a university degree program', 'enrolment', 'met', 'met', 'met'],
  ['tiktok', 'Expected graduation between December 2025 and August 2026', 'graduation', 'unmet', 'unmet', 'unmet'],
  // A month in figures, and "no earlier than".
  ['own', 'Graduation date between 01/2027 and 08/2027', 'graduation', 'met', 'unmet', 'met'],
  ['own', 'Must graduate no earlier than January 2027', 'graduation', 'met', 'unmet', 'met'],
  ['tiktok', 'Expected graduation date between December 2026 and August 2027', 'graduation', 'met', 'met', 'met'],
  ['tiktok', 'Graduating in 2027', 'graduation', 'met', 'unmet', 'met'],
  ['tiktok', 'Must be in the final year of study', 'graduation', 'unmet', 'unmet', 'unmet'],
  ['tiktok', 'Penultimate year students are welcome to apply', 'graduation', 'met', 'met', 'met'],
  [
    'tiktok',
    "Bachelor's degree or above in Computer Science, Software Engineering or a related field, graduating in 2025 or 2026",
    'degree-field',
    'unmet',
    'met',
    'unmet',
  ],
  ['tiktok', 'Currently pursuing a PhD with at least one semester remaining after the internship', 'degree-field', 'met', 'unmet', 'unmet'],

  // ——— skills ———
  ['tiktok', 'Hands-on experience with PyTorch or TensorFlow', 'skill', 'met', 'unmet', 'unmet'],
  [
    'tiktok',
    'Familiarity with at least one deep learning framework such as PyTorch, TensorFlow, JAX or PaddlePaddle',
    'skill',
    'met',
    'unmet',
    'unmet',
  ],
  ['tiktok', 'Experience with Hadoop, Hive and Spark', 'skill', 'partial', 'partial', 'unmet'],
  ['tiktok', 'Proficiency in SQL and Tableau or Power BI', 'skill', 'partial', 'met', 'partial'],
  ['tiktok', 'Experience with Python or R for data analysis', 'skill', 'met', 'met', 'partial'],
  ['tiktok', 'Experience with Kubernetes, Docker or other cloud native technologies', 'skill', 'unmet', 'unmet', 'met'],
  [
    'tiktok',
    'Strong knowledge of JavaScript/TypeScript and modern front-end frameworks like React or Vue',
    'skill',
    'unmet',
    'unmet',
    'met',
  ],
  ['tiktok', 'Familiar with MySQL, Redis, Kafka and other middleware', 'skill', 'unmet', 'unmet', 'met'],
  ['tiktok', 'Familiarity with Linux and TCP/IP networking', 'skill', 'met', 'unmet', 'partial'],
  // A parenthesis after a group or skill lists examples of it: one of them is enough.
  ['own', 'Experience with machine learning frameworks (TensorFlow, PyTorch)', 'skill', 'met', 'met', 'unmet'],
  ['own', 'Strong skills in Python (pandas, NumPy) and SQL', 'skill', 'met', 'met', 'partial'],
  ['own', 'Strong experience with iOS (Swift/Objective-C) or Android (Kotlin/Java) development', 'skill', 'unmet', 'unmet', 'met'],
  ['own', 'Experience with stream processing or OLAP engines (e.g. ClickHouse, Doris)', 'skill', 'met', 'met', 'met'],
  // "e.g. ClickHouse" does not end a sentence, so the plus clause goes whole.
  ['own', 'Proficient in Python; experience with OLAP engines (e.g. ClickHouse, Doris) is a plus', 'skill', 'met', 'met', 'unmet'],
  // A choice that ends in something the skill list does not know: missing the named ones is not unmet.
  ['own', 'Experience in content moderation, trust and safety, or policy enforcement', 'skill', 'unknown', 'unknown', 'unknown'],
  ['own', 'Experience with Kafka, Flink, or a comparable streaming engine', 'skill', 'unknown', 'unknown', 'met'],
  // A list that goes on through a word the skill list does not know ("search") is still one choice.
  ['own', 'Experience in recommendation, advertising, search or NLP', 'skill', 'met', 'unknown', 'unknown'],
  // "…, Looker or SQL is a plus" ends the list; it is not a plus part of its own.
  ['own', 'Experience in Tableau, Looker or SQL is a plus', 'skill', 'met', 'met', 'met'],
  ['tiktok', 'Experience with A/B testing and causal inference', 'skill', 'unmet', 'partial', 'unmet'],
  ['tiktok', 'Proficiency in Excel and SQL', 'skill', 'partial', 'met', 'partial'],
  ['tiktok', 'Experience with Go, Java or C/C++ backend development', 'skill', 'partial', 'unmet', 'met'],
  ['tiktok', 'Knowledge of CUDA programming and GPU optimization is a plus', 'skill', 'partial', 'unmet', 'unmet'],
  ['tiktok', 'Proficient in R, SAS or SPSS', 'skill', 'unmet', 'met', 'unmet'],
  ['tiktok', 'Experience with Ali Cloud, AWS or other cloud platforms', 'skill', 'unmet', 'unmet', 'unmet'],
  ['tiktok', '3+ years of experience with Go or Java in production', 'experience-years', 'unmet', 'unmet', 'unmet'],
  // Years *in* a field are years of work, which a student listing no roles does not have.
  ['tiktok', '2+ years of experience in machine learning or data science', 'experience-years', 'unmet', 'unmet', 'unmet'],

  // ——— word-boundary and context traps ———
  ['trap', 'Proficient in Go; a go-getter attitude', 'skill', 'unmet', 'unmet', 'met'],
  ['trap', 'Willing to go the extra mile for our users', 'soft', 'unknown', 'unknown', 'unknown'],
  ['trap', 'Proficiency in C', 'skill', 'unmet', 'unmet', 'met'],
  ['trap', 'Solid Java programming skills', 'skill', 'unmet', 'unmet', 'met'],
  ['trap', 'Experience in R&D of large-scale systems', 'experience-years', 'unknown', 'unknown', 'unknown'],
  ['trap', 'A track record that sparked new product ideas', 'experience-years', 'unknown', 'unknown', 'unknown'],
  ['trap', 'Excel in a fast-paced, ambiguous environment', 'soft', 'unknown', 'unknown', 'unknown'],
  ['trap', 'Proficient in Microsoft Office (Excel, PowerPoint)', 'skill', 'unmet', 'met', 'unmet'],

  // ——— languages ———
  ['tiktok', 'Fluent in English and Mandarin', 'language', 'met', 'met', 'unmet'],
  // The part that is a plus asks nothing of a minimum line; a line that is all plus still names it.
  ['own', 'Proficient in English; Mandarin is a strong plus', 'language', 'met', 'met', 'met'],
  ['own', 'Mandarin is a plus', 'language', 'met', 'met', 'unmet'],
  ['own', 'Proficiency in Excel and Tableau; basic SQL is a bonus', 'skill', 'unmet', 'met', 'unmet'],
  // A ";" clause that is preferred goes whole; a list item before "is preferred" does not split off.
  [
    'own',
    'Solid foundation in mathematics and algorithms; experience in advertising or search is preferred',
    'skill',
    'met',
    'partial',
    'met',
  ],
  ['tiktok', 'Excellent written and verbal communication skills in English', 'language', 'met', 'met', 'met'],
  ['tiktok', 'Proficiency in Mandarin or Cantonese is a plus', 'language', 'met', 'met', 'unmet'],
  ['tiktok', 'Business-level Japanese', 'language', 'unmet', 'unmet', 'unmet'],
  ['tiktok', 'Fluent in Spanish', 'language', 'unmet', 'unmet', 'partial'],

  // ——— location and work authorisation ———
  ['careers-site', 'Able to work on-site at our Sydney office for a minimum of three days per week', 'location', 'unmet', 'unmet', 'met'],
  // Where the candidate must be, without "on site": "open to candidates in", "reside in".
  ['own', 'Open to candidates in London or Dublin', 'location', 'unmet', 'unmet', 'met'],
  ['own', 'Candidates must reside in Singapore', 'location', 'met', 'met', 'unmet'],
  ['tiktok', 'Willing to relocate to Singapore', 'location', 'met', 'met', 'unmet'],
  ['tiktok', 'This role is based in London and requires working from the office three days a week', 'location', 'unmet', 'unmet', 'met'],
  ['tiktok', 'Able to work on-site in Singapore or Hong Kong', 'location', 'met', 'met', 'unmet'],
  ['tiktok', 'Must be able to work on-site three days a week', 'location', 'met', 'met', 'unmet'],
  ['tiktok', 'Must be authorized to work in Singapore without visa sponsorship', 'work-authorization', 'unmet', 'partial', 'unmet'],
  ['tiktok', 'Singapore Citizens or Permanent Residents only', 'work-authorization', 'unmet', 'unmet', 'unmet'],
  // A line that also takes pass or permit holders is not citizens-only; a nationality names its country.
  ['own', 'Singapore Citizens, PRs or valid work pass holders', 'work-authorization', 'unmet', 'partial', 'unmet'],
  ['own', 'Irish citizens or holders of a valid work permit', 'work-authorization', 'unmet', 'unmet', 'met'],
  ['tiktok', 'Must be legally authorized to work in the United Kingdom', 'work-authorization', 'unmet', 'unmet', 'met'],
  ['tiktok', 'Hong Kong permanent residents preferred', 'work-authorization', 'unmet', 'met', 'unmet'],
  ['tiktok', 'Visa sponsorship is available for this role', 'soft', 'unknown', 'unknown', 'unknown'],

  // ——— publications ———
  [
    'tiktok',
    'First-author publications in top conferences (NeurIPS, ICML, ICLR, CVPR) are preferred',
    'publications',
    'met',
    'unknown',
    'unknown',
  ],
  // "publishing" and "venues" are publication words: "ML" there names the venues, not a skill.
  ['own', 'Track record of publishing at top ML venues as first author', 'publications', 'met', 'unknown', 'unknown'],
  ['own', 'Contributions to open-source projects on GitHub are welcome', 'soft', 'unknown', 'unknown', 'unknown'],
  ['tiktok', 'Publications at top-tier venues such as KDD, WWW, SIGIR or RecSys', 'publications', 'met', 'unknown', 'unknown'],
  ['tiktok', 'At least two first-author papers at ACL, EMNLP or NAACL', 'publications', 'unmet', 'unknown', 'unknown'],
  ['tiktok', 'Published first-author papers in NeurIPS or ICML', 'publications', 'met', 'unknown', 'unknown'],

  // ——— durations, seasons, start dates, windows ———
  ['careers-site', 'Must be able to commit to 12 weeks during Summer 2026', 'duration', 'met', 'unmet', 'met'],
  ['tiktok', 'Available for a minimum of 6 months', 'duration', 'unmet', 'met', 'unmet'],
  ['careers-site', 'It runs for 12 weeks', 'duration', 'met', 'met', 'met'],
  ['tiktok', 'Able to start on May 11th, 2026 or June 8th, 2026', 'start-dates', 'met', 'met', 'met'],
  ['tiktok', 'Available to start full-time in January 2026', 'start-dates', 'unmet', 'met', 'unmet'],
  ['tiktok', 'Spring 2026 internship', 'start-dates', 'partial', 'met', 'unmet'],
  ['tiktok', 'Internship period: From June to August 2026', 'internship-window', 'met', 'unmet', 'met'],

  // ——— graduation windows in their other forms ———
  ['own', 'Graduating class of 2027', 'graduation', 'met', 'unmet', 'met'],
  ['own', 'Open to the classes of 2026 or 2027', 'graduation', 'met', 'met', 'met'],
  ['own', 'Class of 2028 graduates only', 'graduation', 'unmet', 'unmet', 'unmet'],
  ['own', 'Open to students graduating in or after June 2027', 'graduation', 'met', 'unmet', 'unmet'],
  ['own', 'Expected to graduate between December 2026 and May 2027', 'graduation', 'unmet', 'met', 'met'],
  ['own', 'Students in their final year, or who graduated within the last two years', 'graduation', 'unmet', 'met', 'unmet'],
  ['own', 'Students graduating in Winter 2026 or Spring 2027', 'graduation', 'met', 'met', 'met'],
  ['own', 'Students graduating in Fall 2026', 'graduation', 'unmet', 'met', 'unmet'],
  ['own', 'Expected to complete your degree by August 2026', 'graduation', 'unmet', 'unmet', 'unmet'],
  ['own', "Currently pursuing a Bachelor's degree, to be obtained before September 2027", 'degree-field', 'unmet', 'unmet', 'met'],

  // ——— a start and a duration together; a commitment is a threshold ———
  ['own', 'Able to start in May 2026 for 12 weeks', 'duration', 'met', 'unmet', 'unmet'],
  // The start month without "in" ("beginning May 2026"), and "from" a month beside a duration.
  ['own', 'Able to commit to 3 months beginning May 2026', 'duration', 'met', 'unmet', 'unmet'],
  ['own', 'Available from May 2026 for at least 3 months', 'duration', 'met', 'unmet', 'unmet'],
  ['own', 'Available for at least 12 weeks starting June 2026', 'duration', 'met', 'unmet', 'met'],
  ['own', 'Able to commit to 12 weeks starting in May or June 2026', 'duration', 'met', 'unmet', 'met'],
  ['own', 'Start dates may vary by team; internships last at least 12 weeks', 'duration', 'met', 'met', 'met'],
  ['own', 'Available to start in June 2026 for at least 10 weeks', 'duration', 'met', 'unmet', 'met'],
  ['own', 'Able to commit to 13 weeks starting in June 2026', 'duration', 'met', 'unmet', 'partial'],

  // ——— interest, willingness and nice-to-have lines are soft, even naming a skill ———
  ['own', 'Strong interest in recommendation systems and machine learning', 'soft', 'unknown', 'unknown', 'unknown'],
  ['own', 'Willingness to learn Go and Kubernetes', 'soft', 'unknown', 'unknown', 'unknown'],
  ['own', 'Knowledge of Kafka or Flink is nice to have', 'soft', 'unknown', 'unknown', 'unknown'],
  ['own', 'Familiarity with Tableau is desirable but not essential', 'soft', 'unknown', 'unknown', 'unknown'],
  ['own', 'Curiosity about large language models and a growth mindset', 'soft', 'unknown', 'unknown', 'unknown'],
  ['own', 'Proficient in Python, with a passion for machine learning', 'skill', 'met', 'met', 'unmet'],
  ['own', 'Familiarity with Spark, e.g. for ETL jobs, is not required', 'soft', 'unknown', 'unknown', 'unknown'],
  ['own', 'Knowledge of Node.js is nice to have; proficiency in Java', 'skill', 'unmet', 'unmet', 'met'],

  // ——— languages: each one joined by "and"; an unnamed local language is never met on English ———
  ['own', 'Fluent in Mandarin and English', 'language', 'met', 'met', 'unmet'],
  ['own', 'Fluent in English and Japanese', 'language', 'unmet', 'unmet', 'unmet'],
  ['own', "Proficiency in the market's language and English", 'language', 'unknown', 'unknown', 'unknown'],
  ['own', 'Business-level Japanese and the local language', 'language', 'unmet', 'unmet', 'unmet'],

  // ——— publications in plain words ———
  ['own', 'Published papers in machine learning or a related field', 'publications', 'met', 'unknown', 'unknown'],
  [
    'own',
    'Contributions to the research community, such as publications or open-source projects',
    'publications',
    'met',
    'unknown',
    'unknown',
  ],
  ['own', 'A strong research record with at least four papers', 'publications', 'partial', 'unknown', 'unknown'],

  // ——— years of experience (none of the three lists any; all are students) ———
  ['own', '3+ years of experience in backend development', 'experience-years', 'unmet', 'unmet', 'unmet'],
  ['own', '5+ years with Python and SQL', 'experience-years', 'unknown', 'unknown', 'unmet'],
  ['own', 'Less than one year of full-time work experience', 'experience-years', 'met', 'met', 'met'],
  // Years with a skill, not of work: a student's may come from study (the BS's began about 2½
  // years before now, the MS's and PhD's long enough before), so only the skills and that bound tell.
  [
    'own',
    '2+ years of hands-on experience with deep learning frameworks such as PyTorch or TensorFlow',
    'experience-years',
    'unknown',
    'unmet',
    'unmet',
  ],
  ['own', '3+ years of experience with Go or Java', 'experience-years', 'unmet', 'unmet', 'unmet'],
  ['own', '2+ years of experience with Java or Go', 'experience-years', 'unmet', 'unmet', 'unknown'],

  // ——— subjects a degree teaches: the PhD's CS and maths degrees, the MS's data science and
  // statistics, the BS's computer engineering; none lists these subjects as skills ———
  ['own', 'Solid understanding of data structures, algorithms and operating systems', 'skill', 'met', 'unmet', 'met'],
  ['own', 'Strong foundation in probability, statistics and linear algebra', 'skill', 'met', 'met', 'partial'],
  ['own', 'Good knowledge of computer networks and database systems', 'skill', 'met', 'partial', 'met'],

  // ——— competitions and awards: what the line names is the contest's subject, not a requirement ———
  ['own', 'Track record in ML competitions such as Kaggle', 'soft', 'unknown', 'unknown', 'unknown'],
  ['own', 'Awards in programming contests such as ACM-ICPC are a plus', 'soft', 'unknown', 'unknown', 'unknown'],
  ['own', 'Proficient in C++; ICPC medals are a plus', 'skill', 'met', 'unmet', 'unmet'],
  ['own', 'Open-source contributions on GitHub are a plus', 'soft', 'unknown', 'unknown', 'unknown'],
  ['own', 'Proficient in Java; contributions to open-source projects such as Kafka are a plus', 'skill', 'unmet', 'unmet', 'met'],

  // ——— months given as a stretch: beside a duration they say where it lies (the MS is free from
  // January to June only); alone they are a window; after a start word, when to start ———
  ['own', 'Available for a 12-week internship between May and September 2026', 'duration', 'met', 'unmet', 'met'],
  ['own', 'Able to intern for 10-12 weeks between June and August 2026', 'duration', 'met', 'unmet', 'met'],
  ['own', 'A 12-week internship from May to September 2026', 'duration', 'met', 'unmet', 'met'],
  ['own', 'Available between June and August 2026', 'internship-window', 'met', 'unmet', 'met'],
  ['own', 'Internship period: July 2026 to December 2026', 'internship-window', 'unmet', 'unmet', 'unmet'],
  ['own', 'Duration of at least 4 months, with a start date in Q1 2026', 'duration', 'unmet', 'met', 'unmet'],
  ['own', 'Open to a 6-month internship starting anytime in the first half of 2026', 'duration', 'unmet', 'met', 'unmet'],

  // ——— another language besides the named ones (the BS's Spanish is basic) ———
  ['own', 'Fluency in English and at least one other European language', 'language', 'unmet', 'unmet', 'partial'],
  ['own', 'Fluent in English plus an additional Asian language', 'language', 'met', 'met', 'unmet'],

  // ——— two ways in, each a whole requirement: the best one for the profile counts ———
  ['own', "Master's degree or above, or Bachelor's degree with 2 years of relevant experience", 'degree-field', 'met', 'met', 'partial'],
  ['own', 'Currently in the penultimate or final year of study', 'graduation', 'met', 'met', 'met'],

  // ——— what a line says is not needed asks nothing; undergraduates are students now ———
  ['own', 'A degree in Computer Science is not required', 'soft', 'unknown', 'unknown', 'unknown'],
  ['own', 'Experience with Java or Kotlin; no Android experience needed', 'skill', 'unmet', 'unmet', 'met'],
  ['own', 'Undergraduates in their second year or above', 'degree-field', 'unmet', 'unmet', 'met'],

  // ——— start months as a list; a language asked for by reading and writing ———
  ['own', 'Internship start dates: January, May, or September 2026', 'start-dates', 'met', 'met', 'unmet'],
  ['own', 'Good English reading and writing skills, able to read English technical documents', 'language', 'met', 'met', 'met'],

  // ——— lists left open at the end: "or related" with its noun left out, "and other related fields" ———
  [
    'own',
    'Bachelor degree or above, major in computer, communication, electronics, automation or related',
    'degree-field',
    'met',
    'met',
    'met',
  ],
  ['own', 'Experience in search, recommendation, advertising and other related fields is preferred', 'skill', 'met', 'unknown', 'unknown'],

  // ——— a field's people ("Statistics majors", "majors in …") ask for the field; current students ———
  ['own', 'Statistics majors are preferred', 'degree-field', 'partial', 'met', 'partial'],
  ['own', 'Majors in Statistics, Mathematics or Economics', 'degree-field', 'met', 'met', 'partial'],
  ['own', 'Current students only', 'enrolment', 'met', 'met', 'met'],

  // ——— a city of a country the line names (the BS named London, Dublin, Sydney): in it, where the
  // line says where you are; partly, where the office could be in another city ———
  ['own', 'This is a remote role open to candidates in the UK and Ireland', 'location', 'unmet', 'unmet', 'met'],
  ['own', 'Candidates must reside in Australia', 'location', 'unmet', 'unmet', 'met'],
  ['own', 'This position is based in the United Kingdom', 'location', 'unmet', 'unmet', 'partial'],
];

/**
 * The same kinds of lines on a graduate (full-time, early-career) posting, where a degree line
 * asks for a finished degree. Columns: line, kind, then the verdict for recent-graduate.json
 * (BSc Computer Science completed 2025-06; a teaching assistant post, an internship and a backend
 * role since 2025-07, 16 months in all by 2025-10), phd-researcher, masters-student and
 * bachelors-student. Context: "Software Engineer Graduate - 2026 Start (BS/MS)", Regular,
 * Singapore, so the onboarding window ends December 2026.
 */
export type GraduateRow = [source: string, line: string, kind: LineKind, grad: Verdict, phd: Verdict, ms: Verdict, bs: Verdict];
export const GRADUATE_CONTEXT = {
  title: 'Software Engineer Graduate (Payments) - 2026 Start (BS/MS)',
  employmentType: 'Regular',
  cohort: '2026 Start',
  locations: ['Singapore'],
};
export const GRADUATE_ROWS: GraduateRow[] = [
  ['tiktok', "Bachelor's degree or above in Computer Science or a related technical field", 'degree-field', 'met', 'met', 'met', 'unmet'],
  ['tiktok', "Master's degree in Computer Science, Data Science or a related field", 'degree-field', 'unmet', 'unmet', 'met', 'unmet'],
  ['own', 'Final year student or recent graduate', 'graduation', 'met', 'unmet', 'unmet', 'unmet'],
  // The field's own graduates, and recent ones of it: the CS graduate is recent, not of law.
  ['own', 'Law students in their final year, or recent law graduates', 'degree-field', 'partial', 'unmet', 'unmet', 'unmet'],
  ['own', 'Must be returning to school after the internship', 'graduation', 'unmet', 'met', 'met', 'met'],
  ['own', '1+ years of software engineering experience', 'experience-years', 'met', 'unknown', 'unknown', 'unknown'],
  ['own', '2+ years of software engineering experience', 'experience-years', 'unmet', 'unmet', 'unmet', 'unmet'],
  ['own', '1+ years with Python and Go', 'experience-years', 'met', 'partial', 'partial', 'partial'],
  // Internships counted and timed (the graduate's one internship ran three months); "0-2 years"
  // asks for none; "one or more years" is a year.
  ['own', 'At least 6 months of internship experience in a tech company', 'experience-years', 'unmet', 'unknown', 'unknown', 'unknown'],
  ['own', 'Minimum 3 months of relevant internship experience', 'experience-years', 'met', 'unknown', 'unknown', 'unknown'],
  ['own', '2 or more internships in software engineering', 'experience-years', 'unmet', 'unknown', 'unknown', 'unknown'],
  ['own', '0-2 years of experience in software development', 'experience-years', 'met', 'met', 'met', 'met'],
  ['own', 'One or more years of experience in a customer-facing role', 'experience-years', 'met', 'unknown', 'unknown', 'unknown'],
  // Two graduation windows joined by "or".
  ['own', 'Candidates who graduated in 2025 or will graduate in 2026', 'graduation', 'met', 'unmet', 'met', 'unmet'],
  ['tiktok', 'Currently enrolled in a university degree program', 'enrolment', 'unmet', 'met', 'met', 'met'],
  ['own', '3+ years with Python and Go', 'experience-years', 'unmet', 'partial', 'partial', 'unmet'],
  // Internships: the graduate's internship shows; the students list no roles, so nothing is told.
  ['own', 'Prior internship experience in software engineering', 'experience-years', 'met', 'unknown', 'unknown', 'unknown'],
];
