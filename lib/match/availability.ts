import type { Commitment, InternshipPeriod } from '../posting/schema';
import { aspect, emptyEvidence, type Aspect } from './aspect';
import type { MatchContext } from './context';
import {
  MONTH_PATTERN,
  NUMBER_PATTERN,
  addMonths,
  dayOf,
  monthEnd,
  monthNumber,
  monthStart,
  overlapDays,
  parseIsoDay,
  parseNumber,
  weeksIn,
  yearOfDay,
  type Day,
  type Period,
  type Window,
} from './dates';
import { MONTH_NAMES, dayLabel, monthIndexOfDay, monthLabel } from './dates';
import { hint, hintsOf } from './hints';
import { SEASON_SOURCE, SEASONS, SHORT_MONTHS } from '../text/calendar';
import type { LineKind, Verdict } from './report';

/**
 * Dates and durations: internship windows ("From May to August (onboard by 11 May 2026)"),
 * durations ("at least 3 months", "12 weeks during Summer 2026"), seasons and start dates,
 * checked against the profile's availability periods.
 *
 * Tolerances, because people round: a window counts as covered when the candidate can start by
 * the onboard date (or within two weeks of the window's first day) and stays until two weeks
 * before its last day; a duration allows a week of slack.
 */

interface StartWindow {
  from: Day;
  to: Day | null;
  label: string;
  /** "start by March 2027": any start from today to the end of that month. */
  by?: true;
}
export interface AvailabilityRequirement {
  windows: Window[];
  duration: (Commitment & { words: string }) | null;
  /**
   * Where the stretch must lie: a season ("Summer 2026"), or a stretch of months given beside a
   * duration ("12 weeks between May and September 2026"), which asks for the duration somewhere
   * in those months, not for all of them.
   */
  season: (Period & { label: string }) | null;
  starts: StartWindow[];
}

const GRACE_DAYS = 14;
const DURATION_SLACK_DAYS = 7;
/**
 * A commitment is a threshold: up to this many days short (after the slack above) is partly met,
 * and said so in the evidence; more is unmet (8 weeks of a 12-week internship is not "partly").
 */
const SHORTFALL_ALLOWANCE_DAYS = 14;
const SEASON_MIN_DAYS = 42;
/** A season line with less of the season than this (three weeks) is not partly met: unmet. */
const SEASON_PARTIAL_DAYS = 21;

const M = MONTH_PATTERN;
const WINDOW = new RegExp(
  `\\b[Ff]rom\\s+(${M})(?:\\s+(20\\d\\d))?\\s*(?:to|until|till|through|-|–)\\s*(${M})(?:\\s+(20\\d\\d))?(?:\\s*\\(\\s*(?:onboard|start)\\w*\\s+(?:by|on|before)\\s+([^)]+)\\))?`,
  'g',
);
// "June to August 2026", "July 2026 to December 2026".
const WINDOW_WITH_YEAR = new RegExp(`\\b(${M})(?:\\s+(20\\d\\d))?\\s*(?:-|–|to|until|through)\\s*(${M})\\s+(20\\d\\d)\\b`, 'g');
// "From June 1 to August 21, 2027", "from 8 June 2027 to 28 August 2027": a window to the day.
const DAY_RANGE_MDY = new RegExp(
  `\\bfrom\\s+(${M})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?(?:\\s+(20\\d\\d))?\\s*(?:to|until|till|through|-|–)\\s*(${M})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(20\\d\\d)\\b`,
  'i',
);
const DAY_RANGE_DMY = new RegExp(
  `\\bfrom\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s+(${M})(?:\\s+(20\\d\\d))?\\s*(?:to|until|till|through|-|–)\\s*(\\d{1,2})(?:st|nd|rd|th)?\\s+(${M}),?\\s+(20\\d\\d)\\b`,
  'i',
);
// "During summer break (June-August)", "Internship period: June - August": the months alone,
// in the posting's year, where the line is about being available or the internship's time.
const MONTH_SPAN = new RegExp(`\\b(${M})\\s*(?:-|–|to|until|through)\\s*(${M})\\b`);
const MONTH_SPAN_CONTEXT = /\bavailab|\bintern|\bperiod\b|\bduration\b|\bbreak\b|\bcommit/i;
/**
 * Months named as a stretch: "between May and September 2026", "Q1 2026", "the first half of
 * 2027". What the stretch asks depends on the words around it (see `readRange`).
 */
