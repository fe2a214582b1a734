"""The tense of the clause around a temporal expression: does it look back or ahead?

"On Friday" is the Friday before the article date in "they met on Friday" and the one after in
"they will meet on Friday". Without a parse we read light lexical cues (modals, "plans to",
past-tense verbs) and take the one nearest the expression inside its sentence; reporting
verbs count too, because "officials said Friday" dates the saying. With a spaCy parse we
first ask the verb the expression hangs on, and fall back on the cues when it says nothing.

Some readings hold whatever the verb: "since March" lies behind, "delayed until Saturday"
ahead; a plan in the past perfect ("had been scheduled to expire Friday") has been
overtaken. From the parse: "payable Dec. 15" and "effective June 1" look ahead, "planned a
rally on Saturday" arranges a later event, a possessive day ("Tuesday's ruling") dates its
noun rather than the clause, and a simple present ("plays Friday", but also the past "hurt")
is read as ahead only when no lexical cue says otherwise.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from dateline.timex.lexicon import alternation, lexicon

if TYPE_CHECKING:  # spaCy is only needed when a parse is passed in
    from spacy.tokens import Doc, Token

Tense = Literal["PAST", "FUTURE"]

#: How far around the expression we look for cues, in characters; a sentence rarely
#: carries the tense of an expression further than this.
WINDOW = 160

_SENTENCE_END = re.compile(r"[.!?;]\s+(?=[\"'`A-Z(])|\n\s*\n")

#: A full stop after these does not end a sentence: titles and initials come before a name
#: ("Gen. Smith", "Richard A. Jones"), "vs." before the other party. ("Inc." and "Corp." are
#: left out: before a capital they more often do end one.)
_ABBREVIATION_BEFORE = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Prof|Rev|vs|Mt|Ft))$"
)


#: A clock time's "a.m."/"p.m." followed by its zone ("9:30 a.m. EST", "10 p.m. Rome time")
#: is inside the sentence.
_CLOCK_BEFORE = re.compile(r"\b[ap]\.m$", re.I)
@lru_cache(maxsize=1)
def _zone_after() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:(?:{alternation(lexicon().time_zones)})\b|[A-Z][a-z]+\s+time\b)")


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    if match.group()[0] != "." or "\n\n" in match.group():
        return True
    if _CLOCK_BEFORE.search(text, max(0, match.start() - 4), match.start()):
        return not _zone_after().match(text, match.start() + 1)
    return not _ABBREVIATION_BEFORE.search(text, max(0, match.start() - 6), match.start())

#: Words ending in -ed that are not past-tense verbs in news.
_NOT_PAST = frozenset({
    "need", "speed", "seed", "feed", "bed", "red", "shed", "hundred", "united", "limited",
    "proceed", "exceed", "succeed", "breed", "indeed", "creed", "greed", "weed", "deed",
    "based", "related", "unprecedented", "interested", "concerned", "armed", "scheduled",
    "expected", "planned", "proposed", "detailed", "sacred", "naked", "wicked", "embed",
})

#: Reporting verbs: they date the act of saying, not what was said.
_REPORTING = frozenset({"said", "told", "reported", "announced", "added", "stated"})

_SUBORDINATOR = re.compile(
    r"\b(?:that|which|who|whom|saying|when|while|because|although|though|if|whether|as|"
    r"after|before|since|until)\b"
)

_PASSIVE_OR_INFINITIVE = re.compile(
    r"\b(?:be|been|being|is|are|am|to|will|would|'ll|'s|'re|get|gets|got)\s+$"
)

#: Verbs (and adjectives) whose complement happens later than they do ("plans to meet
#: Friday", "are forecast to pick up over the weekend", "is likely to vote Monday").
_FORWARD_VERBS = frozenset({
    "plan", "expect", "schedule", "intend", "hope", "aim", "prepare", "want", "set", "agree",
    "decide", "promise", "vow", "pledge", "threaten", "propose", "seek", "try", "due",
    "forecast", "predict", "project", "likely", "poised",
})

#: Directives, whose complement is still to be done when they are given: "ordered schools
#: to stay closed on Tuesday". Only a weekday is read ahead from them; a month may lie on
#: either side of a directive in a past narrative ("inviting him to sit in at sessions in
#: January").
_DIRECTIVE_VERBS = frozenset({
    "order", "ask", "urge", "advise", "instruct", "tell", "call", "invite", "require",
    "allow", "direct", "summon", "encourage",
})

#: Modals that put their verb ahead of the report ("winds could pick up over the weekend"),
#: unless followed by "have" ("may have met on Friday").
_FORWARD_MODALS = frozenset({"could", "might", "may", "should", "must", "can", "ca"})


@lru_cache(maxsize=1)
def _cue_pattern() -> re.Pattern[str]:
    lex = lexicon()
    return re.compile(
        # (Not the second half of a compound: "so-called", "the year-ago period".)
        rf"(?<![\w'-])(?:(?P<future>{alternation(lex.future_cues)}"
        # A progressive with a date is an arrangement: "the envoys are meeting on Friday".
        rf"|(?:is|are|'s|'re)\s+[a-z]{{2,}}ing)"
        rf"|(?P<past>{alternation(lex.past_cues)})|(?P<ed>[a-z]{{3,}}ed))(?![\w'])"
    )


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(0, start - WINDOW)
    right = min(len(text), end + WINDOW)
    before = None
    for match in _SENTENCE_END.finditer(text, left, start):
        if _ends_sentence(text, match):
            before = match.end()
    after = next((m for m in _SENTENCE_END.finditer(text, end, right) if _ends_sentence(text, m)),
                 None)
    return (before if before is not None else left), (after.start() + 1 if after else right)


#: A determiner (and perhaps an adverb) just before a word: it heads a noun phrase.
_DETERMINER_BEFORE = re.compile(
    r"\b(?:a|an|the|its|their|his|her|this|that|these|those|our|my|your)\s+"
    r"(?:[a-z]+ly\s+|still\s+|not\s+|yet\s+)?$", re.I)

#: An infinitive ("to acquire", "to be paid"); "to" before a number, a name or a
#: determiner is a preposition ("rose to 5%", "went to Paris", "sold to the bank").
_INFINITIVE = re.compile(
    r"\bto\s+(?!(?:the|an|its|his|her|their|our|this|that|these|those|some|all|about"
    r"|around|nearly|almost|more|less|each|every|any|him|them|us|me|it)\b)[a-z]{2,}\b")

#: "delayed until Saturday", "postponed till Monday": the date is a deadline ahead, whatever
#: the tense of the verb. A sentence that opens with "Until Thursday, ..." looks back instead.
_DEADLINE = re.compile(r"[a-z,]\s+(?:until|till|pending)\s+(?:at\s+least\s+)?$")


#: "the talks lasted until late Thursday": a past stretch that ended then, not a deadline.
_LASTED_UNTIL = re.compile(
    r"\b(?:lasted|continued|stayed|remained|waited|lingered|persisted|went\s+on|dragged\s+on"
    r"|ran|worked|fought|talked|danced|partied|sat|stood)\s+(?:\w+\s+)?(?:until|till)\s+"
    r"(?:at\s+least\s+)?(?:late\s+|early\s+)?$", re.I)


def lexical_tense(text: str, start: int, end: int,
                  within: tuple[int, int] | None = None) -> Tense | None:
    """The tense suggested by the cue nearest ``text[start:end]`` in its sentence (or only
    ``within`` those character bounds, when given)."""
    left, right = _sentence_bounds(text, start, end)
    if within is not None:
        left, right = max(left, within[0]), min(right, within[1])
    best: tuple[int, Tense] | None = None
    for match in _cue_pattern().finditer(text, left, right):
        if match.start() < end and match.end() > start:
            continue
        if match.lastgroup == "ed" and match.group() in _NOT_PAST:
            continue
        tense: Tense = "FUTURE" if match.lastgroup == "future" else "PAST"
        if match.end() <= start:
            distance, between = start - match.end(), text[match.end():start]
        else:
            distance, between = match.start() - end, text[end:match.start()]
        # A cue across a comma belongs to another clause more often than not; a reporting
        # verb dates the saying, so it only counts when it stands right by the expression
        # ("said Friday"), not when it closes the sentence ("..., officials said").
        if "," in between or '"' in between:
            distance += 40
        if _SUBORDINATOR.search(between):
            # "issued a statement Friday saying the entry will ...": the cue beyond a
            # subordinating word belongs to another clause.
            distance += 40
        if match.group() in _REPORTING and distance > 25:
            distance += 80
        if match.lastgroup in ("past", "ed") and _PASSIVE_OR_INFINITIVE.search(
                text, max(0, match.start() - 12), match.start()):
            # "will be held", "to be named": a participle, not a past tense.
            continue
        if match.lastgroup == "ed" and _DETERMINER_BEFORE.search(
                text, max(0, match.start() - 24), match.start()):
            # "a still unspecified date", "the revised plan": an adjective in a noun phrase.
            continue
        if (match.lastgroup in ("past", "ed") and match.end() <= start
                and _INFINITIVE.search(between)
                and not (match.group().startswith("had ") and between.startswith(" to "))):
            # "agreed to buy the unit in January": the date belongs to the infinitive, whose
            # event comes after the past-tense verb, so that verb says nothing of the date
            # (a plan in the past perfect, "had been scheduled to expire", is another matter).
            continue
        if match.lastgroup == "ed":
            # A bare -ed word is as often an adjective ("the crippling, untouched market"),
            # the more so after the expression, where English puts participles that modify
            # a noun ("new markets untouched by the crisis") rather than the clause's verb.
            distance += 15 if match.start() < start else 35
        if best is None or distance < best[0]:
            best = (distance, tense)
    return best[1] if best else None


#: Adjectives that put a date ahead of the clause they sit in: "a dividend payable Dec. 15",
#: "a pact effective June 1".
_FORWARD_ADJECTIVES = frozenset({"effective", "payable", "due", "expiring", "maturing"})

#: Verbs whose object is still to come: "has promised elections in May".
_PROMISING = frozenset({"promise", "pledge", "vow", "plan", "schedule", "propose", "threaten"})

#: Verbs whose object is an arrangement for a later time: "planned a rally on Saturday",
#: "results were expected Monday".
_ARRANGING_VERBS = frozenset({"plan", "schedule", "slate", "expect"})

#: Verbs that set something for a day: "called a strike for Monday", "fixed the vote for
#: Sunday".
_SET_FOR = frozenset({"call", "set", "fix", "book", "convene", "summon", "slate", "schedule",
                      "plan", "reschedule", "postpone", "move"})

#: Verbs whose "for" names the period forecast: "For the January-March quarter, the
#: company forecast revenue of $4.6 billion".
_FORECASTING = frozenset({"forecast", "predict", "project", "estimate", "target", "budget"})

#: Participles that date the opening of what they follow: "a hearing beginning August 19".
_OPENING_PARTICIPLES = frozenset({"beginning", "starting", "commencing"})

#: What the parse says of a verb in the simple present ("the team plays Friday"): an
#: arrangement ahead, unless lexical cues say otherwise ("hurt" is also a past tense).
_SIMPLE_PRESENT = "SIMPLE_PRESENT"

#: What the parse says of a date that modifies a noun ("the Nov. 5 election"): no tense.
_NOUN_MODIFIER = "NOUN_MODIFIER"

#: Nouns a day or month modifies as part of the time itself ("Friday evening").
_TIME_NOUNS = frozenset({"morning", "afternoon", "evening", "night", "noon", "midnight",
                         "weekend", "week", "day", "time", "deadline"})


def _clause_of(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Character bounds of the clause of the verb the expression hangs on."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
            first, last = token.left_edge, token.right_edge
            return first.idx, last.idx + len(last.text)
        if token.head is token:
            return None
        token = token.head
    return None


def _parsed_reading(doc: Doc, start: int, end: int) -> str | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    if token.dep_ == "poss":
        # "Tuesday's declaration": the day dates a noun, not the verb of the clause; only a
        # clause looking ahead says which ("will look ahead to Friday's report").
        return "FUTURE" if _governed_by_a_future(token.head) else None
    if token.dep_ == "pobj" and token.head.lower_ == "for":
        host = token.head.head
        if host.lemma_ in _SET_FOR and _auxiliaries(host) & {"had", "'d"}:
            # "had been scheduled for January 25, but was delayed", "had been set for June
            # 7": a plan since overtaken, whose day may lie on either side; the nearest.
            return _NOUN_MODIFIER
        if (host.lemma_ in _SET_FOR | _FORECASTING and host.dep_ not in ("acl", "amod")) or (
                host.pos_ == "NOUN" and host.lemma_ not in _TIME_NOUNS
                and token.lower_ in lexicon().weekdays):
            # "has called a mass strike for Monday", "set sentencing for July 15", "a
            # meeting for Friday": the day something is called or set for (not "a service
            # planned for Saturday was canceled", where the clause's verb rules; and only a
            # weekday after a noun: "record profits for July" are July's).
            return "FUTURE"
    names_an_event = (token.pos_ == "PROPN" and token.dep_ in ("nmod", "compound")
                      and token.head.pos_ == "NOUN" and token.head.i >= span.end
                      and token.head.lemma_ not in _TIME_NOUNS
                      and token.lower_ not in lexicon().weekdays)
    # Whether the way up to the verb passes through a noun ("the death toll is 40 after the
    # explosion on Tuesday"): then the verb's present says nothing of the date.
    through_noun = through_phrase = False
    below = token
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
            break
        if token.pos_ == "ADJ" and token.lower_ in _FORWARD_ADJECTIVES:
            return "FUTURE"
        if token.head is token:
            return _NOUN_MODIFIER if names_an_event else None
        if token.i not in range(span.start, span.end) and token.pos_ in ("NOUN", "PROPN"):
            through_noun = True
            # A noun inside a prepositional phrase ("shame about the finding on Saturday")
            # takes the date out of the verb's reach; an object ("reports results on
            # Tuesday") does not, as parsers hang the date on either.
            through_phrase = through_phrase or token.dep_ == "pobj"
        below, token = token, token.head
    else:
        return _NOUN_MODIFIER if names_an_event else None
    if token.pos_ not in ("VERB", "AUX"):
        return _NOUN_MODIFIER if names_an_event else None
    if token.tag_ == "VBG" and token.dep_ == "pcomp" and token.head.lower_ in ("before", "after") \
            and token.head.head.pos_ in ("VERB", "AUX"):
        # "travel to Ashby on Wednesday before hosting Westbridge on Saturday": a gerund
        # after "before" or "after" has the tense of the verb it is ordered against.
        below, token = token.head, token.head.head
    auxiliaries = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxiliaries}
    if words & {"will", "'ll", "shall", "wo"}:
        return "FUTURE"
    if token.lemma_ in _PROMISING and not words & {"had", "'d"} and (
            below.dep_ == "dobj" or (
                token.lemma_ in ("promise", "pledge", "vow") and below.dep_ == "prep"
                and token.tag_ != "VBD"
                and any(c.dep_ == "dobj" and c.i < below.i for c in token.children))):
        # "Assad has promised elections in May" (the date on the object, or after it, where
        # parsers hang it on the verb; "promised elections in May" may date the promise):
        # what is promised is still to come.
        return "FUTURE"
    if words & _FORWARD_MODALS and not words & {"have", "'ve"} \
            and not ("could" in words and _could_is_past(token)):
        return "FUTURE"
    if names_an_event:
        # "before the Nov. 5 election", "a transcript of the July 25 call": a date naming an
        # event by its day says nothing of the clause's tense (unless the clause looks
        # ahead, above); the nearest one is meant.
        return _NOUN_MODIFIER
    if token.tag_ == "VBN" and token.dep_ == "acl" and token.lemma_ not in _ARRANGING_VERBS \
            and token.lemma_ not in _FORWARD_VERBS:
        # "the deal signed on Tuesday": a participle reporting what was done (not "the talks
        # scheduled for Friday", an arrangement whose date the clause's verb decides).
        return "PAST"
    if "to" in words and token.head.lemma_ in _DIRECTIVE_VERBS \
            and any(t.lower_ in lexicon().weekdays for t in span):
        return "FUTURE"
    if "to" in words and token.head.lemma_ in _FORWARD_VERBS:
        heads = (token.head, token.head.head)
        head_words = {c.lower_ for h in heads for c in h.children if c.dep_ in ("aux", "auxpass")}
        # "had been due to expire Friday": a plan since overtaken.
        return "PAST" if "had" in head_words else "FUTURE"
    if "to" in words and token.dep_ == "ROOT":
        # A headline's bare infinitive announces: "Leaders to meet Friday in Brussels".
        return "FUTURE"
    if token.tag_ == "VBN" and {"to", "be"} <= words:
        # A passive infinitive is yet to be done: "the interview, to be published Sunday".
        return "FUTURE"
    if token.lemma_ in _ARRANGING_VERBS and token.dep_ in ("acl", "amod") and not words \
            and _governed_by_present_or_future(token):
        # "Polls close at 10 p.m., with a result expected early Friday".
        return "FUTURE"
    if token.lemma_ in _ARRANGING_VERBS and not words & {"had", "'d"} and (
            token.dep_ not in ("acl", "amod", "relcl") or (token.dep_ == "relcl" and words)):
        # Not "a service planned for Saturday was canceled": there the clause's verb rules
        # (but "Ikeda, who was expected in Lima Thursday" is a clause of its own).
        return "FUTURE"
    nouns = ("NOUN", "PROPN")
    if token.tag_ == "VBG" and token.lower_ in _OPENING_PARTICIPLES and not words and (
            token.head.pos_ in nouns or (token.i > 0 and token.nbor(-1).pos_ in nouns)):
        # "a two-day meeting beginning Thursday", "production starting in December": when
        # something yet to happen opens (not "withdraw within a week, starting Saturday",
        # which the clause's verb dates).
        return "FUTURE"
    if token.tag_ == "VBG" and words & {"is", "are", "'s", "'re", "am"}:
        return "FUTURE"
    if token.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries):
        return "PAST"
    if token.tag_ == "VBN" and words & {"has", "have", "had", "was", "were"}:
        return "PAST"
    if token.tag_ in ("VBZ", "VBP") and token.lemma_ not in ("say", "have", "tell", "be") \
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") or _plural_subject_as_compound(c)
                    for c in token.children) \
            and not through_phrase:
        # (A present verb without a subject is a noun the tagger misread: "went on field
        # trips to a unit on Thursday"; and one reached through a noun says nothing of the
        # date: "they feel shame about the finding on Saturday of explosives".)
        return _SIMPLE_PRESENT
    timetable = (token.lemma_ == "be" and token.tag_ in ("VBZ", "VBP")) or (
        token.tag_ == "VBN" and words & {"is", "are", "am", "'s", "'re"})
    if timetable and not through_noun:
        # The present of "be" ("the deadline is Monday") and a present passive ("the store
        # is closed Monday") with the date on the verb itself: a timetable, read ahead unless
        # a cue in its clause says otherwise.
        return _SIMPLE_PRESENT
    return None


def _governing_verb(token: Token) -> Token | None:
    """The verb of the clause above ``token`` (within four steps up the parse)."""
    head = token.head
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX") and head.dep_ != "aux":
            return head
        if head.head is head:
            return None
        head = head.head
    return None


def _auxiliaries(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _governed_by_a_future(token: Token) -> bool:
    """Whether the verb above ``token`` has "will" or "shall"."""
    verb = _governing_verb(token)
    return verb is not None and bool(_auxiliaries(verb) & {"will", "'ll", "shall"})


def _governed_by_present_or_future(token: Token) -> bool:
    """Whether the clause above the noun that ``token`` describes is in the present or looks
    ahead: its verb in the plain present, or with "will"."""
    verb = _governing_verb(token)
    if verb is None:
        return False
    auxiliaries = _auxiliaries(verb)
    return bool(auxiliaries & {"will", "'ll", "shall"}) or (
        verb.tag_ in ("VBZ", "VBP") and not auxiliaries)


def _plural_subject_as_compound(child: Token) -> bool:
    """"Scots vote on Thursday": a plural noun right before a plain present verb, which the
    parser took for a compound, is its subject."""
    verb = child.head
    return (child.dep_ == "compound" and child.tag_ in ("NNS", "NNPS") and verb.tag_ == "VBP"
            and child.i == verb.i - 1)


def names_an_arrangement(doc: Doc, start: int, end: int) -> bool:
    """Whether the date hangs on a participle of arranging that describes a noun ("a trip
    scheduled for June 7"): it names the arrangement, whatever became of it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    token = span.root
    for _ in range(3):
        if token.head is token:
            return False
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token.lemma_ in _ARRANGING_VERBS and token.dep_ in ("acl", "amod")
    return False


def parsed_verb_tense(doc: Doc, start: int, end: int) -> Tense | None:
    """PAST or FUTURE when the verb the parse hangs ``doc.text[start:end]`` on says so
    itself (a past form, "will", a plan), else None."""
    reading = _parsed_reading(doc, start, end)
    return reading if reading in ("PAST", "FUTURE") else None  # type: ignore[return-value]


def _could_is_past(verb: Token) -> bool:
    """Whether "could" is the past of "can" rather than a prospect: negated ("could not be
    reached Wednesday", "neither ... could be located"). An affirmative "could" in a past
    narrative is as often a prospect reported ("he warned that sanctions could follow on
    Friday"), so it stays one."""
    return any(c.dep_ == "neg" for c in verb.children) or any(
        t.dep_ == "preconj" and t.lower_ == "neither" for t in verb.subtree)


#: "since March", "ever since Friday": whatever the verb, the time named lies behind.
_SINCE = re.compile(r"\b(?:since|ever\s+since)\s+(?:early\s+|late\s+|mid-?|last\s+)?$", re.I)


#: "said on Wednesday (it expects ...)", "told reporters Friday": a day right after a past
#: reporting verb (those above and their kin) dates the saying, whatever clause the parser
#: hangs it on.
_REPORTING_BEFORE_A_DAY = _REPORTING | {
    "confirmed", "warned", "declared", "noted", "wrote", "insisted", "argued", "claimed",
    "acknowledged", "disclosed", "revealed"}
_REPORTED_ON = re.compile(
    rf"\b(?:{alternation(_REPORTING_BEFORE_A_DAY)})"
    r"(?:\s+(?:reporters|journalists|lawmakers|parliament|the\s+\w+|a\s+\w+(?:\s+\w+)?))?"
    r"\s+(?:on\s+|late\s+|early\s+)?$")


#: "ahead of the election in December", "in the run-up to Sunday's vote": what the date
#: belongs to is still to come.
_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|in\s+the\s+run-up\s+to|in\s+preparation\s+for)\s+"
                       r"(?:[\w'-]+\s+){0,5}(?:on|in|at|for)?\s*$", re.I)


