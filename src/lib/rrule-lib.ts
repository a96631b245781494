// rrule ships CommonJS to Node and ESM to bundlers; Vite's SSR runner rejects its named exports.
// Import it through this one file so every caller gets the same classes everywhere.
import * as mod from 'rrule';

type RRuleModule = typeof import('rrule');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the CJS default export has no typing of its own
const lib: RRuleModule = ((mod as any).default ?? mod) as RRuleModule;

export const RRule = lib.RRule;
export const RRuleSet = lib.RRuleSet;
export const rrulestr = lib.rrulestr;
export type { Options as RRuleOptions, Weekday } from 'rrule';