const BETWEEN = new RegExp(`\\b[Bb]etween\\s+(${M})(?:\\s+(20\\d\\d))?\\s+(?:and|&)\\s+(${M})(?:(?:\\s*,)?\\s+(20\\d\\d))?`);
const QUARTER = /\b(?:Q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)\s*(?:of\s+)?(?:,\s*)?(20\d\d)\b/i;
const HALF = /\b(?:H([12])|(first|second|1st|2nd)\s+half)\s*(?:of\s+)?(?:the\s+year\s+)?(?:,\s*)?(20\d\d)\b/i;
// "Starting in early 2027", "mid-2027": a third of the year.
const PART = /\b(early|mid|late)(?:-|\s+)(20\d\d)\b/i;
const PART_MONTHS: Readonly<Record<string, number>> = { early: 1, mid: 5, late: 9 };
const ORDINALS = ['first', 'second', 'third', 'fourth'];
const ORDINAL_DIGITS = ['1st', '2nd', '3rd', '4th'];
const ordinal = (word: string): number => Math.max(ORDINALS.indexOf(word.toLowerCase()), ORDINAL_DIGITS.indexOf(word.toLowerCase())) + 1;
const DURATION = new RegExp(
  `\\b(${NUMBER_PATTERN})\\s*(?:\\+\\s*)?(?:(?:-|–|to)\\s*${NUMBER_PATTERN}\\s*)?[\\s-]*(weeks?|months?)\\b`,
  'i',
);
const DURATION_CONTEXT =
  /\bcommit|\bavailab|\bstart|\bfor\b|\binternship|\bduration|\bperiod\b|\blong\b|\bruns?\b|\blasts?\b|\bminimum\b|\bat least\b|\bfull[- ]time\b|\bprogram|\bwork for\b/i;
const SEASON_YEAR = new RegExp(`\\b(${SEASON_SOURCE})\\s*(?:of\\s+)?(20\\d\\d)\\b|\\b(20\\d\\d)\\s+(${SEASON_SOURCE})\\b`, 'i');
const SEASON_ALONE = new RegExp(`\\b(${SEASON_SOURCE})\\s+(?:internship|intern|term|semester|start|cohort|programme|program)\\b`, 'i');
const DATE_MDY = new RegExp(`\\b(${M})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(20\\d\\d)\\b`, 'g');
const DATE_DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${M})\\s*,?\\s+(20\\d\\d)\\b`, 'g');
const DATE_ISO = /\b(20\d\d)-(\d\d)-(\d\d)\b/g;
const START_CUE = /\bstart|\bonboard|\bcommenc|\bbegin|\bjoin/i;
// "starting in May", "start from June 2026", "start in May or June 2027" (a start in either);
// "start by March 2027", "start no later than March 2027": a start before that month ends.
const START_WORDS = '\\b(?:start(?:s|ing)?|onboard(?:ing)?|commenc\\w*|begin(?:s|ning)?|join(?:s|ing)?)\\s+';
const OR_MONTH = `(?:\\s?(?:or|/|to|-|–)\\s?(${M}))?`;
const START_MONTH = new RegExp(
  `${START_WORDS}(?:[\\w-]+\\s+){0,3}?(in|from|by|no\\s+later\\s+than|not\\s+later\\s+than)\\s+(${M})${OR_MONTH}\\s*,?\\s*(20\\d\\d)?`,
  'i',
);
// With no word between, "beginning January 2027" needs its year: "start may vary" is not May.
const START_MONTH_BARE = new RegExp(`${START_WORDS}(${M})${OR_MONTH}\\s*,?\\s*(20\\d\\d)\\b`, 'i');
// "Internship start dates: January, May, or September 2026": a start in any of the months.
const START_LIST = new RegExp(
  `\\b(?:start(?:ing)?|onboard(?:ing)?)(?:\\s+(?:dates?|months?))?\\s*(?::|-|–|are\\b|include\\b)\\s*((?:${M})(?:\\s*,\\s*(?:${M}))+\\s*(?:,\\s*)?(?:or|and)\\s+(?:${M}))\\s*(?:,\\s*)?(20\\d\\d)\\b`,
  'i',
);
const LIST_MONTH = new RegExp(M, 'gi');
// A deadline just before a date or a stretch: "start on or before 1 June 2027", "no later than Q3".
const DEADLINE_BEFORE = /\b(?:by|before|no later than|not later than)\s*$/i;
// A start word a few words before a stretch of months makes it the start's: "start date in Q1 2026".
const START_BEFORE = new RegExp(`${START_WORDS}(?:[\\w-]+,?\\s+){0,3}$`, 'i');
const ONWARDS = new RegExp(`\\bfrom\\s+(${M})\\s*,?\\s*(20\\d\\d)\\s*(?:onwards?|or later)`, 'i');
// "Available from January 2027 for at least 6 months": with a duration, "from" a month is its start.
const FROM_MONTH = new RegExp(`\\bfrom\\s+(${M})\\s*,?\\s*(20\\d\\d)\\b`, 'i');

function parseDay(text: string): Day | null {
  const iso = /\b(20\d\d)-(\d\d)-(\d\d)\b/.exec(text);
  if (iso) return dayOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const mdy = new RegExp(`(${M})\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(20\\d\\d)`).exec(text);
  if (mdy) return dayOf(Number(mdy[3]), monthNumber(mdy[1]!)!, Number(mdy[2]));
  const dmy = new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?\\s+(${M})\\s*,?\\s+(20\\d\\d)`).exec(text);
  if (dmy) return dayOf(Number(dmy[3]), monthNumber(dmy[2]!)!, Number(dmy[1]));
  return null;
}

