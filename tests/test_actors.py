"""Actor mentions: every way of naming an actor resolves to it, on the article's date."""

from datetime import date

import pytest

from stancegraph.actors import ActorFinder
from stancegraph.knowledge import load_knowledge
from stancegraph.text import normalise

DAY = date(2022, 2, 17)


@pytest.fixture(scope="module")
def finder():
    return ActorFinder(load_knowledge())


def actors(finder, text, day=DAY):
    return [(m.text, m.actor) for m in finder.find(normalise(text), day)]


@pytest.mark.parametrize("text,expected", [
    ("Russia said", ("Russia", "russia")),
    ("the Russian Federation said", ("Russian Federation", "russia")),
    ("the U.S. said", ("U.S.", "united-states")),
    ("Caracas said", ("Caracas", "venezuela")),
    ("the Kremlin said", ("Kremlin", "russia")),
    ("Russian troops moved", ("Russian", "russia")),
    ("the Venezuelan people", ("Venezuelan", "venezuela")),
    ("Westerners said", ("Westerners", "the-west")),
    ("NATO said", ("NATO", "nato")),
    ("the UN Security Council voted", ("UN Security Council", "united-nations")),
    ("Kyiv said", ("Kyiv", "ukraine")),
    ("Kiev said", ("Kiev", "ukraine")),
])
def test_actors_name_forms(finder, text, expected):
    assert expected in actors(finder, text)


@pytest.mark.parametrize("text,name,actor", [
    ("President Vladimir Putin spoke.", "Vladimir Putin", "russia"),
    ("NATO chief Jens Stoltenberg spoke.", "Jens Stoltenberg", "nato"),
    ("Venezuelan Oil Minister Tareck El Aissamin spoke.", "Tareck El Aissamin", "venezuela"),
    ("Chinese foreign ministry spokesman Wang Wenbin spoke in Beijing.", "Wang Wenbin", "china"),
    ("Fictional Ruritanian Minister Anna Schmidt spoke.", None, None),
])
def test_actors_titled_persons(finder, text, name, actor):
    people = [(m.text, m.actor) for m in finder.find(normalise(text), DAY) if m.kind == "person"]
    assert people == ([(name, actor)] if name else [])


def test_actors_surname_and_family_name_later(finder):
    text = ("Chinese foreign ministry spokesman Wang Wenbin spoke in Beijing. "
            "Later spokesman Wang added more. Mr. Wenbin left.")
    people = [(m.text, m.actor) for m in finder.find(normalise(text), DAY) if m.kind == "person"]
    assert people == [("Wang Wenbin", "china"), ("Wang", "china"), ("Wenbin", "china")]


def test_actors_misspelt_surname_one_edit_apart(finder):
    text = "Russian Deputy Prime Minister Yuri Borissov came. Borisov left."
    people = [m.actor for m in finder.find(normalise(text), DAY) if m.kind == "person"]
    assert people == ["russia", "russia"]


@pytest.mark.parametrize("day,actor", [
    (date(2021, 1, 25), None),  # the day before Blinken took office
    (date(2021, 1, 26), "united-states"),
    (date(2025, 1, 20), "united-states"),  # his last day
    (date(2025, 1, 21), None),
])
def test_actors_office_by_date(finder, day, actor):
    (mention,) = finder.find(normalise("Antony Blinken spoke."), day)
    assert mention.actor == actor


def test_actors_former_speaks_for_nobody(finder):
    (mention,) = [m for m in finder.find(normalise("Former Secretary of State Antony Blinken spoke."), DAY)
                  if m.kind == "person"]
    assert mention.actor is None


@pytest.mark.parametrize("text,expected", [
    ("Washington Post reporters wrote.", []),
    ("George Washington was a president.", []),
    ("Washington and the U.S. Congress.", [("Washington", "united-states"), ("U.S.", "united-states")]),
    ("Brussels said.", []),  # EU, NATO or Belgium: no context, no guess
    ("The EU met in Brussels.", [("EU", "european-union"), ("Brussels", "european-union")]),
    ("Moscow-backed separatists attacked.", []),
    ("the West Bank", []),
    ("the West said", [("West", "the-west")]),
])
def test_actors_ambiguous_forms(finder, text, expected):
    assert actors(finder, text) == expected


