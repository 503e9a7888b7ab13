// Every behaviour spec/calc-formulas.md marks (unconfirmed), decided once here so that checking
// one against real kintone means changing one line. Each entry names the spec section it answers.

export const PROVISIONAL = {
  /** §1.1: function names are matched case-insensitively (`round(1.5)` deploys, row 74). */
  caseInsensitiveFunctions: true,
  /** §1.2: `a < b < c` is a syntax error (comparison is non-associative). */
  chainedComparisonIsSyntaxError: true,
  /** §1.3: `^` is right-associative and unary minus binds tighter (`-2^2` = 4, `2^3^2` = 512). */
  powerRightAssociative: true,
  /** §1.1: a full-width space (U+3000) outside a string is reported like a full-width symbol. */
  fullWidthSpaceIsError: true,
  /**
   * §1.1: mistyped operators recognised at deploy → the operator meant, and whether the message
   * speaks of comparing (判定) or calculating (計算). `==` → `=` is the confirmed trigger.
   */
  mistypedOperators: [
    { typed: '===', meant: '=', variant: 'compare' },
    { typed: '==', meant: '=', variant: 'compare' },
    { typed: '=<', meant: '<=', variant: 'compare' },
    { typed: '=>', meant: '>=', variant: 'compare' },
    { typed: '><', meant: '<>', variant: 'compare' },
    { typed: '=!', meant: '!=', variant: 'compare' },
    { typed: '**', meant: '^', variant: 'arithmetic' },
  ],
  /** §3: minimum arguments of AND / OR (the maximum, 32, is documented). */
  andOrMinArgs: 2,
  /** §3: IF evaluates only the branch it takes, so `IF(b = 0, 0, a / b)` is `0` (row 71). */
  lazyIf: true,
  /** §3: a fractional ROUND/YEN precision or `^` exponent is truncated toward zero (`4 ^ 1.5` = 4). */
  truncateFractionalArguments: true,
  /** §6.1: `^` fails when its (truncated) exponent lies outside this range (`2 ^ 101` → ""). */
  maxExponent: 100,
  /** §6.1: `0 ^ 0` has no confirmed answer; 1 follows JavaScript and most spreadsheets. */
  zeroPowerZero: '1',
  /** §3 YEN: `YEN(1000, 2)` gives `¥1,000` (trailing zeros dropped like every kintone number). */
  yenPadDecimals: false,
  /** §3 YEN: a negative amount renders as `¥-500` (Japanese spreadsheet convention), not `-¥500`. */
  yenNegative: 'yen-then-sign' as 'yen-then-sign' | 'sign-then-yen',
  /** §3 DATE_FORMAT: an empty time argument yields "" rather than formatting 1970-01-01. */
  dateFormatOfEmptyIsEmpty: true,
  /** §3 DATE_FORMAT: month names and AM/PM follow this locale when the caller gives none. */
  defaultLocale: 'en' as 'ja' | 'en',
  /** §2.1: CREATOR / MODIFIER read as the user's login code (not the display name). */
  userFieldReadsCode: true,
  /** §2.5: `<`, `<=`, `>`, `>=` on strings fail per record instead of comparing code points. */
  stringOrderingIsError: true,
  /** §2.5: string equality is exact, case included. */
  caseSensitiveEquality: true,
  /** §2.5: a bare boolean result of a text formula renders as `true` / `false`. */
  textBooleans: ['true', 'false'] as const,
  /**
   * §2.2: values read from DATE/TIME/DATETIME/CREATED_TIME/UPDATED_TIME fields (epoch seconds)
   * are exempt from the integer-digit budget; arithmetic results are not.
   */
  dateReadsSkipDigitBudget: true,
  /** §2.2: a CALC whose format is a date/time format is exempt from the integer-digit budget. */
  dateFormatsSkipDigitBudget: true,
  /** §5.2: DATETIME results drop their seconds like TIME and HOUR_MINUTE do. */
  datetimeDropsSeconds: true,
  /** §5.2: HOUR_MINUTE / DAY_HOUR_MINUTE pad hours to two digits (`01:05`) and sign negatives. */
  padDurationHours: true,
  /** §4.2: a column of another table referenced from inside a table is refused at deploy. */
  otherTableColumnIsError: true,
  /** §3 CONTAINS: a first argument that is not a field reference is a deploy-time type error. */
  containsNeedsFieldReference: true,
  /** §5.3: the format of a CALC that has none. */
  defaultFormat: 'NUMBER',
} as const;
