import type { WorkAuthorization } from '../profile/schema';
import { aspect, emptyEvidence, type Aspect } from './aspect';
import type { MatchContext } from './context';
import { CAPITAL_PR, hint } from './hints';
import { listOr } from './text';
import { escapeRegExp } from '../text/regexp';

/**
 * Where a line asks the candidate to work, and whether the profile's locations cover it.
 * The list holds the cities TikTok and ByteDance hire in (from the careers site's location
 * filter and the seeds) with their countries, plus the regions people write in a profile.
 */

const CITIES: Record<string, string> = {
  singapore: 'Singapore',
  sydney: 'Australia',
  melbourne: 'Australia',
  brisbane: 'Australia',
  perth: 'Australia',
  london: 'United Kingdom',
  manchester: 'United Kingdom',
  edinburgh: 'United Kingdom',
  dublin: 'Ireland',
  paris: 'France',
  berlin: 'Germany',
  munich: 'Germany',
  hamburg: 'Germany',
  amsterdam: 'Netherlands',
  madrid: 'Spain',
  barcelona: 'Spain',
  milan: 'Italy',
  rome: 'Italy',
  warsaw: 'Poland',
  stockholm: 'Sweden',
  zurich: 'Switzerland',
  brussels: 'Belgium',
  lisbon: 'Portugal',
  istanbul: 'Turkey',
  dubai: 'United Arab Emirates',
  'abu dhabi': 'United Arab Emirates',
  riyadh: 'Saudi Arabia',
  cairo: 'Egypt',
  'tel aviv': 'Israel',
  johannesburg: 'South Africa',
  nairobi: 'Kenya',
  lagos: 'Nigeria',
  jakarta: 'Indonesia',
  'kuala lumpur': 'Malaysia',
  bangkok: 'Thailand',
  'ho chi minh city': 'Vietnam',
  hanoi: 'Vietnam',
  manila: 'Philippines',
  seoul: 'South Korea',
  tokyo: 'Japan',
  osaka: 'Japan',
  'hong kong': 'Hong Kong',
  taipei: 'Taiwan',
  beijing: 'China',
  shanghai: 'China',
  shenzhen: 'China',
  hangzhou: 'China',
  guangzhou: 'China',
  chengdu: 'China',
  wuhan: 'China',
  nanjing: 'China',
  bengaluru: 'India',
  bangalore: 'India',
  mumbai: 'India',
  'new delhi': 'India',
  karachi: 'Pakistan',
  'los angeles': 'United States',
  'san jose': 'United States',
  'san francisco': 'United States',
  'mountain view': 'United States',
  'palo alto': 'United States',
  'menlo park': 'United States',
  seattle: 'United States',
  bellevue: 'United States',
  'new york': 'United States',
  'new york city': 'United States',
  nyc: 'United States',
  austin: 'United States',
  chicago: 'United States',
  'washington d.c.': 'United States',
  'washington dc': 'United States',
  boston: 'United States',
  miami: 'United States',
  atlanta: 'United States',
  nashville: 'United States',
  toronto: 'Canada',
  vancouver: 'Canada',
  'mexico city': 'Mexico',
  'são paulo': 'Brazil',
  'sao paulo': 'Brazil',
  'buenos aires': 'Argentina',
  bogota: 'Colombia',
};

const COUNTRY_ALIASES: Record<string, string> = {
  'united states': 'United States',
  'united states of america': 'United States',
  usa: 'United States',
  us: 'United States',
  'u.s.': 'United States',
  'u.s.a.': 'United States',
  america: 'United States',
  'united kingdom': 'United Kingdom',
  uk: 'United Kingdom',
  'u.k.': 'United Kingdom',
  britain: 'United Kingdom',
  'great britain': 'United Kingdom',
  england: 'United Kingdom',
  'united arab emirates': 'United Arab Emirates',
  uae: 'United Arab Emirates',
  'south korea': 'South Korea',
  korea: 'South Korea',
  'republic of korea': 'South Korea',
  china: 'China',
  'mainland china': 'China',
  'hong kong': 'Hong Kong',
  'hong kong sar': 'Hong Kong',
  taiwan: 'Taiwan',
};
for (const country of new Set(Object.values(CITIES))) COUNTRY_ALIASES[country.toLowerCase()] ??= country;

