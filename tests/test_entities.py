"""Entity rules: the seed article span by span, and each label's positive and negative cases."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from conftest import ents, run

SEED_EXPECTED = {
    "CLUB": {"Rot-Weiß Koblenz", "FC Schalke", "FC Schalke 04", "TuS Wengern", "SV See 90",
             "SG Sonnenhof-Großaspach", "Valletta FC", "AEK Larnaka", "Inter Leipzig", "Inter",
             "Rheden", "Sachsen Leipzig", "BSV Rheden", "Großaspach", "SG"},
    "PLACE": {"Wetter", "Koblenz", "Malta", "Zypern", "Hong Kong", "Brasberg", "Witten", "Wengern",
              "Leipzig", "Herdecke", "Ruhrgebiet"},
    "LEAGUE": {"Sachsenliga", "Oberliga", "Oberliga Nordost", "Regionalliga Südwest", "Regionalliga"},
    "TITLE": {"maltesische Meisterschaft", "zypriotischer Pokalsieger", "Aufstieg"},
    "PERSON": {"Heiner Backhaus", "Backhaus", "Mike Sadlo", "Norbert Elgert"},
}
NEVER_TAGGED = ["Wengeraner", "Wittener", "Schalker", "Drittligisten", "A-Lizenz", "Klassenerhalt",
                "Sechstligisten", "Traditionsvereins", "Regionalligisten"]


def places_and_clubs(nlp: Language, text: str) -> list[tuple[str, str]]:
    return [e for e in ents(run(nlp, text)) if e[0] in {"PLACE", "CLUB"}]


@pytest.mark.parametrize("label", sorted(SEED_EXPECTED))
def test_seed_entities_per_label(seed_doc: Doc, label: str) -> None:
    assert {text for _, text in ents(seed_doc, label)} == SEED_EXPECTED[label]


def test_seed_dateline_is_two_places(seed_doc: Doc) -> None:
    assert ents(seed_doc)[:2] == [("PLACE", "Wetter"), ("PLACE", "Koblenz")]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Neuer Trainer in Sicht\n\nKöln (dpa) - Der Klub hat einen Nachfolger.", ["Köln"]),
        ("Wattenscheid. Der Verein hat einen Trainer.", ["Wattenscheid"]),
        ("Überschrift\n\nDanach. Der Verein hat einen Trainer.", []),
        # under the headline a village in no list; a name with its age is no dateline
        ("Neuer Trainer\n\nEichlinghofen. Der Verein hat einen Trainer.", ["Eichlinghofen"]),
        ("Neuer Trainer\n\nKowalczyk (23) traf doppelt.", []),
        # a place of several words ends the dateline, and its other names stay places
        ("Graz/Aigen im Ennstal. Der SK Sturm Graz gewann.", ["Graz", "Aigen im Ennstal"]),
    ],
)
def test_datelines(nlp: Language, text: str, places: list[str]) -> None:
    assert [t for label, t in ents(run(nlp, text)) if label == "PLACE"] == places


@pytest.mark.parametrize("word", NEVER_TAGGED)
def test_seed_demonyms_descriptors_and_aims_are_not_entities(seed_doc: Doc, word: str) -> None:
    assert all(word not in e.text for e in seed_doc.ents)


def test_seed_short_forms_carry_the_full_club_as_value(seed_doc: Doc) -> None:
    values = {e.text: e.kb_id_ for e in seed_doc.ents if e.label_ == "CLUB"}
    assert values["Inter"] == "Inter Leipzig"
    assert values["Rheden"] == "BSV Rheden"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wetter. Der Verein aus Wetter feiert.", [("PLACE", "Wetter"), ("PLACE", "Wetter")]),
        ("Das Wetter war schlecht, aber das Spiel fand statt.", []),
        ("Er wohnt seit Jahren in Essen.", [("PLACE", "Essen")]),
        ("Nach dem Essen sprach der Trainer.", []),
        ("Er wechselte zu Inter Mailand.", [("CLUB", "Inter Mailand")]),
        ("Das Turnier ist international besetzt.", []),
        ("Er spielte für den 1. FC Union Berlin.", [("CLUB", "1. FC Union Berlin")]),
        ("Die Europäische Union fördert den Sport.", []),
        ("Rot-Weiss Essen siegte. Nach dem Spiel ging es zum Essen, dann gegen Essen.",
         [("CLUB", "Rot-Weiss Essen"), ("CLUB", "Essen")]),
        ("Inter Leipzig stieg auf. Backhaus führte Inter zum Aufstieg.",
         [("CLUB", "Inter Leipzig"), ("CLUB", "Inter")]),
        ("Eintracht Frankfurt gewann. Die Eintracht feierte in großer Eintracht.",
         [("CLUB", "Eintracht Frankfurt"), ("CLUB", "Eintracht")]),
        ("In Halle an der Saale wurde er geboren.", [("PLACE", "Halle"), ("PLACE", "Saale")]),
    ],
)
def test_town_words_and_club_words(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert places_and_clubs(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "club"),
    [
        ("Er spielte beim SV Blau-Gelb Hochheide 1921.", "SV Blau-Gelb Hochheide 1921"),
        ("Der Stürmer kam von der DJK Eintracht Holsterhausen.", "DJK Eintracht Holsterhausen"),
        ("Zuletzt trainierte er den SuS Oberaden.", "SuS Oberaden"),
        ("Er ging zum Bergischen HC.", "Bergischen HC"),
        ("Mit Borussia Dortmund II stieg er auf.", "Borussia Dortmund II"),
        ("Er spielt für den SC Verl U 23 in der Oberliga.", "SC Verl U 23"),
        ("Er unterschrieb bei den Eisbären Berlin.", "Eisbären Berlin"),
        ("Er wechselte zu den Telekom Baskets Bonn.", "Telekom Baskets Bonn"),
        ("Galatasaray Istanbul habe sich erkundigt.", "Galatasaray Istanbul"),
        ("Er debütierte für den SC Westfalia 04 Herne.", "SC Westfalia 04 Herne"),
        ("Er spielt beim FC St. Gallen.", "FC St. Gallen"),
        ("Den Ausgleich erzielte der Hasper SV.", "Hasper SV"),
        ("Mit dem Sieg holte Eintracht Frankfurt Platz drei.", "Eintracht Frankfurt"),
        ("Beim ETB Schwarz-Weiß Essen ist die Trainerfrage offen.", "ETB Schwarz-Weiß Essen"),
        ("Er spielte beim USV Eschen/Mauren.", "USV Eschen/Mauren"),
        ("Er spielte für die Dresden Titans in der ProB.", "Dresden Titans"),
        ("Er wechselte zu den Kölner Haien.", "Kölner Haien"),
        ("Danach spielte er für die Frankfurter Eintracht.", "Frankfurter Eintracht"),
    ],
)
def test_club_grammar_finds_clubs_in_no_list(nlp: Language, text: str, club: str) -> None:
    assert ("CLUB", club) in ents(run(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er spielte bei den Sportfreunden Lotte. Dann kam Lotte zum Zug.", [("CLUB", "Sportfreunden Lotte"), ("CLUB", "Lotte")]),
        ("Der SC Paderborn spielte gut. Tim Kruse verlässt Paderborn nach zwei Jahren.",
         [("CLUB", "SC Paderborn"), ("CLUB", "Paderborn")]),
        ("Er ist in Paderborn aufgewachsen und spielte für den SC Paderborn.", [("PLACE", "Paderborn"), ("CLUB", "SC Paderborn")]),
        ("Vor 600 Zuschauern im Stadion Niederrhein siegte der Klub.", [("PLACE", "Stadion Niederrhein")]),
        ("Er wuchs im Stadtteil Sodingen auf.", [("PLACE", "Sodingen")]),
        ("Wer ihn auf dem Kunstrasen beim Spiel erlebt hat, staunt.", []),
        ("Im Sommer 2015 kehrte er an die Lohrheide zurück.", [("PLACE", "Lohrheide")]),
        ("Er spielte im Nachwuchsleistungszentrum in Dortmund-Brackel.", [("PLACE", "Dortmund-Brackel")]),
        ("Auf dem Wengeraner Brasberg fing alles an.", [("PLACE", "Brasberg")]),
        ("Nach drei Jahren in New Jersey ist Florida Urlaub.", [("PLACE", "New Jersey"), ("PLACE", "Florida")]),
    ],
)
def test_town_for_club_and_venues(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert places_and_clubs(nlp, text) == expected


def test_inflected_club_keeps_text_and_gets_nominative_value(nlp: Language) -> None:
    doc = run(nlp, "Er ging zum Bergischen HC.")
    assert [(e.text, e.kb_id_) for e in doc.ents] == [("Bergischen HC", "Bergischer HC")]


@pytest.mark.parametrize(
    ("text", "league"),
    [
        ("Der Klub spielt in der 3. Liga.", "3. Liga"),
        ("Er stieg in die zweiten Liga auf.", "zweiten Liga"),
        ("Der Verein spielt in der Regionalliga West.", "Regionalliga West"),
        ("Sie gewannen in der Kreisliga A das Derby.", "Kreisliga A"),
        ("Das Team steht im Halbfinale des DFB-Pokal.", "DFB-Pokal"),
        ("Er spielte in der Frauen-Bundesliga.", "Frauen-Bundesliga"),
        ("In der Hessenliga lief es gut.", "Hessenliga"),
        ("Er spielte in der Champions League.", "Champions League"),
        ("Blau-Weiß holte den Titel in der Admiral 2. Liga.", "Admiral 2. Liga"),
        ("OBERLIGA WESTFALEN\n\nDer Spitzenreiter gewann.", "OBERLIGA WESTFALEN"),
        ("Er spielte in der A-Junioren-Bundesliga West.", "A-Junioren-Bundesliga West"),
        ("Aufstieg in die NRW-Liga.", "NRW-Liga"),
        ("Er spielte in der 2. Bundesliga Nord.", "2. Bundesliga Nord"),
        ("Sie trafen im Halbfinale des DFB-Pokals aufeinander.", "DFB-Pokals"),
        ("Die Besten spielen um die Deutsche A-Junioren-Meisterschaft.", "Deutsche A-Junioren-Meisterschaft"),
        ("Er spielte in der Oberliga Rheinland-Pfalz/Saar.", "Oberliga Rheinland-Pfalz/Saar"),
        ("Er spielte für die Dresden Titans in der ProB.", "ProB"),
        ("1979 stieg sie in die Kreisliga A.", "Kreisliga A"),
    ],
)
def test_league_rules(nlp: Language, text: str, league: str) -> None:
    assert ("LEAGUE", league) in ents(run(nlp, text))


def test_cup_played_for_stays_a_league(nlp: Language) -> None:
    assert ("LEAGUE", "Westfalenpokal") in ents(run(nlp, "Im Westfalenpokal trifft der Klub auf Verl."))


@pytest.mark.parametrize("text", ["Der Drittligist gewann.", "Beim Regionalligisten ist er Trainer."])
def test_league_descriptors_are_not_entities(nlp: Language, text: str) -> None:
    assert ents(run(nlp, text), "LEAGUE") == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Er wurde Deutscher Meister.", "Deutscher Meister"),
        ("Mit dem Klub gelang der Zweitliga-Aufstieg.", "Zweitliga-Aufstieg"),
        ("Er wurde Torschützenkönig der Liga.", "Torschützenkönig"),
        ("Er war Landespokalsieger mit dem Verein.", "Landespokalsieger"),
        ("Sie wurde zur Spielerin des Jahres gewählt.", "Spielerin des Jahres"),
        ("Er holte die türkische Meisterschaft.", "türkische Meisterschaft"),
        ("Im Mai 2019 gewann der Klub den Westfalenpokal.", "Westfalenpokal"),
        ("Er wurde Meister der Regionalliga Nord.", "Meister der Regionalliga Nord"),
        ("Er war Torschützenkönig der A-Junioren-Bundesliga West.", "Torschützenkönig der A-Junioren-Bundesliga West"),
        ("Er wurde Deutscher B-Junioren-Meister.", "Deutscher B-Junioren-Meister"),
        ("Mit Vaduz wurde er liechtensteinischer Cupsieger.", "liechtensteinischer Cupsieger"),
        ("Im Folgejahr führte er die Mannschaft zur Deutschen A-Junioren-Meisterschaft.",
         "Deutschen A-Junioren-Meisterschaft"),
        ("Den Stanley Cup holten die Capitals im Juni 2018.", "Stanley Cup"),
        ("Meister mit den Eisbären", "Meister"),
        ("Er wurde 2019 Meister der Challenge League.", "Meister der Challenge League"),
        ("Er hatte mit der Mannschaft den Brandenburger Landespokal gewonnen.", "Brandenburger Landespokal"),
        ("1959 wurde der Klub Westdeutscher Meister.", "Westdeutscher Meister"),
    ],
)
def test_title_rules(nlp: Language, text: str, title: str) -> None:
    assert ("TITLE", title) in ents(run(nlp, text))


@pytest.mark.parametrize("text", [
    "Das Saisonziel ist der Klassenerhalt.",
    "Er besitzt die A-Lizenz.",
    "Der Bürgermeister gratulierte.",
    "Er wurde Vize-Europameister.",
    "Er war sein Lehrmeister.",
    "Er ist der Meister der Herzen.",
])
def test_non_titles(nlp: Language, text: str) -> None:
    assert ents(run(nlp, text), "TITLE") == []


@pytest.mark.parametrize(
    ("text", "persons"),
    [
        ("Trainer Jens Meyer lobte seine Mannschaft. Meyer war zufrieden.", ["Jens Meyer", "Meyer"]),
        ("Kapitän Kowalczyk traf doppelt.", ["Kowalczyk"]),
        ("Mit Sadlos Hilfe gelang es. Mike Sadlo blieb.", ["Sadlos", "Mike Sadlo"]),
        # a first name only one person has stands for that person, however often he is named in full
        ("Jan Kerkhoff und Nils Kerkhoff spielten. Jan Kerkhoff traf. Jan ging 2012 nach Wuppertal.",
         ["Jan Kerkhoff", "Nils Kerkhoff", "Jan Kerkhoff", "Jan"]),
        ("Nicht mehr dabei sind Jannis Kämper und Ole Brüning.", ["Jannis Kämper", "Ole Brüning"]),
        ("Trainer James O’Connor setzte ihn ein, D'Angelo nicht.", ["James O’Connor"]),
        # a first name that is also a word ("Mark") after a role word, before an unknown surname
        ("Auch Sportdirektor Mark Mahon zögerte nicht. Die Ablöse betrug 500.000 Mark.", ["Mark Mahon"]),
    ],
)
def test_person_rules(nlp: Language, text: str, persons: list[str]) -> None:
    assert [t for _, t in ents(run(nlp, text), "PERSON")] == persons


@pytest.mark.parametrize("text", ["Ich bin dabei.", "Er und seine Mannschaft feierten.",
                                  "Damals war Sheffield Wednesday Tabellenletzter der Championship."])
def test_pronouns_and_role_nouns_are_not_persons(nlp: Language, text: str) -> None:
    assert ents(run(nlp, text), "PERSON") == []


def test_spans_never_overlap_and_have_no_leading_article(seed_doc: Doc) -> None:
    ends = -1
    for ent in seed_doc.ents:
        assert ent.start_char >= ends
        assert ent[0].lower_ not in {"der", "die", "das", "dem", "den", "beim", "im", "ab", "seit"}
        ends = ent.end_char


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a kind noun before the name: the place ("im Ortsteil", "die Region")
        ("Der SV Heven siegte. Sein Trainer wohnt im Ortsteil Heven.", [("CLUB", "SV Heven"), ("PLACE", "Heven")]),
        # later names of a list are read like the first one
        ("Der FC Herdecke und der SC Witten spielten nicht, weil die Plätze in Wengern, Herdecke und Witten "
         "gesperrt waren.",
         [("CLUB", "FC Herdecke"), ("CLUB", "SC Witten"), ("PLACE", "Wengern"), ("PLACE", "Herdecke"),
          ("PLACE", "Witten")]),
        ("Er hatte Stationen in Meppen und Lotte.", [("CLUB", "Meppen"), ("CLUB", "Lotte")]),
        # "mit" a town: the team one plays with
        ("Mit Meppen stieg er in die 3. Liga auf.", [("CLUB", "Meppen")]),
        # a match result "in" a town: the venue
        ("Nach der Niederlage in Bern sprach der Trainer von einem Rückschlag.", [("PLACE", "Bern")]),
        # place words count in their own clause only
        ("Er war vom SV Meppen nach Graz gewechselt, geboren wurde er in Linz.",
         [("CLUB", "SV Meppen"), ("CLUB", "Graz"), ("PLACE", "Linz")]),
        # a spell told by a role word's ending
        ("Sie kommt vom SC Freiburg, wo sie zuletzt spielte. In Freiburg war sie Stammspielerin.",
         [("CLUB", "SC Freiburg"), ("CLUB", "Freiburg")]),
        # signing "in" a town is signing with its club; coming back to it is not
        ("Der FC Aarau gewann. Im Januar 2020 unterschrieb er in Aarau. Zurück in Wetter war er froh.",
         [("CLUB", "FC Aarau"), ("CLUB", "Aarau"), ("PLACE", "Wetter")]),
    ],
)
def test_town_reading_from_context(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert places_and_clubs(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Er spielte für Sturm Graz. Nach zwei Jahren bei Sturm ging er.",
         [("CLUB", "Sturm Graz"), ("CLUB", "Sturm")]),
        ("Er kam von Westfalia Herne. Bei der Westfalia wurde er Kapitän.",
         [("CLUB", "Westfalia Herne"), ("CLUB", "Westfalia")]),
        ("Sturm Graz gewann. Der Sturm traf zweimal.", [("CLUB", "Sturm Graz")]),
    ],
)
def test_club_word_of_a_club_named_in_full_is_its_short_form(
        nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert places_and_clubs(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an abbreviation that opens the name is a short form of its own
        ("Beim TGD Blau-Weiß Lüdenscheid ist die Trainerfrage offen. Der TGD sucht einen Nachfolger.",
         [("CLUB", "TGD Blau-Weiß Lüdenscheid"), ("CLUB", "TGD")]),
        # a role noun after the name is no part of it
        ("Gestern hat der FC Eintracht Bordesholm Cheftrainer Uwe Krause entlassen.",
         [("CLUB", "FC Eintracht Bordesholm")]),
        # a town compounded with a role noun is no district
        ("Lotte-Trainer Uwe Krause lobte die Mannschaft.", []),
        # a land in -en after a plural article: its people
        ("Mit kleinem Etat hielt er die Ostwestfalen in der Liga.", []),
        # a town that is also a word, in a list after a place preposition
        ("Die Spiele fielen aus, weil die Plätze in Wengern, Wetter und Hagen gesperrt waren.",
         [("PLACE", "Wengern"), ("PLACE", "Wetter"), ("PLACE", "Hagen")]),
        # the team noun of a club's name, also after an article and in the dative
        ("Er wechselte zu den Kölner Haien. Mit den Haien will er Meister werden.",
         [("CLUB", "Kölner Haien"), ("CLUB", "Haien")]),
        ("Er spielt für die New York Red Bulls. Die Red Bulls holten ihn 2016.",
         [("CLUB", "New York Red Bulls"), ("CLUB", "Red Bulls")]),
        # a club word after a quantifier is the word
        ("Er spielte für Energie Cottbus. Er bringt viel Energie mit.", [("CLUB", "Energie Cottbus")]),
        # abbreviations of club types, and a table position before one is no part of the name
        ("Vom Ligakonkurrenten SC Freiburg kommt sie, vom Stadtrivalen HC Elbflorenz er.",
         [("CLUB", "SC Freiburg"), ("CLUB", "HC Elbflorenz")]),
        # sponsors' names: a brand before a town or a team noun, a name before an acronym
        ("Ihn holte ratiopharm Ulm, dann die MHP Riesen Ludwigsburg.",
         [("CLUB", "ratiopharm Ulm"), ("CLUB", "MHP Riesen Ludwigsburg")]),
        ("Er trainiert den Syntainics MBC, zuvor die Niners Chemnitz.",
         [("CLUB", "Syntainics MBC"), ("CLUB", "Niners Chemnitz")]),
        ("Der Verfolger SSVg Velbert gewann, der STV Horst-Emscher verlor.",
         [("CLUB", "SSVg Velbert"), ("CLUB", "STV Horst-Emscher")]),
        # an all-caps headline: the club ends where the sentence's words begin
        ("BERGISCHER HC VERSTÄRKT DEN RÜCKRAUM\n\nDer Klub holt einen Spieler.", [("CLUB", "BERGISCHER HC")]),
    ],
)
def test_club_and_place_shapes(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert places_and_clubs(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zehn Jahre spielte er an der Hammer Straße.", [("PLACE", "Hammer Straße")]),
        ("Das Derby wird an der Lübecker Brücke ausgetragen.", [("PLACE", "Lübecker Brücke")]),
        ("An der Straße stand der Bus.", []),
        ("Der Empfang fand im Schloss Benrath statt.", [("PLACE", "Schloss Benrath")]),
        ("Im Zillertal verbrachte er den Urlaub.", [("PLACE", "Zillertal")]),
        ("Er wurde in Belgiens höchster Liga Meister.", [("PLACE", "Belgiens")]),
        ("Im Bergischen Land ist er aufgewachsen.", [("PLACE", "Bergischen Land")]),
        ("Er spielte zwei Jahre in den Niederlanden.", [("PLACE", "Niederlanden")]),
        ("Er zog in die Kurpfalz, dann an die Elbe.", [("PLACE", "Kurpfalz"), ("PLACE", "Elbe")]),
        ("In Washington gab er sein Debüt.", [("PLACE", "Washington")]),
        ("Nach der Karriere zog er nach Mallorca.", [("PLACE", "Mallorca")]),
        ("Er legte sich den Ball auf den Elfmeterpunkt.", []),
        ("Das spielt keine Rolle.", []),
        ("Im Şenol-Güneş-Stadion jubelten die Fans, in der Alten Försterei nicht.",
         [("PLACE", "Şenol-Güneş-Stadion"), ("PLACE", "Alten Försterei")]),
    ],
)
def test_grounds_sites_valleys_and_country_genitives(nlp: Language, text: str, expected: list[tuple[str, str]]) -> None:
    assert places_and_clubs(nlp, text) == expected


def test_a_bare_prefix_stands_for_the_club_with_that_word_named_last(nlp: Language) -> None:
    doc = run(nlp, "Beim 1. FC Köln endet eine Ära: Sie hatte mit dem FC 2021 den Aufstieg gefeiert. "
                   "Der FC Bayern München soll interessiert sein.")
    assert [(e.text, e.kb_id_) for e in doc.ents if e.text == "FC"] == [("FC", "1. FC Köln")]