// Built as one literal with its label: spreading the period into a new object was among the
// bench's hottest lines.
function seasonPeriod(season: string, year: number, label: string): Period & { label: string } {
  switch (season.toLowerCase()) {
    case 'spring':
      return { from: monthStart(year, 1), to: monthEnd(year, 5), label };
    case 'summer':
      return { from: monthStart(year, 5), to: monthEnd(year, 9), label };
    case 'fall':
    case 'autumn':
      return { from: monthStart(year, 9), to: monthEnd(year, 12), label };
    default:
      return { from: monthStart(year - 1, 12), to: monthEnd(year, 3), label };
  }
}

function windowFrom(fromMonth: number, toMonth: number, year: number, onboardBy: Day | null): Window {
  const endYear = toMonth < fromMonth ? year + 1 : year;
  const label = `${MONTH_NAMES[fromMonth - 1]} to ${MONTH_NAMES[toMonth - 1]} ${endYear}${onboardBy !== null ? ` (start by ${dayLabel(onboardBy)})` : ''}`;
  return { from: monthStart(year, fromMonth), to: monthEnd(endYear, toMonth), onboardBy, label };
}

// Every availability wording names a month, a week or month count, a season, a start word or an ISO date.
const AVAILABILITY_WORDS = hint([
  ...SHORT_MONTHS.map((m) => m.toLowerCase()),
  'week',
  'month',
  ...SEASONS,
  'start',
  'onboard',
  'commenc',
  'begin',
  'join',
  '####-##-##',
  'quarter',
  'half',
  'q#',
  'h#',
]);
// Words each pattern below cannot match without, so a line runs only the patterns it can meet.
const FROM_WORD = hint(['from']);
const RANGE_WORD = hint(['between', 'quarter', 'half', 'q#', 'h#', 'early', 'mid', 'late']);
const FOUR_DIGITS = hint(['####']);
const WEEK_OR_MONTH = hint(['week', 'month']);
const SEASON_WORD = hint([...SEASONS]);
const START_WORD = hint(['start', 'onboard', 'commenc', 'begin', 'join']);
const AVAILABILITY_HINT =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|weeks?\b|months?\b|summer|spring|fall\b|autumn|winter|start|onboard|commenc|begin|join|\d{4}-\d\d-\d\d|\bquarter\b|\bhalf\b|\b[QH][1-4]\b/i;

