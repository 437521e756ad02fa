/**
 * The instant (ISO, UTC) of a wall-clock time in the zone the tests run in. Days the user sees
 * are local days, so fixtures are written in local time: the same test then holds in every zone
 * (`npm test` runs the unit tests in UTC+14 and UTC−12 as well as the machine's own).
 */
export const local = (wallClock: string): string => new Date(wallClock).toISOString();