@pytest.mark.parametrize("text,name,actor", [
    ("Serbian President Aleksandar Vucic spoke.", "Aleksandar Vucic", "serbia"),
    ("Aleksandar Vucic, Serbia's president, spoke.", "Aleksandar Vucic", "serbia"),
    ("Ivica Dacic, the Serbian foreign minister, spoke.", "Ivica Dacic", "serbia"),
    ("Kremlin spokesman Dmitry Peskov spoke.", "Dmitry Peskov", "russia"),
    ("The head of US diplomacy, Antony Blinken, spoke.", "Antony Blinken", "united-states"),
    ("Turkey's foreign minister, Mevlut Cavusoglu, spoke.", "Mevlut Cavusoglu", "turkey"),
    ("White House national security adviser Jake Sullivan spoke.", "Jake Sullivan", "united-states"),
    ("Former Serbian President Boris Tadic spoke.", "Boris Tadic", None),
])
def test_actors_generic_titles(finder, text, name, actor):
    people = [(m.text, m.actor) for m in finder.find(normalise(text), DAY) if m.kind == "person"]
    assert people[:1] == [(name, actor)]


def test_actors_title_tied_earlier_then_named(finder):
    text = ("Russia's deputy foreign minister said talks had stalled. "
            "Deputy Foreign Minister Sergei Ivanovsky said more.")
    people = [(m.text, m.actor) for m in finder.find(normalise(text), DAY) if m.kind == "person"]
    assert people == [("Sergei Ivanovsky", "russia")]


def test_actors_generic_title_not_carried_to_another_person(finder):
    text = "On a visit to Russian President Vladimir Putin, President Jair Somebody spoke."
    people = {m.text: m.actor for m in finder.find(normalise(text), DAY) if m.kind == "person"}
    assert people.get("Jair Somebody") is None


def test_actors_title_reference(finder):
    text = "Serbian Foreign Minister Ivica Dacic spoke in Belgrade. The minister added that talks went on."
    people = [(m.text, m.actor) for m in finder.find(normalise(text), DAY) if m.kind == "person"]
    assert people == [("Ivica Dacic", "serbia"), ("The minister", "serbia")]


@pytest.mark.parametrize("text,expected", [
    # Georgia: the country, or the US state
    ("Georgia's foreign ministry protested.", [("Georgia", "georgia")]),
    ("Tbilisi said Georgia would join.", [("Tbilisi", "georgia"), ("Georgia", "georgia")]),
    ("He campaigned in Atlanta, Georgia on Monday.", []),
    ("The governor of Georgia spoke.", []),
    # Jordan and Chad: states, or first names
    ("Jordan condemned the strike.", [("Jordan", "jordan")]),
    ("Male voters turned out.", []),  # the Maldives' capital, or a common word
    ("Officials in Male said so.", [("Male", "maldives")]),
    ("Officials said Jordan condemned the strike.", [("Jordan", "jordan")]),
    ("Michael Jordan played.", []),
    ("Chad Smith wrote.", []),
    ("N'Djamena said Chad would not take part.", [("N'Djamena", "chad"), ("Chad", "chad")]),
    # Niger and Nigeria are two states
    ("Niger and Nigeria met.", [("Niger", "niger"), ("Nigeria", "nigeria")]),
    ("Nigerian and Nigerien troops.", [("Nigerian", "nigeria"), ("Nigerien", "niger")]),
    # Congo: two states, resolved by another mention or not at all
    ("Congo said so.", []),
    ("Kinshasa said Congo would reply.", [("Kinshasa", "dr-congo"), ("Congo", "dr-congo")]),
    ("Brazzaville said Congo would reply.", [("Brazzaville", "republic-of-the-congo"),
                                             ("Congo", "republic-of-the-congo")]),
    # Korea: North or South
    ("Officials said Korea would reply.", []),
    ("Seoul said Korea would reply.", [("Seoul", "south-korea"), ("Korea", "south-korea")]),
    ("Pyongyang said Korea would reply.", [("Pyongyang", "north-korea"), ("Korea", "north-korea")]),
    # Washington: the US, or the state
    ("Officials in Washington said so.", [("Washington", "united-states")]),
    ("Washington state voters said so.", []),
    ("He lives in Seattle, Washington now.", []),
    # US and us
    ("Let us talk to the US.", [("US", "united-states")]),
    # Chinese: China (not Taiwan)
    ("Taipei rejected Chinese pressure.", [("Taipei", "taiwan"), ("Chinese", "china")]),
])
def test_actors_ambiguity(finder, text, expected):
    assert actors(finder, text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Djibouti said so.", [("Djibouti", "djibouti")]),  # name and capital of one state
    ("Singapore warned.", [("Singapore", "singapore")]),
    ("Officials in Vienna and the OSCE met.", [("Vienna", "osce"), ("OSCE", "osce")]),
])
def test_actors_city_states_and_seats(finder, text, expected):
    assert actors(finder, text) == expected


def test_actors_title_does_not_reach_across_a_sentence(finder):
    text = "Antonov spoke in Washington. NATO Secretary-General Jens Stoltenberg said more."
    people = [(m.text, m.actor) for m in finder.find(normalise(text), DAY) if m.kind == "person"]
    assert ("Jens Stoltenberg", "nato") in people