export function readAvailability(text: string, ctx: MatchContext, hints = hintsOf(text)): AvailabilityRequirement | null {
  // The words without their boundaries first: most lines have none of them.
  if (!(hints & AVAILABILITY_WORDS) || !AVAILABILITY_HINT.test(text)) return null;
  const windows: Window[] = [];
  const spans: string[] = [];
  WINDOW.lastIndex = 0;
  for (let m = hints & FROM_WORD ? WINDOW.exec(text) : null; m; m = WINDOW.exec(text)) {
    const from = monthNumber(m[1]!)!;
    const to = monthNumber(m[3]!)!;
    const onboardBy = m[5] ? parseDay(m[5]) : null;
    const year = m[2]
      ? Number(m[2])
      : onboardBy !== null
        ? yearOfDay(onboardBy)
        : m[4]
          ? Number(m[4]) - (to < from ? 1 : 0)
          : ctx.defaultYear;
    windows.push(windowFrom(from, to, year, onboardBy));
    spans.push(m[0]);
  }
  if (windows.length === 0 && hints & FOUR_DIGITS) {
    WINDOW_WITH_YEAR.lastIndex = 0;
    for (let m = WINDOW_WITH_YEAR.exec(text); m; m = WINDOW_WITH_YEAR.exec(text)) {
      const from = monthNumber(m[1]!)!;
      const to = monthNumber(m[3]!)!;
      const year = m[2] ? Number(m[2]) : Number(m[4]) - (to < from ? 1 : 0);
      windows.push(windowFrom(from, to, year, null));
      spans.push(m[0]);
    }
  }
  if (windows.length === 0 && hints & FROM_WORD && hints & FOUR_DIGITS) {
    const mdy = DAY_RANGE_MDY.exec(text);
    const dmy = mdy ? null : DAY_RANGE_DMY.exec(text);
    if (mdy || dmy) {
      const [m1, d1, y1, m2, d2, y2] = mdy ? mdy.slice(1) : [dmy![2], dmy![1], dmy![3], dmy![5], dmy![4], dmy![6]];
      const to = dayOf(Number(y2), monthNumber(m2!)!, Number(d2));
      const first = monthNumber(m1!)!;
      const year = y1 ? Number(y1) : Number(y2) - (first > monthNumber(m2!)! ? 1 : 0);
      const from = dayOf(year, first, Number(d1));
      if (from <= to) {
        windows.push({ from, to, onboardBy: null, label: `${dayLabel(from)} to ${dayLabel(to)}` });
        spans.push((mdy ?? dmy)![0]);
      }
    }
  }
  if (windows.length === 0 && !(hints & FOUR_DIGITS) && MONTH_SPAN_CONTEXT.test(text)) {
    const m = MONTH_SPAN.exec(text);
    if (m) {
      windows.push(windowFrom(monthNumber(m[1]!)!, monthNumber(m[2]!)!, ctx.defaultYear, null));
      spans.push(m[0]);
    }
  }
  const range = windows.length === 0 && hints & RANGE_WORD ? readRange(text, ctx) : null;

  let duration: AvailabilityRequirement['duration'] = null;
  const d = hints & WEEK_OR_MONTH ? DURATION.exec(text) : null;
  if (
    d &&
    DURATION_CONTEXT.test(text) &&
    // "3 months of relevant internship experience", "6 months of full-time or internship
    // experience", "6 months in a data engineering role" are experience, not a commitment.
    !/^\s*(?:of\s+)?(?:[\w-]+\s+){0,3}(?:experience|work experience)|^\s*of\s+(?:[\w-]+\s+){0,2}internships\b|^\s*(?:in|as)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}(?:role|position)\b/i.test(
      text.slice(d.index + d[0].length, d.index + d[0].length + 40),
    )
  ) {
    const amount = parseNumber(d[1]!);
    if (amount) duration = { amount, unit: d[2]!.toLowerCase().startsWith('week') ? 'week' : 'month', words: d[0] };
  }

  let season: AvailabilityRequirement['season'] = null;
  const s = hints & SEASON_WORD ? SEASON_YEAR.exec(text) : null;
  if (s) {
    const name = s[1] ?? s[4]!;
    const year = Number(s[2] ?? s[3]);
    season = seasonPeriod(name, year, s[0]);
  } else if (windows.length === 0 && hints & SEASON_WORD) {
    const alone = SEASON_ALONE.exec(text);
    if (alone) season = seasonPeriod(alone[1]!, ctx.defaultYear, `${alone[0]} ${ctx.defaultYear}`);
  }

  const starts: StartWindow[] = [];
  if (range) {
    spans.push(range.words);
    const within = { from: monthStart(range.year, range.first), to: monthEnd(range.endYear, range.last), label: range.label };
    // "A start date in Q1 2026": when to start. "12 weeks between May and September": where the
    // weeks lie. Alone, "available between June and August 2026": all of it, as a window.
    const before = text.slice(0, range.index);
    // "Start no later than Q3 2027": any start from today to the stretch's end.
    if (START_BEFORE.test(before) && DEADLINE_BEFORE.test(before))
      starts.push({ from: ctx.today <= within.to ? ctx.today : 0, to: within.to, label: range.words, by: true });
    else if (START_BEFORE.test(before)) starts.push(within);
    else if (duration) season = within;
    else windows.push(windowFrom(range.first, range.last, range.year, null));
  } else if (duration && windows.length === 1 && windows[0]!.onboardBy === null) {
    // "12 weeks from May to September 2026" asks for 12 weeks in those months: the months are
    // where the duration lies unless the two are about as long.
    const w = windows[0]!;
    if (w.to - lastNeededDay(w.from, duration) > 2 * GRACE_DAYS) {
      season = { from: w.from, to: w.to, label: w.label };
      windows.length = 0;
    }
  }
  // "Available in early 2027 for 6 months": months too few for the duration are when it starts.
  if (duration && season && lastNeededDay(season.from, duration) > season.to + GRACE_DAYS) {
    starts.push(season);
    season = null;
  }
  // Start dates need a start word, "from … onwards" needs "from" (removing spans adds no words).
  if (hints & (START_WORD | FROM_WORD)) readStarts(text, spans, hints, ctx, starts, duration !== null);

  if (windows.length === 0 && !duration && !season && starts.length === 0) return null;
  return { windows, duration, season, starts };
}