#: "declared Saturday a public holiday", "made Monday a day off": the day declared lies
#: ahead of the declaring, whatever its tense.
_DECLARED_DAY = re.compile(r"\b(?:declare[sd]?|declaring|proclaim(?:s|ed)?|designate[sd]?"
                           r"|made|makes)\s+$", re.I)
_DECLARED_AS = re.compile(r"\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:holiday|day\s+of|day\s+off"
                          r"|rest\s+day|(?:non-)?working\s+day)\b", re.I)


#: "could come as early as Saturday", "as soon as Monday": a time not yet reached.
_AS_EARLY_AS = re.compile(r"\bas\s+(?:early|soon)\s+as\s+$", re.I)


def clause_tense(text: str, start: int, end: int, doc: Doc | None = None) -> Tense | None:
    """PAST, FUTURE or None (no cue) for the expression ``text[start:end]``."""
    if _AHEAD_OF.search(text, max(0, start - 72), start):
        return "FUTURE"
    if _DECLARED_DAY.search(text, max(0, start - 16), start) and _DECLARED_AS.match(text, end):
        return "FUTURE"
    if _AS_EARLY_AS.search(text, max(0, start - 16), start):
        return "FUTURE"
    reported = _REPORTED_ON.search(text, max(0, start - 48), start)
    if reported and not _PASSIVE_OR_INFINITIVE.search(
            text, max(0, reported.start() - 12), reported.start()):
        # (Not "due to be announced on Sunday": an infinitive or passive looks ahead.)
        return "PAST"
    if _DEADLINE.search(text, max(0, start - 24), start) and not _LASTED_UNTIL.search(
            text, max(0, start - 40), start):
        return "FUTURE"
    if _SINCE.search(text, max(0, start - 20), start):
        return "PAST"
    if doc is not None:
        reading = _parsed_reading(doc, start, end)
        if reading == _NOUN_MODIFIER:
            return None
        if reading == _SIMPLE_PRESENT:
            # Only cues in the present verb's own clause count: in "he said he travels to
            # Kyiv on Tuesday" the saying is past, the travel is not.
            return lexical_tense(text, start, end, _clause_of(doc, start, end)) or "FUTURE"
        if reading == "PAST":
            return "PAST"
        if reading == "FUTURE":
            return "FUTURE"
    return lexical_tense(text, start, end)
