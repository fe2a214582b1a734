"""Verdicts: rejecting a claim, condemning an act, welcoming one, in quotes or not."""

from __future__ import annotations


def only(extraction):
    assert len(extraction.events) == 1, [e.to_dict() for e in extraction.events]
    return extraction.events[0]


def test_claims_called_baseless_are_rejected(extract):
    verdict = only(extract('Hanoi called the reports "baseless".', date="2025-02-03"))
    assert verdict.type == "REJECT"
    assert 'called the reports "baseless"' in [m.text for m in verdict.mentions]


def test_act_said_to_be_unacceptable_is_condemned(extract):
    verdict = only(extract('Manila said the water cannon use was "unacceptable".',
                           date="2025-02-03"))
    assert verdict.type == "ACCUSE"


def test_step_called_constructive_is_support(extract):
    verdict = only(extract('The Indonesian minister called the proposal "constructive".',
                           date="2025-02-03"))
    assert verdict.type == "SUPPORT"


def test_long_quote_is_a_statement_not_a_verdict(extract):
    x = extract('The minister said the plan "is not acceptable to anyone in this country".',
                date="2025-02-03")
    assert x.events == []


def test_apostrophe_is_no_quotation_mark(extract):
    verdict = only(extract("Chile's foreign minister said the claims were \"false and "
                           "harmful\".", date="2025-02-03"))
    assert verdict.type == "REJECT" and verdict.mentions[-1].text == "false and harmful"


def test_unquoted_verdict_after_a_naming_verb_is_condemnation(extract):
    verdict = only(extract("Ghana called the raid a crime.", date="2025-02-03"))
    assert verdict.type == "ACCUSE"
    assert verdict.mentions[0].text == "called the raid a crime"
    assert [p.country for p in verdict.participants] == ["GHA"]


def test_sanctions_described_as_illegal_are_condemned_not_imposed_by_the_critic(extract):
    verdict = only(extract("Tehran described the sanctions as illegal.", date="2025-02-03"))
    assert verdict.type == "ACCUSE"


def test_verdict_on_someones_accusations_keeps_their_accusation(extract):
    x = extract("Moscow denied it, calling Warsaw's accusations an attempt to escalate "
                "tensions.", date="2025-02-03")
    assert "ACCUSE" in {e.type for e in x.events}