interface Range {
  first: number;
  last: number;
  year: number;
  endYear: number;
  words: string;
  label: string;
  index: number;
}

// "Expected graduation between Q4 2026 and Q2 2027" is about the degree, however it is written.
const GRADUATION_BEFORE = /\bgraduat|\bcomplet|\bclass of\b/i;

function readRange(text: string, ctx: MatchContext): Range | null {
  const range = firstRange(text, ctx);
  return range && !GRADUATION_BEFORE.test(text.slice(0, range.index)) ? range : null;
}

function firstRange(text: string, ctx: MatchContext): Range | null {
  const between = BETWEEN.exec(text);
  if (between) {
    const first = monthNumber(between[1]!)!;
    const last = monthNumber(between[3]!)!;
    const endYear = between[4] ? Number(between[4]) : between[2] ? Number(between[2]) + (last < first ? 1 : 0) : ctx.defaultYear;
    const year = between[2] ? Number(between[2]) : endYear - (last < first ? 1 : 0);
    // Said as a window is ("May to September 2026"): "during between …" would not read.
    const label = `${MONTH_NAMES[first - 1]} to ${MONTH_NAMES[last - 1]} ${endYear}`;
    return { first, last, year, endYear, words: between[0], label, index: between.index };
  }
  const quarter = QUARTER.exec(text);
  if (quarter) {
    const q = quarter[1] ? Number(quarter[1]) : ordinal(quarter[2]!);
    const year = Number(quarter[3]);
    return { first: 3 * q - 2, last: 3 * q, year, endYear: year, words: quarter[0], label: quarter[0], index: quarter.index };
  }
  const half = HALF.exec(text);
  if (half) {
    const h = half[1] ? Number(half[1]) : ordinal(half[2]!);
    const year = Number(half[3]);
    return { first: 6 * h - 5, last: 6 * h, year, endYear: year, words: half[0], label: half[0], index: half.index };
  }
  const part = PART.exec(text);
  if (part) {
    const first = PART_MONTHS[part[1]!.toLowerCase()]!;
    const year = Number(part[2]);
    return { first, last: first + 3, year, endYear: year, words: part[0], label: part[0], index: part.index };
  }
  return null;
}

