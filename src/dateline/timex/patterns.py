"""The recognition patterns: one compiled regular expression per kind of expression.

Every pattern names the pieces the normaliser needs (``mon``, ``d``, ``y``, ``unit`` ...). When
a pattern needs context that is not part of the expression (the "for" of "for years", the
noun phrase of "the day before the summit"), the expression itself is the group ``t`` and the
context lies outside it. Patterns are built from the vocabulary in ``data/lexicon.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from dateline.timex.holidays import holidays
from dateline.timex.lexicon import alternation, lexicon


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    #: Among overlapping candidates of equal length, the lower number wins.
    priority: int = 5
    #: Lower-cased words (or token classes such as ``#YEAR4``) at least one of which every
    #: match contains: the tagger runs the regex only near them, which is what makes it fast.
    triggers: frozenset[str] = frozenset()


#: Token classes a trigger set can name besides plain words.
YEAR4 = "#YEAR4"
DIGIT = "#DIGIT"
DECADE = "#DECADE"
QCODE = "#QCODE"

_YEAR4 = re.compile(r"(?:1[6-9]|20)\d\d")
_DECADE = re.compile(r"\d*0s")
_QCODE = re.compile(r"f?q[1-4](?:\d\d)?")
_GLUED_MERIDIEM = re.compile(r"\d+(am|pm)")


def token_keys(token: str) -> tuple[str, ...]:
    """The trigger keys of one lower-cased word token."""
    if not token[0].isdigit():
        if _QCODE.fullmatch(token):
            return (token, QCODE)
        return (token,)
    keys = [token, DIGIT]
    meridiem = _GLUED_MERIDIEM.fullmatch(token)
    if meridiem:
        keys.append(meridiem[1])  # "9:30am": the clock's trigger is glued to its digits
    if len(token) == 4 and _YEAR4.fullmatch(token):
        keys.append(YEAR4)
    elif _DECADE.fullmatch(token):
        keys.append(DECADE)
    return tuple(keys)


#: Zone abbreviations that are also common other words or units ("MT", metric tonnes).
AMBIGUOUS_ZONES = frozenset({"ET", "CT", "MT", "PT", "Eastern", "Central", "Mountain",
                             "Pacific"})

_B = r"(?<![\w'])"  # left word boundary that also refuses "o'clock"-style joins
_E = r"(?![\w])"  # right word boundary

YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_MOD_WORDS = (
    r"early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
    r"|the\s+middle\s+of|the\s+close\s+of|the\s+turn\s+of|the\s+first\s+half\s+of"
    r"|the\s+second\s+half\s+of|the\s+latter\s+half\s+of|the\s+last\s+half\s+of"
    r"|around|about|approximately|nearly|almost|more\s+than|less\s+than|at\s+least"
)
MOD = rf"(?:(?P<mod>{_MOD_WORDS})(?:\s+|-))?"
#: A day's year said relative to the article's: "on June 23 last year".
REL_YEAR = r",?\s+(?P<ry>last|next|this)\s+year"
#: A duration's modifiers: those of any expression, and upper bounds ("up to six weeks"),
#: which before a date are a signal rather than part of it ("valid up to March 31").
DURATION_MOD = rf"(?:(?P<mod>{_MOD_WORDS}|up\s+to|no\s+more\s+than|at\s+most)(?:\s+|-))?"
REL = (
    r"(?P<rel>this|next|last|past|previous|coming|following|current|present|same|that"
    r"|the\s+current|the\s+previous|the\s+following|the\s+next|the\s+last|the\s+past"
    r"|the\s+same|the\s+present|the\s+coming|the\s+preceding|the\s+prior|the\s+latest"
    r"|the\s+most\s+recent|the\s+year-earlier|the\s+year-ago|the\s+year\s+earlier"
    r"|the\s+year\s+ago|the\s+comparable|the\s+corresponding|the\s+prior-year)"
)
#: What can stand between "the" and "quarter": the relation to the quarter under discussion.
QUARTER_REL = (
    r"(?P<rel>this|next|last|past|previous|coming|following|current|present|same|that"
    r"|the\s+(?:comparable|corresponding|same)\s+(?:year-earlier|year-ago|prior-year)"
    r"|the\s+current|the\s+previous|the\s+following|the\s+next|the\s+last|the\s+past"
    r"|the\s+same|the\s+present|the\s+coming|the\s+preceding|the\s+prior|the\s+latest"
    r"|the\s+most\s+recent|the\s+year-earlier|the\s+year-ago|the\s+comparable"
    r"|the\s+corresponding|year-ago|year-earlier|prior-year|latest|most\s+recent|comparable"
    r"|corresponding|second-half|first-half)"
)
#: Nouns after a four-digit number that show it counts things rather than names a year.
COUNTED = (
    r"(?:people|persons|troops|soldiers|members|workers|employees|jobs|cars|vehicles|"
    r"shares|feet|foot|meters|metres|miles|kilometers|kilometres|km|tons|tonnes|barrels|"
    r"homes|houses|dollars|yen|euros|pounds|points|votes|refugees|students|cases|deaths|"
    r"civilians|police|officers|acres|hectares|rounds|calories|units|copies|pages|words|"
    r"rupees|yuan|francs|marks|lire|pesos|rubles|delegates|fighters|prisoners|children|"
    r"residents|families|patients|visitors|tourists|passengers|seats|beds|guns|rockets|"
    r"missiles|mines|bombs|planes|aircraft|ships|boats|tanks|animals|head|men|women)"
)
#: A noun phrase that a temporal expression can be anchored on ("the summit", "his visit").
ANCHOR_NP = (
    r"(?P<np>(?:the|a|an|this|that|these|those|his|her|their|its|our|my|your"
    r"|(?:last|next|this)\s+(?:week|month|year)'s|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}'s?)"
    r"(?:\s+(?!(?:in|on|at|and|or|but|when|where|which|who|whom|that|to|by|for|with|from|as"
    r"|was|were|is|are|be|been|will|would|could|should|may|might|has|had|have|said|says"
    r"|after|before|than|because|while|if|into|over|under|since|until|of)\b)"
    r"[\w'&.-]*\w){1,5})"
)


def _words(words: Iterable[str]) -> str:
    return alternation(list(words))


@lru_cache(maxsize=1)
def following_day() -> re.Pattern[str]:
    """The day a clock time is on when it is named after the time and its zone, outside the
    expression: "at 10:00 a.m. (0800 GMT) on Wednesday", "at 9:37 a.m. ET on April 15"."""
    lex = lexicon()
    zones = _words(list(lex.time_zones))
    month2 = rf"(?:{_words([m.capitalize() for m in lex.months])})\b\.?"
    return re.compile(
        rf"(?:\s+(?:{zones}|(?i:local)\s+time|[A-Z][a-z]+\s+time)(?![\w]))?"
        rf"(?:\s*\([^()\n]{{1,24}}\))?\s*,?\s+(?:on\s+)?"
        rf"(?P<dayref>today|yesterday|tomorrow|tonight"
        rf"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
        rf"|(?P<dmon>{month2})\s+(?P<dd>{DAY}))(?![\w])"
        # "at 4 a.m. (0800 GMT Thursday)": the day closes the bracketed conversion.
        rf"|\s*\((?P<bclock>[^()\n]{{1,20}}?)\s(?P<bday>today|yesterday|tomorrow"
        rf"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\)")


_FULL_MONTH_NAMES = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december"})


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    lex = lexicon()
    # Only an abbreviation takes the period into the match ("Jan."): a month name's period
    # ends the sentence, and the tense of the date must not be read from that full stop.
    full_names = [m for m in lex.months if m in _FULL_MONTH_NAMES]
    short_names = [m for m in lex.months if m not in _FULL_MONTH_NAMES]
    month = rf"(?P<mon>(?:{_words(full_names)})\b|(?:{_words(short_names)})\b\.?)"
    month2 = (rf"(?:(?:{_words([m.capitalize() for m in full_names])})\b"
              rf"|(?:{_words([m.capitalize() for m in short_names])})\b\.?)")
    weekday_full = r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    full_days = [d for d in lex.weekdays if d.endswith("day")]
    short_days = [d for d in lex.weekdays if not d.endswith("day")]
    weekday_any = rf"(?:(?:{_words(full_days)})\b|(?:{_words(short_days)})\b\.?)"
    number_words = [w for w in lex.numbers if w not in ("a", "an", "half a", "a half")]
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    units_small = "one|two|three|four|five|six|seven|eight|nine"
    number = (
        rf"(?:(?:{tens})[-\s](?:{units_small})|{_words(number_words)}"
        r"|\d+\s+1/2|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
    )
    vague = _words(lex.vague_quantities)
    qty = rf"(?P<q>{number}(?:\s+and\s+a\s+half)?|a|an|one|{vague}|a\s+half|half\s+an?)"
    unit_names = "|".join(sorted(lex.units, key=len, reverse=True))
    unit = rf"(?P<unit>(?:{unit_names}|centuries|millennia)s?)"
    unit_adj = rf"(?P<unit>{unit_names})"
    season = rf"(?P<season>{_words(lex.seasons)})"
    part = r"(?P<pod>morning|afternoon|evening|night|overnight)"
    part_names = r"morning|afternoon|evening|night"
    zones = _words(list(lex.time_zones))
    # "15.30 MT" is more often metric tonnes than Mountain Time: a 24-hour clock takes only
    # the unambiguous zones; the two-letter US ones need "a.m."/"p.m." before them.
    zones_24h = _words([z for z in lex.time_zones if z not in AMBIGUOUS_ZONES])
    ordinal = _words(list(lex.ordinals))
    refs = _words(list(lex.references))
    freq = _words(list(lex.frequency_adverbs))
    holiday_names = _words([n for h in holidays().values() for n in h.names])
    decade_words = "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"

    specs: list[tuple[str, str, int, int]] = [
        # ----- calendar dates -------------------------------------------------------------
        ("iso_date",
         r"(?<![\d.])(?P<y>(?:1[6-9]|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])"
         r"(?:T(?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?(?![\d-])", 0, 1),
        ("slash_date",
         r"(?<![\d/.])(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>\d\d(?:\d\d)?)"
         r"(?![\d/])", 0, 1),
        ("month_day",
         rf"{_B}(?:(?P<wd>{weekday_any}),?\s+)?(?:(?P<rel>last|this|next|past|coming)\s+)?{MOD}"
         rf"{month}\s+(?P<d>{DAY})"
         rf"(?:\s*(?P<sep>-|–|to|through|and|until|till)\s*(?P<d2>{DAY}))?"
         rf"(?:\s*,?\s*(?P<y>{YEAR})|\s+'(?P<yy>\d\d)(?!\d)|{REL_YEAR})?{_E}", re.I, 1),
        ("day_month",
         rf"{_B}(?:(?P<wd>{weekday_any}),?\s+)?(?:the\s+)?(?P<d>{DAY})\s+(?:of\s+)?{month}"
         rf"(?:,?\s+(?P<y>{YEAR})|{REL_YEAR})?{_E}", re.I, 1),
        ("week_of",
         rf"{_B}(?P<t>the\s+week\s+of\s+{month}\s+(?P<d>{DAY})(?:,?\s+(?P<y>{YEAR}))?){_E}",
         re.I, 1),
        ("nth_week_of",
         rf"{_B}(?P<t>the\s+(?P<nth>first|second|third|fourth|last|final)\s+week\s+of\s+"
         rf"{month}(?:,?\s+(?P<y>{YEAR}))?){_E}", re.I, 1),
        # "on the 15th": a day of the month spoken of. Only before punctuation or a small
        # word, so that "the 15th century" and "the 5th floor" stay out.
        ("ordinal_day",
         rf"{_B}(?i:on|by|until|till|since|from|before|after|through)\s+"
         rf"(?P<t>the\s+(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)))"
         rf"(?=\s*(?:[.,;:!?)]|$)|\s+(?:and|or|but|when|as|at|in|to|with|for|of\s+(?:this|that"
         rf"|the|next|last)\s+month)\b)", 0, 2),
        ("month_year",
         rf"{_B}{MOD}{month},?\s+(?:of\s+)?(?P<y>{YEAR}){_E}", re.I, 1),
        ("month_rel_year",
         rf"{_B}{MOD}{month},?\s+(?:of\s+)?(?P<ry>this|last|next|that|the\s+same|the\s+"
         rf"following|the\s+previous)\s+year{_E}", re.I, 1),
        ("month",
         rf"{_B}(?:{MOD}(?:{REL}\s+)?){month}{_E}", re.I, 3),
        ("year_range",
         rf"(?<![\w$£€.,])(?P<y>{YEAR})\s*(?:-|–|to)\s*(?P<y2>\d\d(?:\d\d)?)(?![\w%]|[.,]\d)"
         rf"(?!\s+{COUNTED}\b|\s*(?:percent|per\s+cent|%))",
         0, 2),
        ("year",
         rf"(?<![\w$£€#.,-])(?:{MOD}(?P<pre>(?:fiscal|calendar|the\s+year|financial|model)"
         rf"(?:\s+year)?\s+|FY\s*|the\s+)?|FY\s*|mid-)?(?P<y>{YEAR})"
         rf"(?!\s+{COUNTED}\b|-\d|\s*(?:percent|per\s+cent|%))(?![\w-])", 0, 4),
        ("fiscal_short", r"(?<![\w])(?P<pre>FY|fiscal\s+)'?(?P<yy>\d\d)(?![\w%])", 0, 3),
        ("decade",
         # "the late 1980s", and "the end of the 1980s" with a second article.
         rf"{_B}(?:the\s+)?{MOD}(?:(?<=of\s)the\s+)?(?:(?P<c>1[0-9]|20)(?P<dd>\d)0'?s"
         rf"|'(?P<dd2>\d)0'?s"
         rf"|(?P<dw>{decade_words})){_E}", re.I, 2),
        ("century",
         rf"{_B}(?:the\s+)?{MOD}(?:(?<=of\s)the\s+)?(?:(?P<cn>\d{{1,2}})(?:st|nd|rd|th)"
         rf"|(?P<co>{ordinal}))"
         rf"[-\s]century{_E}", re.I, 2),
        ("this_century", rf"{_B}{MOD}{REL}\s+(?P<unit>century|decade|millennium){_E}", re.I, 3),
        # ----- weekdays, relative days, parts of day -----------------------------------------
        ("weekday",
         rf"(?<![\w'])(?:(?P<rel>(?i:this|next|last|past|previous|coming|following"
         rf"|early(?:\s+on)?|earlier|later|late(?:\s+on)?"
         rf"|the\s+following|the\s+previous|the\s+next|the\s+preceding))\s+)?"
         rf"(?P<wd>{weekday_full}|Tues\.|Wed\.|Thurs\.|Thu\.|Fri\.|Mon\.)"
         rf"(?:\s+{part})?(?![\w])", 0, 2),
        # "Mondays", "on Tuesday nights", and the first of "Monday and Tuesday nights".
        ("weekday_plural",
         rf"{_B}(?P<t>(?:on\s+)?(?P<wd>{weekday_full})(?:s|\s+(?P<pods>{part_names})s"
         rf"|(?=\s+(?:and|or)\s+(?:{weekday_full})\s+(?P<podn>{part_names})s\b))){_E}",
         0, 1),
        ("relative_day",
         rf"{_B}(?:(?P<early>early|late|earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday"
         rf"|the\s+day\s+"
         rf"after\s+tomorrow|yesterday|today|tomorrow|tonight)(?:\s+{part})?{_E}", re.I, 1),
        # "fired missiles overnight": the night before the report (not "overnight rates",
        # the money market's term).
        ("overnight", rf"{_B}(?P<t>overnight)(?!\s+(?:interest\s+|lending\s+|interbank\s+)?"
                      rf"(?:rates?|lending|repos?|interbank|deposits?|loans?|funds|money|index"
                      rf"|borrowing))(?![\w-])", re.I, 2),
        ("this_part", rf"{_B}(?P<rel>this|last|that|tomorrow|yesterday|early\s+this|late\s+last"
                      rf"|early\s+that|late\s+that|later\s+this|earlier\s+this)\s+{part}{_E}",
         re.I, 1),
        ("same_day",
         rf"{_B}(?P<t>(?:(?P<el>earlier|later)\s+)?(?:that|the\s+same)\s+(?P<unit>day|night|"
         rf"morning|afternoon|evening|week|month|year|weekend)"
         rf"|the\s+(?P<rel2>next|following|previous|preceding|prior|succeeding)\s+(?P<unit2>day"
         rf"|night|morning|afternoon|evening|week|month|year|weekend)"
         rf"|the\s+eve(?!\s+of\b)){_E}", re.I, 2),
        ("day_before",
         rf"{_B}(?P<t>the\s+(?P<unit>day|night|week|month|year|weekend)\s+"
         rf"(?P<dir>before|after|earlier|later))(?:\s+{ANCHOR_NP})?(?![\w])", re.I, 2),
        ("eve_of",
         rf"{_B}(?P<t>the\s+eve)\s+of\s+{ANCHOR_NP}", re.I, 1),
        ("anchored_offset",
         rf"{_B}(?P<t>{qty}\s+{unit}\s+(?P<dir>before|after|ahead\s+of|prior\s+to|following))"
         rf"\s+{ANCHOR_NP}", re.I, 1),
        # ----- offsets from the reference time ----------------------------------------------
        ("offset",
         rf"{_B}{MOD}{qty}\s+{unit}(?P<half>\s+and\s+a\s+half)?\s+(?:or\s+so\s+)?"
         rf"(?P<dir>ago|earlier|later|from\s+now|hence"
         rf"|previously"
         rf"|(?:before|after)(?=\s*(?:[,.;:)!?]|$|and\b|but\b)))(?![\w])", re.I, 1),
        ("rel_earlier",
         rf"{_B}(?P<el>earlier|later|early|late)\s+(?P<rel>this|next|last|that)\s+"
         rf"(?P<unit>week|month|year|decade|century|quarter|summer|spring|fall|autumn|winter)"
         rf"{_E}", re.I, 1),
        ("relative_unit",
         rf"{_B}{MOD}{REL}\s+(?P<fiscal>fiscal\s+|calendar\s+)?"
         rf"(?P<unit>week|weekend|month|year|quarter|half|season|fortnight){_E}", re.I, 2),
        ("the_week",
         rf"{_B}(?P<prep>(?i:over|during|on|at|for|until|by|through|throughout|in|of))?\s*"
         rf"(?P<t>(?i:the\s+(?P<unit>weekend|week)(?P<ahead>\s+ahead)?))"
         rf"(?!\s+(?i:before|after|earlier|ago|of|when"
         # "the week to March 5" ends then (not "over the weekend to protest").
         rf"|that|in\s+which)\b|\s+to\s+(?:[A-Z]|\d))(?![\w-])", 0, 4),
        ("in_the_period",
         rf"{_B}(?P<t>(?P<el>later|earlier|early|late)\s+in\s+the\s+(?P<unit>day|month|year"
         rf"|week))(?!\s+(?:before|after|of|when|that)\b)(?![\w-])", re.I, 3),
        ("new_year", rf"{_B}(?P<t>the\s+new\s+year)(?!\s*'s)(?![\w-])", 0, 3),
        ("spoken_year",
         rf"{_B}(?:(?P<mon>{month2})\s+|(?i:the\s+year\s+)|(?i:(?:the\s+)?{season}\s+of\s+))?"
         rf"(?P<t0>(?P<hi>nineteen|twenty)[-\s](?P<lo>(?:{tens})"
         rf"(?:[-\s](?:{units_small}))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
         rf"|seventeen|eighteen|nineteen|o[-\s](?:{units_small}))|two\s+thousand"
         rf"(?:\s+and)?(?:[-\s](?P<lo2>{units_small}|ten|eleven|twelve))?){_E}"
         # "two thousand years", "nineteen ninety people": a count, not a year.
         # ("has", "was", "is" end in s too but are verbs after a year named as subject.)
         rf"(?!\s+(?:(?!(?:has|was|is|as|this|its|does|plus|thus)\b)[a-z]+s"
         rf"|hundred|thousand|million|percent)\b)", 0, 2),
        ("year_ago_adj",
         rf"{_B}(?P<t>(?:(?:the\s+)?(?:year-earlier|year-ago|prior-year)\s+period)"
         rf"|year-earlier|year-ago|prior-year){_E}(?!-)",
         re.I, 4),
        ("year_end", rf"{_B}(?P<t>(?:the\s+)?(?:year-end|year\s+end|year's\s+end"
                     rf"|end\s+of\s+the\s+year"
                     rf"|beginning\s+of\s+the\s+year|start\s+of\s+the\s+year|end-year))"
                     rf"{_E}", re.I, 3),
        # "by the end of the month", "the middle of the week": that part of the month or
        # week spoken of.
        ("period_edge",
         rf"{_B}{MOD}the\s+(?P<unit>month|week)(?![\w-])"
         rf"(?!\s+(?:of|before|after|earlier|later|ago|that|when|in\s+which)\b)", re.I, 2),
        # "the first three months of 1997", "the last six months of the year", "the first two
        # quarters of 1990": a quarter or a half of that year.
        ("months_of_year",
         rf"{_B}(?P<t>(?i:(?:at\s+least\s+)?the\s+(?P<edge>first|last|final)\s+"
         rf"(?:(?P<n>three|six|3|6)\s+months"
         rf"|(?:two|2)\s+quarters)\s+of"
         rf"\s+(?:(?P<y>{YEAR})|(?P<ry>the|this|last|next)\s+year)))(?![\w-])", 0, 1),
        # "the year to March 1998", "the six months ending September": a stretch closed by
        # the month that follows (tagged on its own).
        ("period_to",
         rf"{_B}(?P<t>(?i:the\s+(?:(?P<q>{number})\s+|fiscal\s+)?(?P<unit>year|months|weeks)))"
         rf"\s+(?i:to|ending|ended|through)\s+(?:(?i:the\s+end\s+of)\s+)?{month2}", 0, 2),
        ("the_year",
         rf"{_B}(?P<prep>for|during|over|throughout|in|of|through|since)?\s*"
         rf"(?P<t>(?:the\s+(?P<half>first|second|latter|last)\s+half\s+of\s+)?"
         rf"the\s+(?:fiscal\s+|full\s+|calendar\s+)?year)"
         rf"(?!\s+(?:before|after|earlier|ago|end|to|of|when|in\s+which|that)\b)(?![\w-])",
         re.I, 4),
        # ----- quarters, halves, seasons --------------------------------------------------
        ("quarter",
         rf"{_B}(?P<t>(?:(?:the\s+)?(?P<yr>{YEAR})(?:'s)?\s+|(?P<ryr>this|last|next)\s+year's\s+"
         rf"|the\s+)?"
         rf"(?:(?P<fq>fiscal)\s+)?(?:{QUARTER_REL}\s+)?"
         rf"(?:(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th|last)[-\s])?"
         rf"(?P<kind>quarter|half|period)(?:\s+of\s+(?:fiscal\s+|the\s+)?(?:(?P<y>{YEAR})"
         rf"|(?P<ry>this|last|next|the\s+year|the\s+previous|the\s+current)(?:\s+year)?))?"
         # "the quarter a year ago", "the same period last year": a year before it.
         rf"(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier|before)|last\s+year|the\s+year\s+before"
         rf"|the\s+previous\s+year))?)"
         rf"(?!\s+(?:of\s+(?:a|an|the|his|her|its|their|all|those|these)\b|century|mile"
         rf"|point|percent|-?point))(?![\w-])", re.I, 2),
        ("q_code", rf"{_B}(?P<t>(?P<pre>F?Q)(?P<n>[1-4])(?:\s*(?:of\s+)?(?:FY)?'?(?P<y>{YEAR}|"
                   rf"\d\d))?){_E}", 0, 2),
        ("season",
         rf"{_B}{MOD}(?:(?P<rel>this|next|last|past|coming|the|that|every|each)\s+)?{season}"
         rf"(?:\s+(?:of\s+)?(?P<y>{YEAR}))?{_E}", re.I, 3),
        # ----- durations ------------------------------------------------------------------
        ("duration",
         rf"{_B}{DURATION_MOD}(?:(?P<det>the|another|an\s+additional|a\s+further)\s+)?"
         rf"(?:(?P<rel>past|last|next|first|coming|previous|final"
         rf"|latest|following|recent|preceding|initial|remaining|latter|same|additional"
         rf"|further)\s+)?{qty}\s+(?:more\s+|additional\s+|extra\s+|trading\s+|business\s+"
         rf"|working\s+|calendar\s+|full\s+|straight\s+|consecutive\s+)?{unit}(?P<half>\s+and\s+a\s+half)?(?:'s)?(?![\w-])"
         # An age ("52 years old") is not a temporal expression in TimeML.
         rf"(?!\s+old\b)", re.I, 3),
        # "two or three years", "the next 12 to 18 months": a duration known only roughly
        # (after "from" or "between", each number is its own duration: below).
        ("duration_either",
         rf"{_B}(?<!\bfrom\s)(?<!\bbetween\s)"
         rf"(?P<t>(?:(?i:the)\s+(?:(?i:next|past|last|coming|first|final)\s+)?)?"
         rf"(?!\d{{4}}\b)(?P<q>{number})\s+(?i:or|to)\s+(?:{number})\s+{unit})(?![\w-])",
         re.I, 2),
        # "between 24 and 48 hours", "from two to three weeks": the first number shares the
        # unit written after the second, so it is a duration of its own.
        ("duration_range_first",
         rf"{_B}(?:between|from)\s+(?P<t>(?P<q>{number}))\s+(?:and|to)\s+(?:{number})\s+"
         rf"{unit}(?![\w-])", re.I, 3),
        ("duration_adj",
         rf"(?<![\w-])(?P<q>{number}|several|multi|half|few)[-\s]?(?:and-a-half-)?"
         # ("a three- month low": wire copy breaks the word at the hyphen.)
         rf"-\s?{unit_adj}(?:-long)?(?![\w-])(?!\s+old\b)", re.I, 2),
        # "a month-long fight", "a decades-long dispute", "a weeklong visit": how long, with
        # no number ("day-long" one day, "decades-long" some decades).
        # "27 years and three months", "two hours and 15 minutes": one duration.
        ("duration_compound",
         rf"{_B}(?P<t>(?P<q1>{number}|a|an|one)\s+(?P<u1>(?:{unit_names})s?)"
         rf",?\s+and\s+(?P<q2>{number}|a|an|one)\s+(?P<u2>(?:{unit_names})s?))(?![\w-])",
         re.I, 2),
        # "the April-June quarter", "the October-December period": a calendar quarter.
        ("month_span_quarter",
         rf"{_B}(?P<t>(?:the\s+)?(?P<m1>{month2})\s*[-\u2013/]\s*(?P<m2>{month2})"
         rf"\s+(?:quarter|period|months))(?![\w-])", 0, 2),
        ("unit_long",
         r"(?<![\w-])(?P<t>(?P<unit>hour|day|week|month|year|decade|centur)(?P<pl>s|ies|y)?"
         r"-?long)(?![\w-])", re.I, 2),
        ("vague_plural",
         rf"{_B}(?:(?P<prep>for|over|in|within|after|during|take|took|takes|taking|lasting"
         rf"|last|lasted|spent|spend|spending)\s+)(?P<t>(?P<unit>seconds|minutes|hours|days"
         rf"|weeks|months|years|decades|centuries))(?!\s+(?:ago|of|earlier|later|before|after"
         rf"|to\s+come)){_E}", re.I, 4),
        ("recent_plural",
         rf"{_B}(?P<t>(?:the\s+)?(?P<rel>recent|coming|past|last|next|upcoming|previous|"
         rf"following|preceding|ensuing|future)\s+(?:(?P<q>few|several|many|couple\s+of)\s+)?"
         rf"(?P<unit>days|weeks|months|years|decades|hours|centuries|quarters)){_E}", re.I, 3),
        ("units_ahead",
         rf"{_B}(?P<t>the\s+(?P<unit>days|weeks|months|years|decades)\s+ahead){_E}", re.I, 3),
        # ----- references, sets, holidays, clock times --------------------------------------
        ("reference", rf"{_B}(?P<t>{refs}){_E}", re.I, 6),
        ("term",
         rf"{_B}(?P<t>the\s+(?:near|short|long|medium|longer|shorter)[-\s]term"
         rf"|the\s+near\s+future|a\s+later\s+date)(?!-)(?![\w])"
         # "the long-term debt" is an adjective: the noun "term" ends its phrase.
         rf"(?=\s*(?:[.,;:!?)\"']|$)|\s+(?:and|or|but|as|because|if|when|than)\b)", re.I, 5),
        ("set_adverb", rf"{_B}(?P<t>{freq}){_E}", re.I, 3),
        ("set_every",
         rf"{_B}(?P<t>(?:every|each|per)\s+(?:other\s+|single\s+)?"
         rf"(?:(?P<q>{number}|few|several|couple\s+of)\s+)?"
         rf"(?:(?P<unit>day|night|week|weekend|month|quarter|year|decade|century|hour|minute|season"
         rf"|second|days|weeks|months|years|hours|minutes)|(?P<wd>{weekday_full})"
         rf"|{season}|{month}|(?P<pod>morning|afternoon|evening))){_E}", re.I, 2),
        ("set_times",
         rf"{_B}(?P<t>(?P<times>once|twice|thrice|(?:{number})\s+times)\s+(?:a|an|per|each"
         rf"|every)\s+(?P<unit>day|night|week|month|quarter|year|decade|hour|minute)){_E}",
         re.I, 1),
        # "$500 million a year": a rate, so a SET, not the duration "a year" (it outranks
        # the duration rule on the same words).
        ("set_rate",
         r"(?:\d|percent|cents?|million|billion|trillion|thousand|times|dollars?|euros?"
         r"|pounds?|yen|yuan|rupees?|hours)\s+"
         r"(?P<t>an?\s+(?P<unit>year|month|week|day|night|hour|minute))(?![\w-])", re.I, 2),
        # "100 flights a day", "three meals a day", "six days a week": so many of a thing in
        # each unit, a rate as well (the handler looks for the count before).
        ("set_rate_count",
         r"(?<![\w-])(?P<t>a\s+(?P<unit>year|month|week|day|night))(?![\w-])", re.I, 2),
        ("holiday",
         rf"{_B}(?:(?P<rel>this|next|last|this\s+year's|last\s+year's|next\s+year's)\s+)?"
         rf"(?P<h>{holiday_names})(?:\s+(?P<wk>week(?:end)?)(?![\w-]))?"
         rf"(?:\s+(?P<y>{YEAR}))?{_E}", re.I, 1),
        ("clock",
         rf"(?<![\w:.])(?:(?P<approx>(?i:about|around|approximately|roughly))\s+)?"
         rf"(?P<h>[01]?\d)(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.|p\.m\.|a\.m|p\.m"
         rf"|am|pm|AM|PM|A\.M\.|P\.M\.)(?!\w)"
         # A zone by abbreviation, or by the place whose clock it is ("Rome time").
         rf"(?:\s+(?P<tz>(?:{zones})(?:\s+(?i:time))?|(?i:local)\s+time|[A-Z][a-z]+\s+time)"
         rf"(?![\w]))?"
         rf"(?:,?\s+(?:on\s+)?(?:(?P<dayrel>last|next|this)\s+)?(?P<dayref>today|yesterday"
         rf"|tomorrow|tonight|{weekday_full}"
         rf"|(?P<dmon>{month2})\s+(?P<dd>{DAY}))(?P<every>s)?(?![\w]))?"
         # "by 7:00 p.m. every evening": that clock time each day.
         rf"(?P<daily>\s+(?i:every|each)\s+(?i:day|morning|afternoon|evening|night)(?![\w]))?",
         0, 1),
        ("clock24",
         rf"(?<![\w:.$£€])(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?:\s*(?P<tz>{zones_24h})"
         rf"|\s+(?P<lt>local\s+time|hours|hrs))(?![\w])"
         rf"(?:\s+(?:on\s+)?(?P<dayref>today|yesterday|tomorrow|{weekday_full})(?P<every>s)?"
         rf"(?![\w]))?", 0, 1),
        ("clock_mil", rf"(?<![\w:.$£€])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?P<tz>GMT|UTC"
                      rf"|hours|hrs|local\s+time){_E}"
                      rf"(?:\s+(?P<dayref>today|yesterday|tomorrow|{weekday_full})(?![\w]))?",
                      0, 2),
        # "14:00 ET": with a colon, a 24-hour time is plainly one, so any zone goes with it
        # (the dotted "15.30 MT" may be tonnes); "at 08:00": a 24-hour time after "at".
        ("clock_colon",
         rf"(?<![\w:.$£€])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?P<tz>{zones})"
         rf"(?:\s+(?i:time))?(?![\w])"
         rf"(?:\s+(?P<dayref>today|yesterday|tomorrow|{weekday_full})(?![\w]))?",
         0, 2),
        ("clock_at",
         rf"{_B}(?i:at|from|until|till|by|before|after|around|about)\s+"
         rf"(?P<t>(?P<h>[01]\d|2[0-3]):(?P<mi>[0-5]\d))(?![\w:.,]\d|[\w:])", 0, 3),
        ("part_of_day",
         rf"{_B}(?:in|by|at|during|until|through|throughout)\s+(?P<t>(?:the\s+)?"
         rf"(?:(?P<mod>mid|early|late)[-\s]?)?(?P<pod>morning|afternoon|evening)"
         rf"(?:\s+(?P<dayref>yesterday|today|tomorrow|{weekday_full}))?){_E}"
         # "in the morning of March 3", "the evening news": the part is not the whole phrase.
         rf"(?!\s+(?:of|news|paper|papers|edition|session|star|prayers?)\b)", re.I, 3),
        # "at dawn on Tuesday", "before daybreak", "by nightfall", "in the early hours of
        # Sunday": the part of that day (or of the day last spoken of). The preposition keeps
        # out the figurative "the dawn of a new era".
        ("day_edge",
         rf"{_B}(?:at|before|after|by|until|till|from|since|around|near|in|during|shortly\s+"
         rf"(?:before|after))\s+(?P<t>(?:(?P<pod>dawn|daybreak|sunrise|first\s+light|dusk|sunset"
         rf"|nightfall)|the\s+(?P<mod>early|small|wee)\s+hours(?:\s+of\s+the\s+morning)?)"
         rf"(?:\s+(?:on\s+|of\s+)?(?P<dayref>yesterday|today|tomorrow|{weekday_full})"
         rf"(?:\s+morning)?)?){_E}", re.I, 3),
        # "in morning trade", "the afternoon session": a market's part of the day.
        ("trading_session",
         rf"{_B}(?P<t>(?P<pod>morning|afternoon|evening))(?=\s+(?:trade|trading|session|deals"
         rf"|dealings)\b)", re.I, 3),
        ("clock_pod",
         rf"(?<![\w:.$£€])(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?\s+(?:o'clock\s+)?in\s+the\s+"
         rf"(?P<pod>morning|afternoon|evening){_E}", re.I, 1),
        ("noon", rf"{_B}(?P<w>(?i:noon|midnight|midday))(?:,?\s+(?:on\s+)?(?P<dayref>(?i:today"
                 rf"|tonight|yesterday|tomorrow)|{weekday_full}|(?P<dmon>{month2})\s+(?P<dd>{DAY}))"
                 rf"(?P<every>s)?)?{_E}", 0, 2),
    ]
    months = set(lex.months)
    weekdays = set(lex.weekdays) | {f"{w}s" for w in lex.weekdays if len(w) > 3}
    units = set(lex.units) | {f"{u}s" for u in lex.units} | {"centuries", "millennia"}
    seasons = set(lex.seasons)
    parts = {"morning", "afternoon", "evening", "night", "overnight", "tonight"}
    days = {"day", "night", "morning", "afternoon", "evening", "week", "month", "year",
            "weekend", "eve", "days", "weeks", "months", "years"}
    zone_words = {z.lower() for z in lex.time_zones}
    references = {phrase.split()[-1] for phrase in lex.references}
    holiday_words = {max(re.findall(r"[^\W_]+", name.lower()), key=len)
                     for h in holidays().values() for name in h.names}
    decade_set = set(decade_words.split("|"))
    triggers: dict[str, set[str]] = {
        "iso_date": {YEAR4}, "slash_date": {DIGIT}, "month_day": months, "day_month": months,
        "month_year": months, "week_of": {"week"}, "nth_week_of": {"week"}, "ordinal_day": {DIGIT},
        "month_rel_year": months, "month": months,
        "year_range": {YEAR4}, "year": {YEAR4, "fy"}, "fiscal_short": {"fy", "fiscal"},
        "decade": {DECADE} | decade_set, "century": {"century"},
        "this_century": {"century", "decade", "millennium"},
        "weekday": weekdays, "weekday_plural": weekdays,
        "relative_day": {"yesterday", "today", "tomorrow", "tonight"},
        "this_part": parts, "overnight": {"overnight"}, "same_day": days, "day_before": days,
        "eve_of": {"eve"},
        "anchored_offset": units, "offset": units,
        "rel_earlier": {"earlier", "later", "early", "late"},
        "relative_unit": {"week", "weekend", "month", "year", "quarter", "half", "season",
                          "fortnight"},
        "year_ago_adj": {"year"}, "the_week": {"week", "weekend"},
        "in_the_period": {"day", "month", "year", "week"}, "new_year": {"year"},
        "spoken_year": {"nineteen", "twenty", "thousand"}, "year_end": {"year"},
        "period_edge": {"month", "week"},
        "the_year": {"year"}, "period_to": {"year", "months", "weeks"},
        "months_of_year": {"months", "quarters"},
        "quarter": {"quarter", "half", "period"}, "q_code": {QCODE}, "season": seasons,
        "duration": units, "duration_adj": units, "vague_plural": units,
        "duration_compound": units, "duration_range_first": {"between", "from"},
        "duration_either": {"or", "to"},
        "month_span_quarter": {"quarter", "period", "months"},
        "unit_long": {"long", "daylong", "weeklong", "monthlong", "yearlong", "hourlong"},
        "recent_plural": units, "units_ahead": {"ahead"}, "reference": references,
        "set_adverb": set(lex.frequency_adverbs), "term": {"term", "date", "future"},
        "set_every": {"every", "each", "per"},
        "set_times": {"once", "twice", "thrice", "times"},
        "set_rate": {"year", "month", "week", "day", "night", "hour", "minute"},
        "holiday": holiday_words,
        "set_rate_count": {"year", "month", "week", "day", "night"},
        "clock": {"am", "pm", "m"}, "clock24": zone_words | {"local", "hours", "hrs"},
        "clock_mil": {"gmt", "utc", "hours", "hrs", "local"},
        "clock_colon": zone_words, "clock_at": {DIGIT},
        "noon": {"noon", "midnight", "midday"},
        "part_of_day": {"morning", "afternoon", "evening"},
        "clock_pod": {"morning", "afternoon", "evening"},
        "trading_session": {"morning", "afternoon", "evening"},
        "day_edge": {"dawn", "daybreak", "sunrise", "light", "dusk", "sunset", "nightfall",
                     "hours"},
    }
    return tuple(Rule(name, re.compile(pattern, flags), priority, frozenset(triggers[name]))
                 for name, pattern, flags, priority in specs)
