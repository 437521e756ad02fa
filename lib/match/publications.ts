import { aspect, emptyEvidence, type Aspect } from './aspect';
import type { MatchContext } from './context';
import { parseNumber } from './dates';
import { hint } from './hints';
import { listOr } from './text';
import { escapeRegExp } from '../text/regexp';

/**
 * Publication lines: "first-author publications in top conferences (NeurIPS, ICML, ...)".
 * Venues named in the line count; when the line says "top"/"top-tier"/"premier" (or names
 * venues as examples), any venue in the list below counts too.
 */

// Top venues by community, with the spellings people use.
const VENUES: Record<string, string[]> = {
  NeurIPS: ['neurips', 'nips'],
  ICML: ['icml'],
  ICLR: ['iclr'],
  AAAI: ['aaai'],
  IJCAI: ['ijcai'],
  COLT: ['colt'],
  UAI: ['uai'],
  AISTATS: ['aistats'],
  CVPR: ['cvpr'],
  ICCV: ['iccv'],
  ECCV: ['eccv'],
  SIGGRAPH: ['siggraph', 'siggraph asia'],
  ACL: ['acl'],
  EMNLP: ['emnlp'],
  NAACL: ['naacl'],
  COLING: ['coling'],
  Interspeech: ['interspeech'],
  ICASSP: ['icassp'],
  KDD: ['kdd', 'sigkdd'],
  WWW: ['www', 'the web conference', 'thewebconf'],
  SIGIR: ['sigir'],
  WSDM: ['wsdm'],
  RecSys: ['recsys'],
  CIKM: ['cikm'],
  ICDM: ['icdm'],
  SIGMOD: ['sigmod'],
  VLDB: ['vldb', 'pvldb'],
  ICDE: ['icde'],
  OSDI: ['osdi'],
  SOSP: ['sosp'],
  NSDI: ['nsdi'],
  SIGCOMM: ['sigcomm'],
  EuroSys: ['eurosys'],
  ATC: ['usenix atc', 'atc'],
  ASPLOS: ['asplos'],
  ISCA: ['isca'],
  MICRO: ['micro'],
  MLSys: ['mlsys'],
  SC: ['supercomputing'],
  'IEEE S&P': ['ieee s&p', 'oakland', 's&p'],
  'USENIX Security': ['usenix security'],
  CCS: ['ccs', 'acm ccs'],
  NDSS: ['ndss'],
  CHI: ['chi'],
  UIST: ['uist'],
  ICSE: ['icse'],
  FSE: ['fse'],
  PLDI: ['pldi'],
  POPL: ['popl'],
  TPAMI: ['tpami', 'ieee tpami', 'pami'],
  JMLR: ['jmlr'],
  IJCV: ['ijcv'],
  TOG: ['tog', 'acm tog'],
  TKDE: ['tkde'],
  TACL: ['tacl'],
  Nature: ['nature'],
  Science: ['science'],
};
const byAlias = new Map<string, string>();
for (const [name, aliases] of Object.entries(VENUES)) for (const a of aliases) byAlias.set(a, name);
const ALIASES = [...byAlias.keys()].sort((a, b) => b.length - a.length);
// Venue acronyms are written in capitals in postings ("ACL", not "acl"); names like "Nature" capitalised.
const ANY_VENUE = new RegExp(`(?<![\\w&])(?:${ALIASES.map(escapeRegExp).join('|')})(?![\\w&])`, 'gi');

const CUE =
  /\bpublications?\b|\bpublished\b|\bpublishing\b|\bpapers?\b|\bfirst[- ]author|\bresearch (?:output|record|contributions?)\b|\bcontribut\w* to (?:the |a )?(?:research|academic|scientific) communit(?:y|ies)\b/i;
// Words that make a cue a research record, not "white papers" or "published apps".
const RESEARCH =
  /\bpublications?\b|\bpublished (?:papers?|work|research|articles?)\b|\b(?:research|academic|scientific|conference|journal|peer[- ]reviewed) (?:papers?|publications?|output|record|contributions?|communit(?:y|ies))\b|\bpapers? (?:at|in|published)\b|\bresearch (?:output|record)\b|\bcontribut\w* to (?:the |a )?(?:research|academic|scientific) communit/i;
const TOP = /\btop(?:[- ]tier)?\b|\bpremier\b|\bleading\b|\bprestigious\b|\bmajor\b|\brenowned\b|\bhigh[- ]impact\b/i;
const FIRST_AUTHOR = /\bfirst[- ]author(?:ed)?\b|\blead author\b/i;
const COUNT = /\b(\d|one|two|three|four|five)\s*\+?\s*(?:or more\s+)?(?:first[- ]author(?:ed)?\s+)?(?:publications|papers)\b/i;