const REGIONS: Record<string, string[]> = {
  europe: [
    'United Kingdom',
    'Ireland',
    'France',
    'Germany',
    'Netherlands',
    'Spain',
    'Italy',
    'Poland',
    'Sweden',
    'Switzerland',
    'Belgium',
    'Portugal',
  ],
  eu: ['Ireland', 'France', 'Germany', 'Netherlands', 'Spain', 'Italy', 'Poland', 'Sweden', 'Belgium', 'Portugal'],
  'southeast asia': ['Singapore', 'Indonesia', 'Malaysia', 'Thailand', 'Vietnam', 'Philippines'],
  sea: ['Singapore', 'Indonesia', 'Malaysia', 'Thailand', 'Vietnam', 'Philippines'],
  'north america': ['United States', 'Canada', 'Mexico'],
  apac: [
    'Singapore',
    'Australia',
    'Indonesia',
    'Malaysia',
    'Thailand',
    'Vietnam',
    'Philippines',
    'Japan',
    'South Korea',
    'Hong Kong',
    'Taiwan',
    'India',
  ],
  'middle east': ['United Arab Emirates', 'Saudi Arabia', 'Israel', 'Turkey', 'Egypt'],
  'greater china': ['China', 'Hong Kong', 'Taiwan'],
};
const BAY_AREA = ['san jose', 'san francisco', 'mountain view', 'palo alto', 'menlo park'];

export interface Place {
  /** As written. */
  text: string;
  city: string | null;
  country: string;
}

const PLACE_NAMES = [...new Set([...Object.keys(CITIES), ...Object.keys(COUNTRY_ALIASES), ...Object.keys(REGIONS)])].sort(
  (a, b) => b.length - a.length,
);
const SHORT_UPPER = new Set(['us', 'uk', 'uae', 'usa', 'sea', 'eu']);
const ANY_PLACE = new RegExp(`(?<![\\w.])(?:${PLACE_NAMES.map(escapeRegExp).join('|')})(?![\\w])`, 'gi');

/**
 * Known places named in the text, in order. A region ("Europe", "Southeast Asia") is each of its
 * countries, under the region's name.
 */
export function findPlaces(text: string): Place[] {
  const places: Place[] = [];
  ANY_PLACE.lastIndex = 0;
  for (let m = ANY_PLACE.exec(text); m; m = ANY_PLACE.exec(text)) {
    const key = m[0].toLowerCase().replace(/\s+/g, ' ');
    // "us" is a pronoun; only "US" names the country ("sea" is the sea, "SEA" the region).
    if (SHORT_UPPER.has(key.replace(/\./g, '')) && m[0] !== m[0].toUpperCase()) continue;
    const place = placeOf(m[0]);
    if (place) places.push(place);
    else if (Object.hasOwn(REGIONS, key)) for (const country of REGIONS[key]!) places.push({ text: m[0], city: null, country });
  }
  return places;
}

// Place names repeat across lines and postings: read each spelling once. Places are never changed
// after they are made, so one object can serve every line that names it.
const placeCache = new Map<string, Place | null>();
// Two spellings of one city: the same city wherever either is written.
const SAME_CITY: Readonly<Record<string, string>> = {
  bengaluru: 'bangalore',
  'new york city': 'new york',
  nyc: 'new york',
  'washington dc': 'washington d.c.',
};
export function placeOf(name: string): Place | null {
  let place = placeCache.get(name);
  if (place !== undefined) return place;
  const key = name.trim().toLowerCase().replace(/\s+/g, ' ');
  // Own keys only: a profile's "constructor" or "toString" is text, not a place.
  if (Object.hasOwn(CITIES, key))
    place = { text: name.trim(), city: Object.hasOwn(SAME_CITY, key) ? SAME_CITY[key]! : key, country: CITIES[key]! };
  else if (Object.hasOwn(COUNTRY_ALIASES, key))
    place = { text: name.trim(), city: key === 'singapore' || key === 'hong kong' ? key : null, country: COUNTRY_ALIASES[key]! };
  else place = null;
  if (placeCache.size < 1000) placeCache.set(name, place);
  return place;
}