const DATES: readonly [RegExp, (m: RegExpExecArray) => Day][] = [
  [DATE_MDY, (m) => dayOf(Number(m[3]), monthNumber(m[1]!)!, Number(m[2]))],
  [DATE_DMY, (m) => dayOf(Number(m[3]), monthNumber(m[2]!)!, Number(m[1]))],
  [DATE_ISO, (m) => dayOf(Number(m[1]), Number(m[2]), Number(m[3]))],
];

function readStarts(text: string, spans: string[], hints: number, ctx: MatchContext, starts: StartWindow[], withDuration: boolean): void {
  // Onboard dates inside a window belong to the window, not to a list of start dates.
  let rest = text;
  for (const span of spans) rest = rest.replace(span, ' ');
  if (hints & START_WORD && START_CUE.test(rest)) {
    for (const [re, pick] of DATES) {
      re.lastIndex = 0;
      for (let m = re.exec(rest); m; m = re.exec(rest)) {
        const day = pick(m);
        // "Able to start on or before 1 June 2027": any day from today to then.
        const deadline = DEADLINE_BEFORE.exec(rest.slice(Math.max(0, m.index - 30), m.index));
        // "Before" the day is the day before it, unless "on or before".
        const last =
          deadline && /^before/i.test(deadline[0]) && !/\bon or\s*$/i.test(rest.slice(0, m.index - deadline[0].length)) ? day - 1 : day;
        if (deadline) starts.push({ from: ctx.today <= last ? ctx.today : 0, to: last, label: m[0], by: true });
        else starts.push({ from: day, to: day, label: m[0] });
      }
    }
  }
  if (starts.length === 0 && hints & START_WORD) {
    const list = START_LIST.exec(rest);
    if (list) {
      const year = Number(list[2]);
      for (const name of list[1]!.match(LIST_MONTH) ?? []) {
        const month = monthNumber(name)!;
        starts.push({ from: monthStart(year, month), to: monthEnd(year, month), label: `${name} ${year}` });
      }
    }
  }
  if (starts.length === 0) {
    const month = startMonth(rest, hints, withDuration);
    if (month) {
      const first = monthNumber(month.first)!;
      const last = month.last ? monthNumber(month.last)! : first;
      const year = month.year ? Number(month.year) : ctx.defaultYear;
      const to = month.openEnded ? null : monthEnd(last < first ? year + 1 : year, last);
      // A deadline: any start from today until it, or, once it has passed (an old posting), any
      // start before it, as the line said when it was written.
      if (month.by && to !== null) starts.push({ from: ctx.today <= to ? ctx.today : 0, to, label: month.words.trim(), by: true });
      else starts.push({ from: monthStart(year, first), to, label: month.words.trim() });
    }
  }
}

interface StartMonth {
  first: string;
  last?: string;
  year?: string;
  words: string;
  /** "from June 2026 onwards": any start from then. */
  openEnded: boolean;
  /** "by March 2027": any start until that month ends. */
  by: boolean;
}

function startMonth(rest: string, hints: number, withDuration: boolean): StartMonth | null {
  const onwards = hints & FROM_WORD ? ONWARDS.exec(rest) : null;
  if (onwards) return { first: onwards[1]!, year: onwards[2], words: onwards[0], openEnded: true, by: false };
  const start = hints & START_WORD ? START_MONTH.exec(rest) : null;
  if (start) {
    const by = !/^(?:in|from)$/i.test(start[1]!) && start[3] === undefined;
    return { first: start[2]!, last: start[3], year: start[4], words: start[0], openEnded: false, by };
  }
  const bare = hints & START_WORD ? START_MONTH_BARE.exec(rest) : null;
  if (bare) return { first: bare[1]!, last: bare[2], year: bare[3], words: bare[0], openEnded: false, by: false };
  const from = withDuration && hints & FROM_WORD ? FROM_MONTH.exec(rest) : null;
  return from ? { first: from[1]!, year: from[2], words: from[0], openEnded: false, by: false } : null;
}