export interface PublicationRequirement {
  venues: string[];
  anyTop: boolean;
  firstAuthor: boolean;
  count: number;
  words: string;
}

function venueOf(text: string, strictCase: boolean): string[] {
  const out: string[] = [];
  ANY_VENUE.lastIndex = 0;
  for (let m = ANY_VENUE.exec(text); m; m = ANY_VENUE.exec(text)) {
    const alias = m[0].toLowerCase();
    const name = byAlias.get(alias)!;
    // In a requirement line, short all-lowercase words ("micro", "science", "nature") are words.
    if (strictCase && m[0] === m[0].toLowerCase()) continue;
    if (
      strictCase &&
      (name === 'Nature' || name === 'Science' || name === 'MICRO' || name === 'SC') &&
      !/\b(?:journals?|conferences?|venues?)\b/i.test(text)
    )
      continue;
    out.push(name);
  }
  return [...new Set(out)];
}

const PUBLICATION_HINT = hint(['publica', 'publish', 'paper', 'author', 'research', 'contribut']);

export function readPublications(text: string, hints: number): PublicationRequirement | null {
  if (!(hints & PUBLICATION_HINT)) return null;
  const cue = CUE.exec(text);
  if (!cue) return null;
  const venues = venueOf(text, true);
  const anyTop = TOP.test(text) || (venues.length > 0 && /\be\.g\.|\bsuch as\b|\bincluding\b|\betc\b|\.\.\.|…/i.test(text));
  const firstAuthor = FIRST_AUTHOR.test(text);
  if (
    venues.length === 0 &&
    !anyTop &&
    !firstAuthor &&
    !/\bconferences?\b|\bjournals?\b|\bvenues?\b|\bpeer[- ]reviewed\b/i.test(text) &&
    !RESEARCH.test(text)
  )
    return null;
  const count = parseNumber(COUNT.exec(text)?.[1] ?? '1') ?? 1;
  return { venues, anyTop, firstAuthor, count, words: cue[0] };
}

// A profile's venues are read once, not on every publication line of every posting.
const profileVenues = new Map<string, string[]>();
function venueOk(req: PublicationRequirement, venue: string): boolean {
  if (req.venues.length === 0 && !req.anyTop) return true;
  let names = profileVenues.get(venue);
  if (!names) {
    names = venueOf(venue, false);
    if (profileVenues.size < 1000) profileVenues.set(venue, names);
  }
  return names.some((n) => req.venues.includes(n) || req.anyTop);
}

/** "NeurIPS 2024", without the year twice when the venue already carries it ("ICML 2025"). */
function paperOf(p: { venue: string; year: number }): string {
  return p.venue.includes(String(p.year)) ? p.venue : `${p.venue} ${p.year}`;
}

export function assessPublications(req: PublicationRequirement, ctx: MatchContext): Aspect {
  const evidence = emptyEvidence();
  const pubs = ctx.profile.publications;
  if (pubs.length === 0) {
    evidence.notes.push('your profile lists no publications');
    return aspect('publications', 'unknown', evidence);
  }
  const full = pubs.filter((p) => venueOk(req, p.venue) && (!req.firstAuthor || p.firstAuthor));
  const wanted = `${req.count > 1 ? `${req.count} ` : ''}${req.firstAuthor ? 'first-author ' : ''}publication${req.count > 1 ? 's' : ''}${
    req.venues.length ? ` at ${listOr(req.venues)}${req.anyTop ? ' or another top venue' : ''}` : req.anyTop ? ' at a top venue' : ''
  }`;
  for (const p of full)
    evidence.matched.push({ requirement: req.words, profile: `${paperOf(p)}${p.firstAuthor ? ' (first author)' : ''}` });
  if (full.length >= req.count) return aspect('publications', 'met', evidence);
  const atVenue = pubs.filter((p) => venueOk(req, p.venue));
  evidence.missing.push(wanted);
  if (full.length > 0 || atVenue.length > 0) {
    if (full.length === 0) evidence.notes.push(`at the right venues but not as first author: ${atVenue.map(paperOf).join(', ')}`);
    return aspect('publications', 'partial', evidence);
  }
  evidence.notes.push(`your publications: ${pubs.map(paperOf).join(', ')}`);
  return aspect('publications', 'unmet', evidence);
}