/** What a profile location stands for, worked out once per entry: profiles are matched against many postings. */
type Coverage =
  { kind: 'anywhere' } | { kind: 'bay-area' } | { kind: 'region'; countries: string[] } | { kind: 'place'; own: Place | null };
const coverageCache = new Map<string, Coverage>();

function coverageOf(profileLocation: string): Coverage {
  const cached = coverageCache.get(profileLocation);
  if (cached) return cached;
  const key = profileLocation.trim().toLowerCase().replace(/\s+/g, ' ');
  let coverage: Coverage;
  if (/^(?:anywhere|any location|worldwide|global|open to relocation|willing to relocate(?: anywhere)?)$/.test(key))
    coverage = { kind: 'anywhere' };
  else if (key === 'bay area' || key === 'sf bay area' || key === 'silicon valley') coverage = { kind: 'bay-area' };
  else if (Object.hasOwn(REGIONS, key)) coverage = { kind: 'region', countries: REGIONS[key]! };
  else coverage = { kind: 'place', own: placeOf(profileLocation) ?? findPlaces(profileLocation)[0] ?? null };
  if (coverageCache.size < 1000) coverageCache.set(profileLocation, coverage);
  return coverage;
}

/** Does a profile location (city, country, region, "anywhere") cover the place? */
function covers(profileLocation: string, place: Place): boolean {
  const coverage = coverageOf(profileLocation);
  if (coverage.kind === 'anywhere') return true;
  if (coverage.kind === 'bay-area') return place.city !== null && BAY_AREA.includes(place.city);
  if (coverage.kind === 'region') return coverage.countries.includes(place.country);
  const own = coverage.own;
  if (!own) return false;
  if (own.city && place.city) return own.city === place.city;
  // A country covers its cities; a city does not cover its whole country.
  if (!own.city || own.city === 'singapore' || own.city === 'hong kong') return own.country === place.country;
  return false;
}

/** A profile city inside a country the line names ("London" for "in the UK"). */
function inside(profileLocation: string, place: Place): boolean {
  const coverage = coverageOf(profileLocation);
  return (
    coverage.kind === 'place' &&
    coverage.own !== null &&
    coverage.own.city !== null &&
    place.city === null &&
    coverage.own.country === place.country
  );
}

// Where the candidate is, not where the desk is: "open to candidates in the UK", "remote within
// Ireland", "must reside in …". A city of the country is in it.
const WHERE_YOU_ARE =
  /\bcandidates (?:located |based )?(?:anywhere )?in\b|\blocation (?:is )?(?:flexible|open|anywhere)\b|\bremote[\w-]*\s(?:[\w-]+\s)?(?:within|in)\b|\breside\b|\bresiding\b|\bremote\b/i;

// "office" the place, not Microsoft Office the software.
const OFFICE =
  '(?<!(?:microsoft|ms|google|open|libre)\\s)\\boffice\\b(?!\\s*(?:suite|software|tools?|applications?|apps?|365|skills|products))';
const ONSITE = new RegExp(
  `\\bon-?\\s?site\\b|\\bin[- ]person\\b|${OFFICE}|\\bhybrid\\b|\\brelocat\\w*|\\bbased in\\b|\\blocated in\\b|\\bcommut\\w*|\\bwork(?:ing)? (?:in|from|at)\\b|\\breside\\b|\\bresiding\\b|\\bwork location\\b|\\bcandidates (?:located |based )?(?:anywhere )?in\\b|\\bremote[\\w-]*\\s(?:[\\w-]+\\s)?(?:within|in)\\b|\\blocation:|\\blocation (?:is )?(?:flexible|open|anywhere)\\b`,
  'i',
);
const ONSITE_WITHOUT_PLACE = new RegExp(`\\bon-?\\s?site\\b|\\bin[- ]person\\b|\\bin[- ]office\\b|\\bhybrid\\b|${OFFICE}`, 'i');
const DAYS_PER_WEEK = /\b(\d|one|two|three|four|five)\s+days?\s+(?:a|per|each)\s+week\b/i;