/** "from 1 Jun 2026", "11 May 2026", "in May 2026", "in May or Jun 2027", "between Jan and Mar 2026". */
function startLabel(s: StartWindow): string {
  if (s.to === null) return `from ${dayLabel(s.from)}`;
  // A month's deadline ends on its last day; any other is a day's ("by 1 Jun 2027").
  if (s.by) return `by ${monthIndexOfDay(s.to + 1) !== monthIndexOfDay(s.to) ? monthLabel(monthIndexOfDay(s.to)) : dayLabel(s.to)}`;
  if (s.from === s.to) return dayLabel(s.from);
  const first = monthIndexOfDay(s.from);
  const last = monthIndexOfDay(s.to);
  if (last === first) return `in ${monthLabel(first)}`;
  const from = Math.floor(first / 12) === Math.floor(last / 12) ? SHORT_MONTHS[first % 12] : monthLabel(first);
  return last === first + 1 ? `in ${from} or ${monthLabel(last)}` : `between ${from} and ${monthLabel(last)}`;
}

function kindOf(req: AvailabilityRequirement): LineKind {
  if (req.windows.length) return 'internship-window';
  if (req.duration) return 'duration';
  return 'start-dates';
}

// A profile's periods as days, with their evidence text, worked out once per profile.
type ProfilePeriod = Period & { available: string };
const periodCache = new WeakMap<object, ProfilePeriod[]>();
function periods(ctx: MatchContext): ProfilePeriod[] {
  const list = ctx.profile.availability;
  let cached = periodCache.get(list);
  if (!cached) {
    cached = list.map((a) => {
      const p = { from: parseIsoDay(a.from), to: parseIsoDay(a.to) };
      return { ...p, available: `available ${dayLabel(p.from)} to ${dayLabel(p.to)}` };
    });
    periodCache.set(list, cached);
  }
  return cached;
}

const RANK: Record<Verdict, number> = { unmet: 0, partial: 1, met: 2, unknown: 3 };
const worst = (a: Verdict, b: Verdict): Verdict => (RANK[a] <= RANK[b] ? a : b);

function lastNeededDay(from: Day, duration: Commitment): Day {
  return duration.unit === 'week' ? from + duration.amount * 7 - 1 : addMonths(from, duration.amount) - 1;
}
function durationLabel(duration: Commitment): string {
  return `${duration.amount} ${duration.unit}${duration.amount === 1 ? '' : 's'}`;
}

