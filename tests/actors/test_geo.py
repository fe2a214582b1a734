from __future__ import annotations

from dateline.actors import geo


def test_country_hint_chooses_between_places_of_one_name():
    assert geo.geocode("Hyderabad", "PAK").country == "PAK"
    assert geo.geocode("Hyderabad").country == "IND"  # the more populous one


def test_geocode_gives_coordinates():
    geneva = geo.geocode("Geneva")
    assert geneva.country == "CHE"
    assert abs(geneva.lat - 46.2) < 0.1 and abs(geneva.lon - 6.14) < 0.1


def test_a_demonym_is_never_a_place():
    assert geo.geocode("Chinese") is None
    assert geo.geocode("Israelis") is None


def test_unknown_names_are_not_places():
    assert geo.geocode("Qwertyville") is None


def test_places_in_a_list_are_all_found(resolve_text, find):
    actors = resolve_text("Explosions were reported in Kyiv, Kharkiv and Odesa.")
    assert [find(actors, n).country for n in ("Kyiv", "Kharkiv", "Odesa")] == ["UKR"] * 3