export interface LocationRequirement {
  places: Place[];
  words: string;
  /** The line as read, for what its cue says of the place. */
  line: string;
  fromPosting: boolean;
  daysPerWeek: string | null;
  /** "In our Austin office", a place the list does not know: not the posting's location either. */
  unknownPlace?: string;
}

// "in our Austin office", "at the Dublin office": an office the line names by a place.
const NAMED_OFFICE =
  /\b(?:in|at|from|to)\s(?:our|the)\s([A-Z][\w.'-]{1,30}(?:\s[A-Z][\w.'-]{1,30}){0,2})\s(?:office|campus|hub|HQ|headquarters)\b/;

const ONSITE_HINT = hint([
  'site',
  'person',
  'office',
  'hybrid',
  'relocat',
  'based in',
  'located in',
  'commut',
  'work',
  'resid',
  'candidates',
  'remote',
  'location',
]);

export function readLocation(text: string, ctx: MatchContext, hints: number): LocationRequirement | null {
  if (!(hints & ONSITE_HINT)) return null;
  const cue = ONSITE.exec(text);
  if (!cue) return null;
  const inLine = findPlaces(text);
  if (inLine.length)
    return { places: inLine, words: cue[0], line: text, fromPosting: false, daysPerWeek: DAYS_PER_WEEK.exec(text)?.[0] ?? null };
  // "Work on-site three days a week" names no place: the posting's locations are the place.
  if (!ONSITE_WITHOUT_PLACE.test(text)) return null;
  const office = NAMED_OFFICE.exec(text);
  if (office)
    return {
      places: [],
      words: cue[0],
      line: text,
      fromPosting: false,
      daysPerWeek: DAYS_PER_WEEK.exec(text)?.[0] ?? null,
      unknownPlace: office[1]!,
    };
  const fromPosting = ctx.posting.locations.map(placeOf).filter((p): p is Place => p !== null);
  return { places: fromPosting, words: cue[0], line: text, fromPosting: true, daysPerWeek: DAYS_PER_WEEK.exec(text)?.[0] ?? null };
}

export function assessLocation(req: LocationRequirement, ctx: MatchContext): Aspect {
  const evidence = emptyEvidence();
  if (req.places.length === 0) {
    evidence.notes.push(
      req.unknownPlace
        ? `${req.unknownPlace}: a place Job Lens does not know`
        : 'the line names no place and the posting gives no location',
    );
    return aspect('location', 'unknown', evidence, true);
  }
  if (req.daysPerWeek) evidence.notes.push(`on site ${req.daysPerWeek}`);
  if (req.fromPosting) evidence.notes.push("the place is the posting's location");
  if (ctx.profile.locations.length === 0) {
    evidence.notes.push('your profile lists no locations');
    return aspect('location', 'unknown', evidence, true);
  }
  for (const place of req.places) {
    const hit = ctx.profile.locations.find((l) => covers(l, place));
    if (hit) {
      evidence.matched.push({ requirement: place.text, profile: hit });
      return aspect('location', 'met', evidence, true);
    }
  }
  const wanted = listOr([...new Set(req.places.map((p) => p.text))]);
  for (const place of req.places) {
    const city = ctx.profile.locations.find((l) => inside(l, place));
    if (!city) continue;
    evidence.matched.push({ requirement: place.text, profile: city });
    if (WHERE_YOU_ARE.test(req.line)) return aspect('location', 'met', evidence, true);
    // "Based in the UK": the office may be in another of its cities than yours.
    const region = Object.hasOwn(REGIONS, place.text.toLowerCase().replace(/\s+/g, ' '));
    evidence.notes.push(
      region
        ? `${city} is in ${place.country}, in ${place.text}; the line names the region, not the city`
        : `${city} is in ${place.country}; the line names the country, not the city`,
    );
    return aspect('location', 'partial', evidence, true);
  }
  evidence.missing.push(`can work in ${wanted}`);
  return aspect(
    'location',
    'unmet',
    evidence,
    true,
    `Needs you to work on site in ${wanted}; your profile's places: ${ctx.profile.locations.join(', ')}`,
  );
}

// ——— work authorisation ———