export function assessAvailability(req: AvailabilityRequirement, ctx: MatchContext): Aspect {
  const kind = kindOf(req);
  const evidence = emptyEvidence();
  const ps = periods(ctx);
  if (ps.length === 0) {
    evidence.notes.push('your profile gives no availability');
    return aspect(kind, 'unknown', evidence, true);
  }
  let verdict: Verdict = 'met';
  const reasons: string[] = [];

  if (req.windows.length) {
    let best: Verdict = 'unmet';
    let bestText = '';
    let leastShort = Infinity;
    for (const w of req.windows) {
      for (const p of ps) {
        const startBy = w.onboardBy ?? w.from + GRACE_DAYS;
        const short = overlapDays(p, w) === 0 ? Infinity : Math.max(0, p.from - startBy) + Math.max(0, w.to - GRACE_DAYS - p.to);
        const v: Verdict = short === 0 ? 'met' : short <= SHORTFALL_ALLOWANCE_DAYS ? 'partial' : 'unmet';
        if (RANK[v] > RANK[best] || (v === best && short < leastShort)) {
          best = v;
          bestText = `${w.label}: you are ${p.available.replace(/^available /, '')}`;
        }
        leastShort = Math.min(leastShort, short);
        if (v === 'met') evidence.matched.push({ requirement: w.label, profile: p.available });
      }
    }
    if (best !== 'met') {
      const wanted = req.windows.length > 1 ? `one of: ${req.windows.map((w) => w.label).join('; ')}` : req.windows[0]!.label;
      evidence.missing.push(`available ${wanted}`);
      if (leastShort < Infinity)
        evidence.notes.push(
          `closest: ${bestText} (${leastShort} days short${best === 'partial' ? `; up to ${SHORTFALL_ALLOWANCE_DAYS} days short counts as partly met` : ''})`,
        );
      reasons.push(`Needs you available ${wanted}`);
    }
    verdict = worst(verdict, best);
  }

  if (req.duration || req.season || req.starts.length) {
    const duration = req.duration;
    // Candidate stretches: each availability period, clipped to the season, from each allowed start.
    let best: Verdict = 'unmet';
    let longest = 0;
    let shortest = Infinity;
    // The stretch the evidence quotes; its words are put together once, at the end.
    let matched: { p: ProfilePeriod; s: StartWindow | null } | null = null;
    const starts: (StartWindow | null)[] = req.starts.length ? req.starts : [null];
    for (const p of ps) {
      for (const s of starts) {
        let from = p.from;
        let to = p.to;
        if (s) {
          if (p.from > (s.to ?? Number.MAX_SAFE_INTEGER) || p.to < s.from) continue;
          from = Math.max(p.from, s.from);
        }
        if (req.season) {
          from = Math.max(from, req.season.from);
          to = Math.min(to, req.season.to);
          if (to < from) continue;
        }
        const days = to - from + 1;
        let v: Verdict;
        if (duration) {
          const short = lastNeededDay(from, duration) - to - DURATION_SLACK_DAYS;
          v = short <= 0 ? 'met' : short <= SHORTFALL_ALLOWANCE_DAYS ? 'partial' : 'unmet';
          if (v !== 'met') shortest = Math.min(shortest, short + DURATION_SLACK_DAYS);
        } else if (req.season && !s) {
          v = days >= SEASON_MIN_DAYS ? 'met' : days >= SEASON_PARTIAL_DAYS ? 'partial' : 'unmet';
        } else v = 'met';
        longest = Math.max(longest, days);
        if (RANK[v] > RANK[best] || !matched) {
          best = RANK[v] > RANK[best] ? v : best;
          matched = { p, s };
        }
      }
    }
    if (best === 'met' && matched) {
      evidence.matched.push({
        requirement: [duration?.words, req.season?.label, matched.s?.label].filter(Boolean).join(', '),
        profile: matched.p.available,
      });
    } else {
      const wanted = [
        duration ? durationLabel(duration) : null,
        req.season ? `during ${req.season.label}` : null,
        req.starts.length ? `starting ${req.starts.map(startLabel).join(' or ')}` : null,
      ]
        .filter(Boolean)
        .join(' ');
      evidence.missing.push(`available ${wanted}`);
      if (longest > 0) {
        const short = duration && shortest < Infinity ? `, ${shortest} days short` : '';
        const allowance =
          best === 'partial' && duration ? `; up to ${SHORTFALL_ALLOWANCE_DAYS + DURATION_SLACK_DAYS} days short counts as partly met` : '';
        evidence.notes.push(`you are available for ${weeksIn(longest)} weeks of it${short}${allowance}`);
      }
      reasons.push(`Needs you available ${wanted}`);
    }
    verdict = worst(verdict, best);
  }

  return aspect(kind, verdict, evidence, true, verdict === 'unmet' ? reasons.join('; ') : undefined);
}

/** The posting's own internship periods, as windows. */
export function windowsOfPeriods(periods: InternshipPeriod[], defaultYear: number): Window[] {
  return periods.map((p) => {
    const from = MONTH_NAMES.indexOf(p.from) + 1;
    const to = MONTH_NAMES.indexOf(p.to) + 1;
    const onboardBy = p.onboardBy ? parseIsoDay(p.onboardBy) : null;
    const year = onboardBy !== null ? yearOfDay(onboardBy) : defaultYear;
    return windowFrom(from, to, year, onboardBy);
  });
}