const STATUS_WORDS: Record<WorkAuthorization['status'], string> = {
  citizen: 'citizen',
  'permanent-resident': 'permanent resident',
  'work-permit': 'work permit',
  'student-visa': 'student visa',
  'needs-sponsorship': 'needs visa sponsorship',
};

const WORK_AUTH =
  /\bauthori[sz](?:ed|ation) to work\b|\bwork(?:ing)? authori[sz]ation\b|\bright to work\b|\bwork permit\b|\bwork visa\b|\bvisa sponsorship\b|\bsponsor(?:ship)?\b|\bcitizens?(?:hip)?\b|\bpermanent residen(?:ts?|cy)\b|\b(?:full )?work(?:ing)? rights\b|\beligib(?:le|ility) to work\b|\blegally (?:able|entitled|authori[sz]ed) to work\b/i;
const PR = /\bPRs?\b/;
// Singapore's passes ("Must hold a valid Employment Pass or be eligible for one"): papers to work.
const WORK_PASS = /\b(?:Employment|Training Employment|S|Work Holiday)\s+Pass(?:es)?\b|\bEntrePass\b/;
// A student's own permission to work counts where the line accepts it: "CPT/OPT is acceptable",
// "F-1 students must be eligible for CPT or OPT", "student visa holders welcome".
const STUDENT_PERMISSION = /\b(?:CPT|OPT|F-?1|student (?:visas?|pass(?:es)?))\b/;
const STUDENT_ACCEPTED =
  /\b(?:CPT|OPT|F-?1|student (?:visas?|pass(?:es)?))\b[^.;]{0,40}?\b(?:accepted|acceptable|eligible|welcome|considered|fine|ok(?:ay)?)\b|\b(?:eligible for|accept\w*|welcome\w*|considers?)\s(?:[\w-]+\s){0,3}?(?:CPT|OPT|F-?1|student (?:visas?|pass(?:es)?))\b/i;
// "Unrestricted work authorization": a student visa's limited permission does not do.
const UNRESTRICTED = /\bunrestricted\b|\bwithout (?:any )?restrictions?\b|\bno restrictions?\b/i;
const NO_SPONSORSHIP =
  /\b(?:without|no|not (?:be )?(?:able|possible) to (?:provide|offer)?\s*|unable to (?:provide|offer)?\s*|does not (?:provide|offer)|will not)\s*(?:\w+\s+){0,2}sponsor/i;
const SPONSORSHIP_OFFERED =
  /\bsponsorship (?:is |will be )?(?:available|provided|offered|possible)\b|\b(?:we|will|can) (?:provide |offer )?(?:visa )?sponsor(?:ship)?\b(?! not)/i;
// A line that names citizens or permanent residents asks for that status, not just a permit.
const CITIZEN_OR_PR = /\bcitizens?(?:hip)?\b|\bpermanent residen(?:ts?|cy)\b/i;
// …unless it also takes holders of a pass or permit ("Singapore Citizens, PRs, or valid work pass holders").
const PASS_HOLDERS =
  /\b(?:work|employment|dependant'?s?|valid)\s+(?:pass|permit|visa)(?:es|s)?\b|\b(?:pass|permit|visa)\s+holders?\b|\bholders? of (?:a |an )?(?:valid )?\w*\s?(?:pass|permit|visa)\b|\b(?:Employment|S|EntrePass)\s+Pass\b/i;

// Nationalities as work-authorisation lines name them ("Irish citizens", "Australian citizens or
// PRs"); read only there, before a status word, so "Korean" in a language line stays a language.
const DEMONYMS: Record<string, string> = {
  singaporean: 'Singapore',
  australian: 'Australia',
  british: 'United Kingdom',
  irish: 'Ireland',
  french: 'France',
  german: 'Germany',
  dutch: 'Netherlands',
  spanish: 'Spain',
  italian: 'Italy',
  polish: 'Poland',
  swedish: 'Sweden',
  swiss: 'Switzerland',
  belgian: 'Belgium',
  portuguese: 'Portugal',
  turkish: 'Turkey',
  emirati: 'United Arab Emirates',
  saudi: 'Saudi Arabia',
  egyptian: 'Egypt',
  israeli: 'Israel',
  'south african': 'South Africa',
  kenyan: 'Kenya',
  nigerian: 'Nigeria',
  indonesian: 'Indonesia',
  malaysian: 'Malaysia',
  thai: 'Thailand',
  vietnamese: 'Vietnam',
  filipino: 'Philippines',
  korean: 'South Korea',
  'south korean': 'South Korea',
  japanese: 'Japan',
  taiwanese: 'Taiwan',
  chinese: 'China',
  indian: 'India',
  pakistani: 'Pakistan',
  american: 'United States',
  canadian: 'Canada',
  mexican: 'Mexico',
  brazilian: 'Brazil',
  argentine: 'Argentina',
  argentinian: 'Argentina',
  colombian: 'Colombia',
};
const DEMONYM_STATUS = new RegExp(
  `\\b(${Object.keys(DEMONYMS)
    .sort((a, b) => b.length - a.length)
    .join('|')})\\s+(?:citizens?|citizenship|nationals?|nationality|passports?|permanent residents?|residents?|PRs?)\\b`,
  'gi',
);

// The people themselves, where a line limits who may apply: "Singaporeans only", "only Malaysians
// may apply", "open to Australians". Plurals of the demonyms that have one ("the Irish" is not a
// plural). Their citizenship is asked, as "Singapore citizens" asks it.
const PLURAL_DEMONYMS = Object.keys(DEMONYMS)
  .filter((d) => !/(?:sh|ch|ss|ese)$/.test(d))
  .sort((a, b) => b.length - a.length);
// Only beside words that limit who may apply: "products for Indonesians" asks nothing.
const DEMONYM_PEOPLE = new RegExp(
  `\\b(?:(?:only|open to)\\s+(?:[\\w-]+\\s+)?(${PLURAL_DEMONYMS.join('|')})s\\b|(${PLURAL_DEMONYMS.join('|')})s\\s+(?:only|may apply|are eligible|can apply|need apply)\\b)`,
  'i',
);
const DEMONYM_PEOPLE_HINT = hint(PLURAL_DEMONYMS.map((d) => `${d}s`));

function demonymCountries(text: string): string[] {
  const countries: string[] = [];
  DEMONYM_STATUS.lastIndex = 0;
  for (let m = DEMONYM_STATUS.exec(text); m; m = DEMONYM_STATUS.exec(text)) countries.push(DEMONYMS[m[1]!.toLowerCase()]!);
  return countries;
}

export interface WorkAuthRequirement {
  countries: string[];
  citizenOrPrOnly: boolean;
  /** A student visa's permission to work meets it ("CPT/OPT is acceptable"). */
  studentVisaOk?: boolean;
  /** "Unrestricted": a student visa does not. */
  unrestricted?: boolean;
  /**
   * The line is about student visa holders only ("F-1 students must be eligible for CPT or OPT",
   * "international students on an F-1 visa are welcome"): it asks nothing of anyone else.
   */
  studentsOnly?: boolean;
  noSponsorship: boolean;
  words: string;
}

// With the words of Singapore's passes and of a student's permission to work ("pass", "CPT", "F-1").
const WORK_AUTH_HINT = hint([
  'authori',
  'right',
  'permit',
  'visa',
  'sponsor',
  'citizen',
  'residen',
  'eligib',
  'legally',
  'pass',
  'cpt',
  'opt',
  'f-1',
  'f1',
]);

export function readWorkAuthorization(text: string, ctx: MatchContext, hints: number): WorkAuthRequirement | null {
  const people = hints & DEMONYM_PEOPLE_HINT ? DEMONYM_PEOPLE.exec(text) : null;
  const authWords = (hints & WORK_AUTH_HINT) !== 0;
  const pass = authWords ? WORK_PASS.exec(text) : null;
  const student = authWords ? STUDENT_PERMISSION.exec(text) : null;
  if (!people && !authWords && !(hints & CAPITAL_PR && PR.test(text))) return null;
  const named = WORK_AUTH.exec(text) ?? PR.exec(text) ?? people ?? pass;
  const cue = named ?? (student && STUDENT_ACCEPTED.test(text) ? student : null);
  // "Visa sponsorship is available" asks nothing of the candidate.
  if (!cue || SPONSORSHIP_OFFERED.test(text)) return null;
  const peopleOf = people ? [DEMONYMS[(people[1] ?? people[2])!.toLowerCase()]!] : [];
  let countries = [...new Set([...findPlaces(text).map((p) => p.country), ...demonymCountries(text), ...peopleOf])];
  // The passes are Singapore's; CPT, OPT and F-1 the United States'.
  if (countries.length === 0 && pass) countries = ['Singapore'];
  else if (countries.length === 0 && student && /^(?:CPT|OPT|F-?1)$/i.test(student[0])) countries = ['United States'];
  if (countries.length === 0)
    countries = [
      ...new Set(
        ctx.posting.locations
          .map(placeOf)
          .filter((p): p is Place => p !== null)
          .map((p) => p.country),
      ),
    ];
  const citizenOrPrOnly =
    (CITIZEN_OR_PR.test(text) || PR.test(text) || people !== null) && !/\bnot required\b/i.test(text) && !PASS_HOLDERS.test(text);
  const studentVisaOk = student !== null && STUDENT_ACCEPTED.test(text);
  return {
    countries,
    citizenOrPrOnly,
    noSponsorship: NO_SPONSORSHIP.test(text),
    words: cue[0],
    ...(studentVisaOk ? { studentVisaOk } : {}),
    ...(UNRESTRICTED.test(text) ? { unrestricted: true } : {}),
    ...(named === null ? { studentsOnly: true } : {}),
  };
}

export function assessWorkAuthorization(req: WorkAuthRequirement, ctx: MatchContext): Aspect {
  const evidence = emptyEvidence();
  const rows = ctx.profile.workAuthorization;
  if (req.countries.length === 0) {
    evidence.notes.push('the line names no country and the posting gives no location');
    return aspect('work-authorization', 'unknown', evidence, true);
  }
  if (rows.length === 0) {
    evidence.notes.push('your profile records no work authorisation');
    return aspect('work-authorization', 'unknown', evidence, true);
  }
  let best: 'met' | 'partial' | 'unmet' = 'unmet';
  for (const country of req.countries) {
    const row = rows.find((r) => {
      const key = r.country.trim().toLowerCase();
      return (Object.hasOwn(COUNTRY_ALIASES, key) ? COUNTRY_ALIASES[key] : r.country.trim()) === country;
    });
    if (!row) continue;
    const ok = req.citizenOrPrOnly
      ? row.status === 'citizen' || row.status === 'permanent-resident'
      : row.status === 'citizen' || row.status === 'permanent-resident' || row.status === 'work-permit';
    if (ok) {
      evidence.matched.push({ requirement: `${req.words} (${country})`, profile: `${row.country}: ${STATUS_WORDS[row.status]}` });
      return aspect('work-authorization', 'met', evidence, true);
    }
    if (row.status === 'student-visa' && req.studentVisaOk && !req.citizenOrPrOnly) {
      evidence.matched.push({ requirement: `${req.words} (${country})`, profile: `${row.country}: student visa` });
      evidence.notes.push("the line accepts a student's permission to work");
      return aspect('work-authorization', 'met', evidence, true);
    }
    if (row.status === 'student-visa' && !req.citizenOrPrOnly && !req.unrestricted) {
      best = 'partial';
      evidence.notes.push(`${row.country}: student visa; whether it allows this role depends on its terms`);
    } else evidence.notes.push(`${row.country}: ${STATUS_WORDS[row.status]}`);
  }
  if (req.studentsOnly) {
    evidence.notes.push(`the line is about student visa holders in ${listOr(req.countries)}; your profile has no such visa`);
    return aspect('work-authorization', 'unknown', evidence, true);
  }
  const wanted = `${req.citizenOrPrOnly ? 'citizenship or permanent residence' : 'authorisation to work'} in ${listOr(req.countries)}`;
  evidence.missing.push(wanted);
  return best === 'partial'
    ? aspect('work-authorization', 'partial', evidence, true)
    : aspect('work-authorization', 'unmet', evidence, true, `Needs ${wanted}`);
}
