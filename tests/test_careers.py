"""Career stage: the seed's table, and the rules for roles, dates, leagues, honours and non-stations."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from conftest import SEED_PUBLISHED, run
from pipeline.careers import extract_careers
from pipeline.gold import CareerRow

BACKHAUS = "Heiner Backhaus"
SEED_STATIONS = {
    (BACKHAUS, "TuS Wengern", "youth_player"),
    (BACKHAUS, "FC Schalke 04", "youth_player"),
    (BACKHAUS, "Sachsen Leipzig", "player"),
    (BACKHAUS, "Valletta FC", "player"),
    (BACKHAUS, "AEK Larnaka", "player"),
    (BACKHAUS, "Inter Leipzig", "coach"),
    (BACKHAUS, "BSV Rheden", "coach"),
    (BACKHAUS, "SG Sonnenhof-Großaspach", "coach"),
    (BACKHAUS, "Rot-Weiß Koblenz", "coach"),
    ("Mike Sadlo", "SG Sonnenhof-Großaspach", "coach"),
}


def stations(doc: Doc, published: dt.date | None = None) -> dict[tuple[str, str, str], CareerRow]:
    rows, _ = extract_careers(doc, "doc", published)
    return {(r.person, r.club, r.role): r for r in rows}


def dated(nlp: Language, text: str, published: dt.date) -> dict[tuple[str, str, str], tuple[str, str]]:
    """Each station the text gives, with its start and end."""
    return {key: (row.start, row.end) for key, row in stations(run(nlp, text, published)).items()}


def test_seed_holds_exactly_the_stations(seed_doc: Doc) -> None:
    assert set(stations(seed_doc, SEED_PUBLISHED)) == SEED_STATIONS


@pytest.mark.parametrize(
    ("club", "start", "end", "league", "titles"),
    [
        ("Inter Leipzig", "2014-SU", "2019-SU", "Sachsenliga; Oberliga Nordost", "Aufstieg"),
        ("BSV Rheden", "2019-SU", "", "Regionalliga", ""),
        ("Rot-Weiß Koblenz", "2020-SU", "", "Regionalliga Südwest", ""),
        ("SG Sonnenhof-Großaspach", "", "", "3. Liga", ""),
        ("Valletta FC", "", "", "", "maltesische Meisterschaft"),
        ("AEK Larnaka", "", "", "", "zypriotischer Pokalsieger"),
    ],
)
def test_seed_station_details(seed_doc: Doc, club: str, start: str, end: str, league: str | None, titles: str) -> None:
    row = next(r for (p, c, _), r in stations(seed_doc, SEED_PUBLISHED).items() if p == BACKHAUS and c == club)
    assert (row.start, row.end, row.titles) == (start, end, titles)
    if league is not None:
        assert row.league == league


def test_seed_partner_in_the_coaching_team_gets_the_same_station(seed_doc: Doc) -> None:
    row = stations(seed_doc, SEED_PUBLISHED)[("Mike Sadlo", "SG Sonnenhof-Großaspach", "coach")]
    assert row.league == "3. Liga"


def test_seed_people(seed_doc: Doc) -> None:
    _, people = extract_careers(seed_doc, "seed", SEED_PUBLISHED)
    backhaus = next(p for p in people if p.person == BACKHAUS)
    assert backhaus.birthplace == "Witten"
    assert backhaus.hometown == "Wengern"
    assert backhaus.birth_year in {"1981", "1982"}


def test_evidence_is_the_source_sentence(seed_doc: Doc) -> None:
    row = stations(seed_doc, SEED_PUBLISHED)[(BACKHAUS, "Valletta FC", "player")]
    assert "mit dem Valletta FC feierte" in row.evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Timo Berger wechselte im Sommer 2016 vom VfL Bochum zum SC Paderborn.",
         {("Timo Berger", "VfL Bochum", "player"): ("", "2016-SU"),
          ("Timo Berger", "SC Paderborn", "player"): ("2016-SU", "")}),
        ("Jens Meyer ist seit Januar 2020 Trainer beim FC Gütersloh.",
         {("Jens Meyer", "FC Gütersloh", "coach"): ("2020-01", "")}),
        ("Anna Vogt ist Co-Trainerin beim VfL Wolfsburg.",
         {("Anna Vogt", "VfL Wolfsburg", "assistant_coach"): ("", "")}),
        ("Klaus Peters wurde 2018 Sportdirektor beim SV Meppen.",
         {("Klaus Peters", "SV Meppen", "official"): ("2018", "")}),
        ("Lukas Brandt spielte in der Jugend des VfB Stuttgart.",
         {("Lukas Brandt", "VfB Stuttgart", "youth_player"): ("", "")}),
        ("Horst Weber spielte von 1997 bis 2003 für den SV Westfalia Rhynern.",
         {("Horst Weber", "SV Westfalia Rhynern", "player"): ("1997", "2003")}),
        ("Horst Weber spielte ab 1959 für Eintracht Braunschweig. 1963 wechselte Horst Weber zu Fortuna Düsseldorf.",
         {("Horst Weber", "Eintracht Braunschweig", "player"): ("1959", "1963"),
          ("Horst Weber", "Fortuna Düsseldorf", "player"): ("1963", "")}),
        ("Timo Berger spielte in der Jugend bei der DJK Lowick und beim 1. FC Bocholt.",
         {("Timo Berger", "DJK Lowick", "youth_player"): ("", ""),
          ("Timo Berger", "1. FC Bocholt", "youth_player"): ("", "")}),
        ("Nils Bockhorst spielte ab Sommer 2019 beim TuS 82 Opladen, ehe ihn Eintracht Hagen im Sommer 2021 holte.",
         {("Nils Bockhorst", "TuS 82 Opladen", "player"): ("2019-SU", "2021-SU"),
          ("Nils Bockhorst", "Eintracht Hagen", "player"): ("2021-SU", "")}),
        ("Im Sommer 2018 wurde Lukas Terhorst von Vitesse Arnheim verpflichtet.",
         {("Lukas Terhorst", "Vitesse Arnheim", "player"): ("2018-SU", "")}),
        ("Die Zeit als Coach von Inter Leipzig endete im Sommer 2019, als sich Jens Meyer dem BSV Rheden anschloss.",
         {("Jens Meyer", "Inter Leipzig", "coach"): ("", "2019-SU"),
          ("Jens Meyer", "BSV Rheden", "coach"): ("2019-SU", "")}),
        ("Bei der DJK Eintracht Borbeck spielte Carina Wessels bis zur D-Jugend.",
         {("Carina Wessels", "DJK Eintracht Borbeck", "youth_player"): ("", "")}),
        ("Ausgebildet wurde Yannick Bredenbröker beim VfL Bochum, für dessen U 19 er auflief.",
         {("Yannick Bredenbröker", "VfL Bochum", "youth_player"): ("", "")}),
        ("„Die Tür war nie zu“, sagte der Sportliche Leiter Frank Schulte-Bockum vom ASC 09 Dortmund.",
         {("Frank Schulte-Bockum", "ASC 09 Dortmund", "official"): ("", "")}),
        ("Spielertrainer Dominik Reuschel stand beim TuS Ende selbst auf dem Platz.",
         {("Dominik Reuschel", "TuS Ende", "coach"): ("", ""), ("Dominik Reuschel", "TuS Ende", "player"): ("", "")}),
        ("Horst Weber spielte ab 1963 für Fortuna Düsseldorf. Eine Knieverletzung zwang Horst Weber 1970 zum Karriereende.",
         {("Horst Weber", "Fortuna Düsseldorf", "player"): ("1963", "1970")}),
        ("Von 1959 bis 1963 lief Horst Weber für Eintracht Braunschweig auf, ehe er zu Fortuna Düsseldorf wechselte.",
         {("Horst Weber", "Eintracht Braunschweig", "player"): ("1959", "1963"),
          ("Horst Weber", "Fortuna Düsseldorf", "player"): ("1963", "")}),
        ("Lukas Terhorst spielte für Preußen Münster. Sein damaliger Trainer Jörg Hüsing, heute Co-Trainer beim SC Verl, lobt ihn.",
         {("Lukas Terhorst", "Preußen Münster", "player"): ("", ""),
          ("Jörg Hüsing", "SC Verl", "assistant_coach"): ("", "")}),
        ("Nach dem Spiel lobte Trainer Gerald Scheiblehner den FC Blau-Weiß Linz.",
         {("Gerald Scheiblehner", "FC Blau-Weiß Linz", "coach"): ("", "")}),
        ("„Er passt zu uns“, sagt BHC-Geschäftsführer Jörg Föste über den Neuzugang des Bergischen HC.",
         {("Jörg Föste", "Bergischer HC", "official"): ("", "")}),
    ],
)
def test_moves_roles_and_dates(nlp: Language, text: str, expected: dict[tuple[str, str, str], tuple[str, str]]) -> None:
    assert dated(nlp, text, dt.date(2021, 3, 10)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sein Traum wäre es, irgendwann für den FC Schalke 04 zu arbeiten.",
        "Timo Berger war im Gespräch beim VfL Bochum.",
        "Timo Berger wird nicht zum SC Paderborn wechseln.",
        "Timo Berger traf beim 2:1 gegen den SC Paderborn doppelt.",
        "Am Mittwoch betreut Timo Berger das Team im Achtelfinale des Landespokals beim SV Altlüdersdorf.",
    ],
)
def test_wishes_rumours_negations_and_opponents_are_no_stations(nlp: Language, text: str) -> None:
    assert stations(run(nlp, text)) == {}


def test_descriptor_resolves_to_the_club_named_before(nlp: Language) -> None:
    text = ("Timo Berger stammt aus Hamm. Der SC Paderborn beobachtete ihn lange. "
            "Im Sommer 2019 wechselte Timo Berger zum Zweitligisten.")
    found = stations(run(nlp, text, dt.date(2021, 3, 10)))
    row = found[("Timo Berger", "SC Paderborn", "player")]
    assert (row.start, row.league) == ("2019-SU", "2. Bundesliga")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the next dated station of the same kind closes the one before
        ("Im Sommer 2015 wechselte Timo Berger zum Chemnitzer FC. Im Sommer 2018 schloss sich Timo Berger "
         "dem SC Preußen Münster an.",
         {("Timo Berger", "Chemnitzer FC", "player"): ("2015-SU", "2018-SU"),
          ("Timo Berger", "SC Preußen Münster", "player"): ("2018-SU", "")}),
        # ... also when the article tells the later station first
        ("Timo Berger spielt seit dem Sommer 2022 für den Halleschen FC. Im Sommer 2018 schloss sich "
         "Timo Berger dem SC Preußen Münster an.",
         {("Timo Berger", "Hallescher FC", "player"): ("2022-SU", ""),
          ("Timo Berger", "SC Preußen Münster", "player"): ("2018-SU", "2022-SU")}),
        # an undated station told in between: the move leaves it, the first one stays open
        ("Im Sommer 2015 wechselte Timo Berger zum Chemnitzer FC. Danach spielte Timo Berger für den "
         "VfR Aalen. Im Sommer 2018 schloss sich Timo Berger dem SC Preußen Münster an.",
         {("Timo Berger", "Chemnitzer FC", "player"): ("2015-SU", ""),
          ("Timo Berger", "VfR Aalen", "player"): ("", "2018-SU"),
          ("Timo Berger", "SC Preußen Münster", "player"): ("2018-SU", "")}),
        # a loan does not end the station the player is lent from; "spielt seit" is current
        ("Lukas Kreuzhuber spielt seit 2008 für die SV Ried. Im Frühjahr 2012 wurde Lukas Kreuzhuber "
         "an Union Vöcklamarkt verliehen.",
         {("Lukas Kreuzhuber", "SV Ried", "player"): ("2008", ""),
          ("Lukas Kreuzhuber", "Union Vöcklamarkt", "player"): ("2012-SP", "")}),
        # a coaching job does not end a playing station
        ("Im Sommer 2010 wechselte Timo Berger zum SC Paderborn. Im Sommer 2016 wurde Timo Berger "
         "Trainer beim FC Gütersloh.",
         {("Timo Berger", "SC Paderborn", "player"): ("2010-SU", ""),
          ("Timo Berger", "FC Gütersloh", "coach"): ("2016-SU", "")}),
    ],
)
def test_the_next_station_closes_the_previous_one(nlp: Language, text: str,
                                                  expected: dict[tuple[str, str, str], tuple[str, str]]) -> None:
    assert dated(nlp, text, dt.date(2023, 3, 10)) == expected


def test_the_date_of_a_move_ends_the_club_left(nlp: Language) -> None:
    text = "Zur Saison 2023/24 wechselt Nils Bockhorst vom VfL Eintracht Hagen zum Bergischen HC."
    found = stations(run(nlp, text, dt.date(2023, 3, 10)))
    assert (found[("Nils Bockhorst", "VfL Eintracht Hagen", "player")].end,
            found[("Nils Bockhorst", "Bergischer HC", "player")].start) == ("2023/2024", "2023/2024")


def test_von_after_a_noun_names_the_owner_not_the_club_left(nlp: Language) -> None:
    text = "Zur Saison 2010/11 unterschrieb Timo Berger bei der zweiten Mannschaft von Arminia Bielefeld."
    assert dated(nlp, text, dt.date(2012, 3, 10))[("Timo Berger", "Arminia Bielefeld", "player")] == ("2010/2011", "")


def test_a_league_level_describes_the_club_just_named(nlp: Language) -> None:
    text = ("Timo Berger spielte für den SC Paderborn. Im Mai 2013 folgte Timo Berger einem Angebot "
            "des VfL Osnabrück und wurde dort Teil des Trainerteams beim Drittligisten.")
    found = stations(run(nlp, text, dt.date(2021, 3, 10)))
    assert ("Timo Berger", "VfL Osnabrück", "assistant_coach") in found
    assert not any(club == "SC Paderborn" and role != "player" for _, club, role in found)


def test_a_genitive_name_does_not_take_the_focus(nlp: Language) -> None:
    text = ("Danny Röhl ist Trainer bei Sheffield Wednesday. Einer, der von Röhls Ankunft profitiert, ist "
            "Maximilian Brandt. Der 26-Jährige spielte in der Jugend des Halleschen FC.")
    found = stations(run(nlp, text, dt.date(2024, 1, 10)))
    assert ("Maximilian Brandt", "Hallescher FC", "youth_player") in found
    assert not any(person == "Danny Röhl" and club == "Hallescher FC" for person, club, _ in found)


def test_a_name_after_mit_or_unter_is_not_the_one_who_signs(nlp: Language) -> None:
    text = ("Maximilian Brandt spielte für RB Leipzig. Stattdessen unterschrieb er im Sommer 2017 bei "
            "Norwich City, wo damals mit Daniel Farke gerade ein deutscher Trainer angefangen hatte.")
    found = stations(run(nlp, text, dt.date(2024, 1, 10)))
    assert found[("Maximilian Brandt", "Norwich City", "player")].start == "2017-SU"
    assert not any(person == "Daniel Farke" and role == "player" for person, _, role in found)


def test_the_speaker_of_a_quote_is_the_er_of_the_next_sentence(nlp: Language) -> None:
    text = ("Timo Berger spielte für den SC Paderborn. „Norbert Elgert hat mich damals geprägt“, so Berger. "
            "Im Sommer 2015 wechselte er zum VfL Bochum.")
    found = stations(run(nlp, text, dt.date(2021, 3, 10)))
    assert ("Timo Berger", "VfL Bochum", "player") in found
    assert not any(person == "Norbert Elgert" for person, _, _ in found)


def test_a_role_word_standing_with_another_name_is_not_his(nlp: Language) -> None:
    text = "Unter Trainer Ivica Horvat spielte Werner Kaminski beim FC Schalke 04."
    found = stations(run(nlp, text, dt.date(2021, 3, 10)))
    assert ("Werner Kaminski", "FC Schalke 04", "player") in found
    assert ("Werner Kaminski", "FC Schalke 04", "coach") not in found


def test_a_team_that_trained_is_no_coaching_job(nlp: Language) -> None:
    text = "„Bei Frost haben wir beim Halleschen FC nur in der Halle trainiert“, erzählt Maximilian Brandt."
    found = stations(run(nlp, text, dt.date(2021, 3, 10)))
    assert ("Maximilian Brandt", "Hallescher FC", "coach") not in found


def test_a_description_as_subject_is_no_station_date(nlp: Language) -> None:
    text = ("Werner Kaminski kam zum FC Schalke 04. Er spielte zunächst noch in der Glückauf-Kampfbahn, "
            "ehe der Verein 1973 ins Parkstadion umzog.")
    assert dated(nlp, text, dt.date(2021, 3, 10))[("Werner Kaminski", "FC Schalke 04", "player")] == ("", "")


def test_a_negation_reaches_only_its_own_clause(nlp: Language) -> None:
    text = ("Danny Röhl hatte nie zuvor eine Profimannschaft als Chef verantwortet, wohl aber: Als Co-Trainer "
            "arbeitete er bei RB Leipzig und beim FC Southampton. „So oft will ich den Verein nicht wechseln“, "
            "sagt Danny Röhl.")
    found = stations(run(nlp, text, dt.date(2023, 3, 10)))
    assert set(found) == {("Danny Röhl", "RB Leipzig", "assistant_coach"),
                          ("Danny Röhl", "FC Southampton", "assistant_coach")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a youth team with a coaching word is the team coached
        ("Seine Trainerlaufbahn begann Alex Frei im Nachwuchs des FC Basel.",
         {("Alex Frei", "FC Basel", "coach")}),
        ("Norbert Elgert betreut seit 1996 die A-Jugend des FC Schalke 04.",
         {("Norbert Elgert", "FC Schalke 04", "coach")}),
        # a young player stays one, even next to a coach
        ("Als D-Jugendlicher wechselte Timo Berger zum VfL Bochum, dessen Trainer ihn entdeckt hatte.",
         {("Timo Berger", "VfL Bochum", "youth_player")}),
        # a word inside a club's name is no role cue
        ("Fabian Wiesinger spielte für den FC Juniors OÖ.", {("Fabian Wiesinger", "FC Juniors OÖ", "player")}),
        # a move is no list: the youth role of the club left does not pass to the next one
        ("Timo Berger spielte in der Jugend des VfL Bochum. Im Sommer 2014 wechselte er vom VfL Bochum "
         "zur SG Wattenscheid 09.",
         {("Timo Berger", "VfL Bochum", "youth_player"), ("Timo Berger", "SG Wattenscheid 09", "player")}),
        ("Nach den Jugendjahren beim Cronenberger SC gehörte Klaus Wiesemann zum Kader des Wuppertaler SV.",
         {("Klaus Wiesemann", "Cronenberger SC", "youth_player"), ("Klaus Wiesemann", "Wuppertaler SV", "player")}),
    ],
)
def test_roles_of_youth_words(nlp: Language, text: str, expected: set[tuple[str, str, str]]) -> None:
    assert set(stations(run(nlp, text, dt.date(2021, 3, 10)))) == expected


def test_a_round_up_paragraph_opening_with_a_club_is_about_that_club(nlp: Language) -> None:
    text = ("FC Eintracht Rheine: Die Eintracht holt Yannick Bredenbröker vom TSG Sprockhövel. "
            "Der FC Eintracht Rheine ist zufrieden.\n\n"
            "ASC 09 Dortmund: Niklas Sommerfeld kehrt vom SV Lippstadt 08 zurück. "
            "„Die Tür war nie zu“, sagte der Sportliche Leiter Frank Schulte-Bockum.")
    found = stations(run(nlp, text, dt.date(2024, 1, 10)))
    assert ("Frank Schulte-Bockum", "ASC 09 Dortmund", "official") in found
    assert ("Niklas Sommerfeld", "ASC 09 Dortmund", "player") in found  # "kehrt vom SV Lippstadt 08 zurück"
    assert not any(person == "Frank Schulte-Bockum" and club == "FC Eintracht Rheine" for person, club, _ in found)


def test_a_move_to_a_country_implies_no_club(nlp: Language) -> None:
    text = ("Der FC Schalke 04 plant den Umbruch. Der FC Schalke 04 baut das Stadion aus. "
            "Im Sommer 2016 wechselte Dennis Kaltwasser vom SV Sandhausen in die Türkei.")
    found = stations(run(nlp, text, dt.date(2021, 3, 10)))
    assert set(found) == {("Dennis Kaltwasser", "SV Sandhausen", "player")}


@pytest.mark.parametrize(
    ("text", "station", "dates"),
    [
        ("Heiko Ruppert war im Sommer 2021 als Trainer zum ETB Schwarz-Weiß Essen gekommen. Am Montag wurde "
         "Cheftrainer Heiko Ruppert mit sofortiger Wirkung beurlaubt.",
         ("Heiko Ruppert", "ETB Schwarz-Weiß Essen", "coach"), ("2021-SU", "2022-11-28")),
        ("Bereits am Freitag trennte sich der TuS Esborn von Trainer Ralf Hülsmann, der die Mannschaft im "
         "Sommer 2019 übernommen hatte.",
         ("Ralf Hülsmann", "TuS Esborn", "coach"), ("2019-SU", "2022-11-25")),
    ],
)
def test_a_dismissal_ends_the_coaching_station(nlp: Language, text: str, station: tuple[str, str, str],
                                               dates: tuple[str, str]) -> None:
    assert dated(nlp, text, dt.date(2022, 11, 30))[station] == dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the nearest preposition governs: "vom VfL zur SG" leaves the VfL and joins the SG
        ("Im Sommer 2014 wechselte Dennis Kaltwasser vom VfL Bochum zur SG Wattenscheid 09.",
         {("Dennis Kaltwasser", "VfL Bochum", "player"): ("", "2014-SU"),
          ("Dennis Kaltwasser", "SG Wattenscheid 09", "player"): ("2014-SU", "")}),
        # a date beside an honour dates the honour
        ("Seit dem Sommer 2021 spielt Dennis Kaltwasser für Trabzonspor. Es war der erste Meistertitel "
         "für den Klub seit der Saison 1983/84.",
         {("Dennis Kaltwasser", "Trabzonspor", "player"): ("2021-SU", "")}),
        # a club that "meldete sich" is the next station
        ("Dennis Kaltwasser spielte für den SV Sandhausen, ehe sich im Sommer 2019 Kayserispor meldete.",
         {("Dennis Kaltwasser", "SV Sandhausen", "player"): ("", "2019-SU"),
          ("Dennis Kaltwasser", "Kayserispor", "player"): ("2019-SU", "")}),
    ],
)
def test_move_dates(nlp: Language, text: str, expected: dict[tuple[str, str, str], tuple[str, str]]) -> None:
    assert dated(nlp, text, dt.date(2022, 11, 10)) == expected


def test_a_job_taken_over_without_a_club_starts_the_last_staff_station(nlp: Language) -> None:
    text = ("Der FC Eintracht Norderstedt hat Cheftrainer Olaf Bendixen entlassen. Bendixen hatte das "
            "Traineramt im Januar 2016 übernommen.")
    row = stations(run(nlp, text, dt.date(2019, 10, 8)))[("Olaf Bendixen", "FC Eintracht Norderstedt", "coach")]
    assert row.start == "2016-01"


def test_a_town_stands_for_the_club_the_article_names_from_it(nlp: Language) -> None:
    text = ("Marcel Brückner stürmt für die Kölner Haie. „Ich habe in Köln einen Vertrag bis 2024“, sagt "
            "Brückner. 2017 wechselte Jens Vollrath zu den Telekom Baskets Bonn. In Bonn arbeitete "
            "Vollrath als Co-Trainer.")
    clubs = {club for _, club, _ in stations(run(nlp, text, dt.date(2022, 3, 10)))}
    assert clubs == {"Kölner Haie", "Telekom Baskets Bonn"}


def test_a_role_after_a_possessive_is_someone_elses(nlp: Language) -> None:
    text = ("Peter Hamm war Cheftrainer beim SV Lippstadt 08. Als Hamm im Sommer 2011 zu Rot Weiss Ahlen "
            "wechselte, nahm er seinen Co-Trainer mit.")
    found = stations(run(nlp, text, dt.date(2021, 3, 10)))
    assert set(found) == {("Peter Hamm", "SV Lippstadt 08", "coach"), ("Peter Hamm", "Rot Weiss Ahlen", "coach")}


def test_a_score_without_anyone_named_is_a_match_not_a_move(nlp: Language) -> None:
    text = ("Alex Frei ist Trainer beim FC Basel. Am Sonntag holte der Aufsteiger ein 2:2 beim FC St. Gallen.")
    found = stations(run(nlp, text, dt.date(2023, 2, 14)))
    assert set(found) == {("Alex Frei", "FC Basel", "coach")}


def test_a_loan_from_a_club_joins_the_club_in_focus_and_keeps_the_lenders_station(nlp: Language) -> None:
    text = ("Der FC Energie Cottbus hat zugeschlagen. Der FC Energie Cottbus braucht Tempo. Vom Bundesligisten "
            "1. FC Union Berlin wurde am Donnerstag Lennart Pohlmann bis zum 30. Juni 2022 ausgeliehen. Bei Union "
            "trainierte der Linksaußen vor allem mit.")
    found = stations(run(nlp, text, dt.date(2021, 8, 27)))
    assert {k: (v.start, v.end) for k, v in found.items()} == {
        ("Lennart Pohlmann", "1. FC Union Berlin", "player"): ("", ""),
        ("Lennart Pohlmann", "FC Energie Cottbus", "player"): ("2021-08-26", ""),
    }


def test_a_contracts_end_is_no_station_end(nlp: Language) -> None:
    text = "Im Sommer 2021 wechselte Marcel Brückner zu den Kölner Haie, er hat dort einen Vertrag bis 2024."
    assert dated(nlp, text, dt.date(2022, 3, 10))[("Marcel Brückner", "Kölner Haie", "player")] == ("2021-SU", "")


def test_a_predicative_role_after_the_name_is_an_apposition(nlp: Language) -> None:
    text = ("Dennis Grabowski spielte für die SG Wattenscheid 09. Die SG Wattenscheid 09 plant weiter mit ihm. "
            "Zur kommenden Saison wird Grabowski Co-Trainer an der Seite von Holger Sczesny.")
    found = stations(run(nlp, text, dt.date(2019, 5, 20)))
    assert ("Dennis Grabowski", "SG Wattenscheid 09", "assistant_coach") in found


def test_a_relative_clause_after_an_apposed_name_dates_the_joining(nlp: Language) -> None:
    text = ("An der Spitze zieht Energie Cottbus weiter einsam seine Kreise. Trainer Claus-Dieter Wollitz, der "
            "im Sommer 2009 erstmals in der Lausitz anheuerte, sah eine reife Vorstellung.")
    row = stations(run(nlp, text, dt.date(2022, 10, 10)))[("Claus-Dieter Wollitz", "Energie Cottbus", "coach")]
    assert row.start == "2009-SU"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a failed move in one clause removes every mention of the club in the sentence
        ("Hammer SpVg: Geplatzt ist dagegen der Wechsel von Marvin Ellerkamp zur Hammer SpVg.", {}),
        # a career end told before the club still ends the last playing station; "aus" names the club left
        ("Dominik Lüke beendet seine Laufbahn zum 31. Januar. Der Innenverteidiger war 2015 aus der Reserve "
         "des SC Preußen Münster zum FC Eintracht Rheine gekommen.",
         {("Dominik Lüke", "SC Preußen Münster", "player"): ("", "2015"),
          ("Dominik Lüke", "FC Eintracht Rheine", "player"): ("2015", "2024-01-31")}),
        # moving up from the club's own youth ends the youth station and starts the senior one
        ("Jannik Ostrowski spielt für Rot-Weiss Essen, bei dem er im Sommer aus der eigenen U 19 zu den Profis "
         "aufgerückt war.",
         {("Jannik Ostrowski", "Rot-Weiss Essen", "youth_player"): ("", "2023-SU"),
          ("Jannik Ostrowski", "Rot-Weiss Essen", "player"): ("2023-SU", "")}),
    ],
)
def test_round_up_stations(nlp: Language, text: str, expected: dict[tuple[str, str, str], tuple[str, str]]) -> None:
    assert dated(nlp, text, dt.date(2024, 1, 20)) == expected


def test_round_up_sections_promotions_and_arrivals(nlp: Language) -> None:
    text = ("SV Rödinghausen: Der SV Rödinghausen hat investiert. Vom SC Verl kommt Innenverteidiger Lasse "
            "Overbeck. Aus der eigenen U19 rücken Torwart Luca Heitkämper und Verteidiger Jonas Brockschmidt auf.\n\n"
            "Schwer wiegt dagegen ein Abschied. „Wir planen weiter“, sagte Sportchef Henrik Brinkötter.\n\n"
            "ASV Hamm-Westfalen: Der ASV Hamm-Westfalen plant. „Genau das brauchen wir“, sagte Hamms Trainer "
            "Stefan Wöstmann.")
    found = set(stations(run(nlp, text, dt.date(2023, 6, 1))))
    assert found >= {
        ("Lasse Overbeck", "SV Rödinghausen", "player"),
        ("Luca Heitkämper", "SV Rödinghausen", "youth_player"), ("Luca Heitkämper", "SV Rödinghausen", "player"),
        ("Jonas Brockschmidt", "SV Rödinghausen", "youth_player"),
        ("Henrik Brinkötter", "SV Rödinghausen", "official"),  # the section goes on after a blank line
        ("Stefan Wöstmann", "ASV Hamm-Westfalen", "coach"),  # "Hamms" is the club of that town
    }


def test_a_round_up_lead_dates_its_undated_moves(nlp: Language) -> None:
    text = ("Die meisten Wechsel zur Saison 2023/24 sind perfekt.\n\nSV Rödinghausen: Vom SC Verl kommt "
            "Innenverteidiger Lasse Overbeck.")
    found = stations(run(nlp, text, dt.date(2023, 6, 1)))
    assert {k: (v.start, v.end) for k, v in found.items()} == {
        ("Lasse Overbeck", "SC Verl", "player"): ("", "2023/2024"),
        ("Lasse Overbeck", "SV Rödinghausen", "player"): ("2023/2024", ""),
    }


@pytest.mark.parametrize(
    ("text", "station", "dates"),
    [
        ("Der SC Westfalia Herne wurde 1959 Meister. Trainer der Meistermannschaft war Fritz Lemberg, der von "
         "1956 bis 1962 an der Seitenlinie stand.",
         ("Fritz Lemberg", "SC Westfalia Herne", "coach"), ("1956", "1962")),
        # a role after "als" is what the person was elsewhere, not the subject of "ist"
        ("Nach Stationen auf Malta als aktiver Profi ist Heiner Backhaus bei Rot-Weiß Koblenz im "
         "Trainergeschäft angekommen.",
         ("Heiner Backhaus", "Rot-Weiß Koblenz", "coach"), ("", "")),
    ],
)
def test_predicated_roles_and_their_dates(nlp: Language, text: str, station: tuple[str, str, str],
                                          dates: tuple[str, str]) -> None:
    assert dated(nlp, text, dt.date(2021, 3, 10))[station] == dates


def test_a_sentence_about_one_club_is_the_topic_of_the_next(nlp: Language) -> None:
    text = ("Die SGS Essen holt zwei Spielerinnen. Die SGS Essen plant weiter.\n\nBeim 1. FC Köln ist eine Ära zu "
            "Ende gegangen. Kapitänin Johanna Wielpütz hat ihre Laufbahn beendet.")
    found = set(stations(run(nlp, text, dt.date(2022, 6, 1))))
    assert ("Johanna Wielpütz", "1. FC Köln", "player") in found
    assert not any(person == "Johanna Wielpütz" and club == "SGS Essen" for person, club, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # in a round-up section a move that names only where it goes leaves the section's club
        ("SC Wiedenbrück: Beim SC Wiedenbrück geht eine Ära zu Ende. Nach elf Jahren wechselt Mittelfeldspieler "
         "Kevin Spiekermann zum SC Peckeloh, wo er künftig als Spielertrainer arbeitet.",
         {("Kevin Spiekermann", "SC Wiedenbrück", "player"): ("", ""),
          ("Kevin Spiekermann", "SC Peckeloh", "player"): ("", ""),
          ("Kevin Spiekermann", "SC Peckeloh", "coach"): ("", "")}),
        # the career end in a sentence that also tells a station; a contract's date does not date a move up
        ("Marco Stieglitz war 2016 von Arminia Bielefeld zum SV Rödinghausen gewechselt und hat am 20. Mai "
         "seine Laufbahn beendet.",
         {("Marco Stieglitz", "Arminia Bielefeld", "player"): ("", "2016"),
          ("Marco Stieglitz", "SV Rödinghausen", "player"): ("2016", "2023-05-20")}),
        ("SV Rödinghausen: Aus der eigenen U19 rückt Emre Yavuz auf, er erhielt einen Vertrag bis 2025.",
         {("Emre Yavuz", "SV Rödinghausen", "youth_player"): ("", ""),
          ("Emre Yavuz", "SV Rödinghausen", "player"): ("", "")}),
    ],
)
def test_section_departures_career_ends_and_player_coaches(nlp: Language, text: str,
                                                           expected: dict[tuple[str, str, str], tuple[str, str]]) -> None:
    assert dated(nlp, text, dt.date(2023, 6, 1)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Beim 1. FC Köln ist eine Ära zu Ende gegangen.",
        "Beim VfL Eintracht Hagen setzt man verstärkt auf den eigenen Nachwuchs.",
        "Weniger rund läuft es beim SK Rapid Wien.",
    ],
)
def test_a_sentence_that_refers_to_no_one_gives_no_station(nlp: Language, text: str) -> None:
    found = stations(run(nlp, "Lena Brandhorst spielt für die SGS Essen. " + text, dt.date(2022, 6, 1)))
    assert set(found) == {("Lena Brandhorst", "SGS Essen", "player")}


def test_a_relative_clause_tells_about_the_person_it_follows(nlp: Language) -> None:
    text = ("In der 34. Minute traf Dario Kostić zum Ausgleich. Der 31 Jahre alte Ex-Profi, der früher für den "
            "Karlsruher SC spielte, ist einer der Eckpfeiler im Team von Trainer Tobias Wenzl.")
    found = set(stations(run(nlp, text, dt.date(2023, 3, 10))))
    assert ("Dario Kostić", "Karlsruher SC", "player") in found
    assert not any(person == "Tobias Wenzl" and club == "Karlsruher SC" for person, club, _ in found)


def test_a_role_with_a_genitive_club_belongs_to_that_club(nlp: Language) -> None:
    text = ("Trainer war Günter Welling, der 1974 als Co-Trainer des VfL Bochum kam und 1977 zu Rot-Weiss Essen "
            "weiterzog.")
    found = set(stations(run(nlp, text, dt.date(2024, 3, 1))))
    assert ("Günter Welling", "Rot-Weiss Essen", "coach") in found
    assert ("Günter Welling", "Rot-Weiss Essen", "assistant_coach") not in found


def test_a_role_predicated_across_a_date(nlp: Language) -> None:
    text = "Der SC Westfalia Herne feiert Geburtstag. Vorsitzender ist seit 2017 Ulrich Tenhagen."
    row = stations(run(nlp, text, dt.date(2024, 3, 1)))[("Ulrich Tenhagen", "SC Westfalia Herne", "official")]
    assert row.start == "2017"


def test_coaching_the_team_is_coaching_the_club_in_focus(nlp: Language) -> None:
    text = ("Der SV Fortuna Herbede feiert sein Jubiläum. Seit dem 01.07.2019 trainiert Sebastian Pohl das Team.")
    row = stations(run(nlp, text, dt.date(2024, 3, 1)))[("Sebastian Pohl", "SV Fortuna Herbede", "coach")]
    assert row.start == "2019-07-01"


def test_a_return_ends_the_station_left_at_the_return(nlp: Language) -> None:
    text = ("Ahmet Çelik spielte bei den Sportfreunden Lotte, ehe er 2019 zu Rot-Weiß Oberhausen wechselte. "
            "Zum 1. Juli kehrt Ahmet Çelik nach Lotte zurück.")
    found = dated(nlp, text, dt.date(2023, 6, 28))
    assert found[("Ahmet Çelik", "Rot-Weiß Oberhausen", "player")] == ("2019", "2023-07-01")
    assert found[("Ahmet Çelik", "Sportfreunde Lotte", "player")] == ("", "")  # back again: no last leaving


def test_zuvor_ends_the_earlier_station_at_the_new_ones_date(nlp: Language) -> None:
    text = ("Tomasz Kowalczyk ist Trainer beim KFC Uerdingen 05. Er hatte das Amt am 1. Juli 2022 übernommen, "
            "zuvor stand er vier Jahre lang beim VfB Homberg an der Seitenlinie.")
    found = dated(nlp, text, dt.date(2022, 10, 10))
    assert found[("Tomasz Kowalczyk", "VfB Homberg", "coach")] == ("", "2022-07-01")


def test_female_role_words(nlp: Language) -> None:
    text = "Bayer 04 Leverkusen plant. „Wir sind froh“, sagte Leverkusens Sportliche Leiterin Anja Ostermann."
    assert ("Anja Ostermann", "Bayer 04 Leverkusen", "official") in stations(run(nlp, text, dt.date(2022, 7, 1)))


@pytest.mark.parametrize("text", ["Bundestrainer Jens Kaiser lobte den FC Schalke 04.",
                                  "U21-Nationaltrainer Jens Kaiser lobte den FC Schalke 04."])
def test_a_national_teams_job_is_no_club_station(nlp: Language, text: str) -> None:
    assert stations(run(nlp, text, dt.date(2021, 3, 10))) == {}


def test_the_team_of_a_named_person_is_the_club_he_coaches(nlp: Language) -> None:
    text = ("Weniger gut lief es für den FC Schalke 04. Die Mannschaft von Norbert Elgert verlor beim 1. FC Köln "
            "mit 1:2.")
    assert set(stations(run(nlp, text, dt.date(2021, 3, 10)))) == {("Norbert Elgert", "FC Schalke 04", "coach")}


def test_a_role_in_the_plural_is_a_group_not_the_person_read(nlp: Language) -> None:
    text = ("Olaf Bendixen ist Trainer beim FC Eintracht Norderstedt. Im Sommer verließen jedoch fünf "
            "Stammspieler den Verein. „Wir sind ein Stadtteilverein“, sagt Petra Lindemann, seit 2015 Vorsitzende "
            "des FC Eintracht Norderstedt.")
    assert set(stations(run(nlp, text, dt.date(2019, 10, 8)))) == {
        ("Olaf Bendixen", "FC Eintracht Norderstedt", "coach"),
        ("Petra Lindemann", "FC Eintracht Norderstedt", "official"),
    }


def test_no_club_named_no_station(nlp: Language) -> None:
    assert stations(run(nlp, "Aus der eigenen U19 rückt Emre Yavuz auf.", dt.date(2023, 6, 1))) == {}


def test_the_nearest_preposition_decides_the_side_of_a_move(nlp: Language) -> None:
    text = ("Mittelfeldspieler Jonas Kleefeld hat den SC Verl im Sommer 2021 in Richtung Rot Weiss Ahlen verlassen. "
            "Nach dem Aus beim Wuppertaler SV wechselte Tim Brakel im Januar 2022 zum SV Rödinghausen.")
    found = dated(nlp, text, dt.date(2022, 3, 1))
    assert found[("Jonas Kleefeld", "SC Verl", "player")] == ("", "2021-SU")
    assert found[("Jonas Kleefeld", "Rot Weiss Ahlen", "player")] == ("2021-SU", "")
    assert found[("Tim Brakel", "SV Rödinghausen", "player")][0] == "2022-01"


def test_a_return_told_before_the_first_leaving(nlp: Language) -> None:
    text = ("Zum 1. Februar kehrt Torhüter Lars Weidemann zum TuS Haltern zurück. "
            "Der 27-Jährige hatte den TuS im Sommer 2022 in Richtung SC Westfalia Herne verlassen.")
    found = dated(nlp, text, dt.date(2023, 1, 20))
    assert found[("Lars Weidemann", "TuS Haltern", "player")] == ("", "")  # first joining not told, back again
    assert found[("Lars Weidemann", "SC Westfalia Herne", "player")] == ("2022-SU", "2023-02-01")


def test_the_club_left_ends_when_the_move_dated_before_arrives(nlp: Language) -> None:
    text = ("Der SV Schermbeck hat am Mittwoch Stürmer Kai Lohmeier verpflichtet. "
            "Der 24-Jährige kommt vom Landesligisten SuS Hervest-Dorsten.")
    found = dated(nlp, text, dt.date(2024, 1, 19))
    assert found[("Kai Lohmeier", "SV Schermbeck", "player")] == ("2024-01-17", "")
    assert found[("Kai Lohmeier", "SuS Hervest-Dorsten", "player")] == ("", "2024-01-17")


def test_each_paragraph_of_a_round_up_is_about_the_club_it_opens_with(nlp: Language) -> None:
    text = ("Beim SV Rödinghausen laufen die Planungen. Torhüter Ben Aksoy bleibt.\n\n"
            "Beim SC Paderborn 07 ist ein Transfer geplatzt. Stürmer Ole Fink bleibt lieber in Dresden. "
            "„Das ärgert uns“, sagte Sportdirektor Uwe Kemper.\n\n"
            "Der FC Gütersloh freut sich über einen Rückkehrer. Kai Lohmeier kehrt zurück. "
            "„Schön“, sagte Geschäftsführer Jan Rolf.")
    found = stations(run(nlp, text, dt.date(2024, 5, 1)))
    assert ("Uwe Kemper", "SC Paderborn 07", "official") in found
    assert ("Jan Rolf", "FC Gütersloh", "official") in found



def test_a_role_outside_the_clubs_clause_belongs_to_the_nearest_club(nlp: Language) -> None:
    text = ("Jens Kappel trainierte ab 1980 den SC Verl. Nach Stationen beim SV Lippstadt 08 und beim "
            "FC Gütersloh kehrte Kappel 1995 nach Verl zurück, diesmal als Sportdirektor.")
    found = stations(run(nlp, text, dt.date(2020, 5, 1)))
    assert ("Jens Kappel", "SV Lippstadt 08", "coach") in found
    assert ("Jens Kappel", "FC Gütersloh", "coach") in found
    assert ("Jens Kappel", "SC Verl", "official") in found


def test_a_sentence_opening_with_a_role_of_a_club_refers_to_the_person_named_last(nlp: Language) -> None:
    text = ("In der 88. Minute lief Jan Podolski zum Elfmeter an. Der Kapitän des SC Wiedenbrück traf sicher zum 2:1. "
            "Der Trainer von Rot Weiss Ahlen, Marco Antwerpen, war bedient.")
    found = stations(run(nlp, text, dt.date(2023, 10, 1)))
    assert ("Jan Podolski", "SC Wiedenbrück", "player") in found
    assert ("Marco Antwerpen", "Rot Weiss Ahlen", "coach") in found
    assert ("Jan Podolski", "Rot Weiss Ahlen", "coach") not in found


def test_the_topic_club_holds_until_another_club_or_person_is_named(nlp: Language) -> None:
    text = ("Der 1. FC Bocholt gewann 3:0 und bleibt Erster. Für den 1. FC Bocholt war es der fünfte Sieg.\n\n"
            "Weiter im freien Fall befindet sich der SV Straelen. Vor nur 900 Zuschauern unterlag das Team "
            "gegen den VfB Homberg mit 0:2. Nach dem Schlusspfiff gab es Pfiffe.\n\n"
            "Trainer Dirk Wessel steht damit unter Druck.")
    assert ("Dirk Wessel", "SV Straelen", "coach") in stations(run(nlp, text, dt.date(2023, 10, 1)))


def test_a_result_compound_marks_the_opponent(nlp: Language) -> None:
    text = ("Der FC Kray hat sich von Trainer Ralf Mehnert getrennt. Den Ausschlag gab die 0:3-Niederlage am "
            "Samstag beim ETB Schwarz-Weiß Essen. „Wir mussten handeln“, sagte Präsident Olaf Kunze.")
    found = stations(run(nlp, text, dt.date(2023, 10, 1)))
    assert ("Olaf Kunze", "FC Kray", "official") in found


def test_a_place_in_a_relative_clause_is_not_where_the_move_goes(nlp: Language) -> None:
    text = ("SV Lippstadt 08: Beim Tabellenzweiten hat Sportchef Uwe Kemper in die Abwehr investiert. "
            "Vom Drittligisten SC Verl kommt Innenverteidiger Ole Brandt (24), "
            "der in Verl zuletzt nur noch Ergänzungsspieler war.")
    assert ("Ole Brandt", "SV Lippstadt 08", "player") in stations(run(nlp, text, dt.date(2023, 6, 1)))


def test_a_station_told_as_the_one_before_ends_when_the_last_told_began(nlp: Language) -> None:
    text = ("Der SC Verl hat sich am Montag von Cheftrainer Uwe Brandt getrennt. "
            "Brandt hatte das Amt im Januar 2020 übernommen. "
            "Zuvor hatte der 52-Jährige fünf Jahre lang den SV Rödinghausen trainiert.")
    found = dated(nlp, text, dt.date(2021, 10, 20))
    assert found[("Uwe Brandt", "SC Verl", "coach")] == ("2020-01", "2021-10-18")
    assert found[("Uwe Brandt", "SV Rödinghausen", "coach")] == ("", "2020-01")


def test_a_sentence_opening_with_a_verb_of_leaving(nlp: Language) -> None:
    text = "Verlassen hat den SV Meppen zum 1. Juli dagegen Torhüterin Lisa Brand."
    assert dated(nlp, text, dt.date(2022, 7, 12))[("Lisa Brand", "SV Meppen", "player")] == ("", "2022-07-01")


def test_a_date_beside_an_honour_in_another_clause_dates_no_station(nlp: Language) -> None:
    text = "Zuvor hatte Marc Keller beim FC Sion gespielt, wo er 2005 Torschützenkönig der Super League wurde."
    assert dated(nlp, text, dt.date(2010, 6, 1))[("Marc Keller", "FC Sion", "player")] == ("", "")


def test_a_coach_named_after_unter_coaches_the_club_the_subject_is_at(nlp: Language) -> None:
    text = ("Der FC Kray trauert um Werner Lenz. 1971 wechselte Lenz zum FC Schalke 04. "
            "Unter Trainer Ivo Horvath spielte er zunächst noch in der Glückauf-Kampfbahn.")
    found = stations(run(nlp, text, dt.date(2020, 5, 1)))
    assert ("Ivo Horvath", "FC Schalke 04", "coach") in found
    assert ("Ivo Horvath", "FC Kray", "coach") not in found


def test_a_round_up_paragraph_without_a_club_goes_on_with_the_one_before(nlp: Language) -> None:
    text = ("Den dicksten Verlust hat der SC Verl zu verkraften. Stürmer Kai Brand wechselt nach Bielefeld.\n\n"
            "Beim VfL Bochum ist eine Ära zu Ende gegangen. Kapitän Jan Ruhr hört auf.\n\n"
            "Sein Nachfolger soll Tim Sauer werden.\n\n"
            "Die 20-Jährige kommt zur Saison 2022/23 auf Leihbasis von Eintracht Frankfurt, wo sie vor zwei Jahren aus der "
            "eigenen Jugend in den Profikader aufgerückt war.\n\n"
            "Der FC Gütersloh hat sich im Mittelfeld verstärkt. Das 0:2 beim SC Paderborn 07 war ein Weckruf. "
            "„Wir mussten handeln“, sagte Präsident Olaf Kunze.")
    found = dated(nlp, text, dt.date(2022, 7, 12))
    assert found[("Tim Sauer", "VfL Bochum", "player")] == ("2022/2023", "")
    assert found[("Tim Sauer", "Eintracht Frankfurt", "player")] == ("2020", "")  # a loan: he stays theirs
    assert ("Olaf Kunze", "FC Gütersloh", "official") in found


def test_a_named_person_taking_over_with_no_club_coaches_the_club_in_focus(nlp: Language) -> None:
    text = ("Der SV Babelsberg 03 hat sich von Trainer Uwe Kraatz getrennt. Bis Donnerstag leitet U19-Trainer "
            "Marc Pietsch das Training. Ab Donnerstag übernimmt dann Andreas Hüttner.")
    found = dated(nlp, text, dt.date(2021, 10, 18))
    assert found[("Andreas Hüttner", "SV Babelsberg 03", "coach")] == ("2021-10-21", "")


def test_a_move_to_a_ground_is_a_move_to_the_club_in_focus(nlp: Language) -> None:
    text = ("Der 1. FC Bocholt siegte. Marcel Hövener traf zum 1:1. "
            "Der 33-jährige Ex-Profi war im Sommer 2020 an den Hünting gekommen.")
    found = dated(nlp, text, dt.date(2023, 9, 4))
    assert found[("Marcel Hövener", "1. FC Bocholt", "player")] == ("2020-SU", "")


def test_a_date_in_a_clause_of_no_club_dates_the_joinings_after_it(nlp: Language) -> None:
    text = ("Jan Kerkhoff und Nils Kerkhoff spielten zusammen beim KFC Uerdingen 05. 2019 trennten sich die Wege "
            "wieder: Jan wechselte zum SC Wiedenbrück, Nils zum SV Straelen.")
    found = dated(nlp, text, dt.date(2023, 9, 4))
    assert found[("Jan Kerkhoff", "SC Wiedenbrück", "player")] == ("2019", "")
    assert found[("Nils Kerkhoff", "SV Straelen", "player")] == ("2019", "")


@pytest.mark.parametrize("text", [
    "Jonas Brand spielte mit sechs Jahren beim FSV Grundschöttel.",
    "Jonas Brand begann als Sechsjähriger beim SV Sodingen.",
])
def test_a_childs_age_makes_a_youth_station(nlp: Language, text: str) -> None:
    assert {role for (_, _, role) in stations(run(nlp, text, dt.date(2023, 9, 4)))} == {"youth_player"}


def test_a_role_in_the_genitive_is_someone_elses(nlp: Language) -> None:
    text = ("Sebastian Rehm war 2019 vom SK Rapid Wien nach Mannheim gewechselt und ist längst der verlängerte "
            "Arm des Trainers auf dem Platz.")
    assert ("Sebastian Rehm", "SK Rapid Wien", "player") in stations(run(nlp, text, dt.date(2023, 9, 4)))



def test_a_role_named_beside_the_sentences_subject_is_at_the_subjects_club(nlp: Language) -> None:
    text = ("Der SC Verl verliert erneut. Der SC Verl steht unten. Beim SC Verl wächst die Sorge.\n\n"
            "Max Kern wechselte im Sommer 2022 vom SC Verl zum SV Rödinghausen. "
            "„Er ist unser Chef“, sagt Kern über Kapitän Jan Bohr.")
    found = stations(run(nlp, text, dt.date(2023, 9, 4)))
    assert ("Jan Bohr", "SV Rödinghausen", "player") in found
    assert ("Jan Bohr", "SC Verl", "player") not in found


def test_a_club_in_another_persons_clause_leaves_a_role_to_the_club_in_focus(nlp: Language) -> None:
    text = ("Die Kölner Haie holen Marcel Brück. Die Kölner Haie sind Tabellenführer. "
            "Auch Sportdirektor Mark Mahon hatte nicht lange gezögert, als Brücks Vertrag bei den Eisbären Berlin "
            "auslief.")
    assert ("Mark Mahon", "Kölner Haie", "official") in stations(run(nlp, text, dt.date(2022, 1, 4)))


def test_a_spell_at_a_ground_between_two_years(nlp: Language) -> None:
    text = ("Der ETB Schwarz-Weiß Essen hat einen neuen Trainer. Mit Frank Kurth kehrt ein alter Bekannter zurück. "
            "Der 39-Jährige spielte zwischen 2006 und 2011 selbst am Uhlenkrug, ehe er seine Laufbahn beim SV "
            "Burgaltendorf ausklingen ließ.")
    found = dated(nlp, text, dt.date(2022, 11, 29))
    assert found[("Frank Kurth", "ETB Schwarz-Weiß Essen", "player")] == ("2006", "2011")


def test_a_takeover_beside_a_former_club_starts_the_current_job(nlp: Language) -> None:
    text = ("Trainer Tomasz Kowal steht beim KFC Uerdingen 05 unter Druck. Der frühere Verteidiger hatte das Amt "
            "erst am 1. Juli 2022 übernommen, zuvor stand er vier Jahre lang beim VfB Homberg an der Seitenlinie.")
    found = dated(nlp, text, dt.date(2022, 10, 10))
    assert found[("Tomasz Kowal", "KFC Uerdingen 05", "coach")] == ("2022-07-01", "")
    assert found[("Tomasz Kowal", "VfB Homberg", "coach")] == ("", "2022-07-01")


def test_copulas_of_naming_and_age_phrases_before_a_name(nlp: Language) -> None:
    text = ("Die SpVgg Erkenschwick feiert. Der Torjäger dieser Jahre hieß Heinz Brock. "
            "Ehrenvorsitzender ist bis heute der inzwischen 92 Jahre alte Heinz Brock.")
    found = stations(run(nlp, text, dt.date(2022, 5, 1)))
    assert {("Heinz Brock", "SpVgg Erkenschwick", "player"), ("Heinz Brock", "SpVgg Erkenschwick", "official")} \
        <= set(found)


def test_a_contract_says_nothing_about_the_role(nlp: Language) -> None:
    text = "Uwe Hart trainierte den SV Lippstadt 08. Beim SC Verl erhielt er 2021 einen Vertrag bis 2025."
    assert ("Uwe Hart", "SC Verl", "coach") in stations(run(nlp, text, dt.date(2022, 5, 1)))



def test_a_sentence_before_a_quote_is_no_headline(nlp: Language) -> None:
    text = ("Der SC Verl hat einen Nachfolger gefunden. Uwe Hart kommt vom SV Lippstadt 08. "
            "„Wir freuen uns“, sagte der Vorstand.")
    assert ("Uwe Hart", "SV Lippstadt 08", "player") in stations(run(nlp, text, dt.date(2022, 5, 1)))


def test_a_rumours_club_is_not_the_club_described_next(nlp: Language) -> None:
    text = ("Linus Ober spielt seit 2020 für den FC Aarau. Dass sein Name zuletzt beim FC Luzern gehandelt wurde, "
            "lässt ihn kalt. Trainer Stephan Keller sieht in ihm den Schlüssel für die Ambitionen des Klubs.")
    found = stations(run(nlp, text, dt.date(2022, 5, 1)))
    assert not any(club == "FC Luzern" for _, club, _ in found)


def test_people_no_longer_in_the_squad_leave_the_club_in_focus(nlp: Language) -> None:
    text = ("Die meisten Wechsel zur Saison 2023/24 sind perfekt.\n\nSC Verl: Der Klub hat investiert. "
            "Nicht mehr dabei sind Jan Kamp und Ole Brand, deren Ziel noch unbekannt ist.")
    found = dated(nlp, text, dt.date(2023, 6, 1))
    assert found[("Jan Kamp", "SC Verl", "player")] == ("", "2023/2024")
    assert found[("Ole Brand", "SC Verl", "player")] == ("", "2023/2024")


def test_beide_stands_for_the_two_named_last(nlp: Language) -> None:
    text = ("Jan Kerk und Nils Kerk sind Brüder. Beide wechselten als Teenager ins Nachwuchsleistungszentrum "
            "des MSV Duisburg. Beide Tore schoss der VfB.")
    found = stations(run(nlp, text, dt.date(2023, 6, 1)))
    assert {("Jan Kerk", "MSV Duisburg", "youth_player"), ("Nils Kerk", "MSV Duisburg", "youth_player")} <= set(found)
    assert not any(club == "VfB" for _, club, _ in found)


def test_a_scorer_for_a_club_in_a_match_report_plays_for_it(nlp: Language) -> None:
    text = "Beim 2:1 gegen den VfB Lübeck traf Jonas Kamp in der 88. Minute für den SC Verl."
    found = stations(run(nlp, text, dt.date(2023, 6, 1)))
    assert ("Jonas Kamp", "SC Verl", "player") in found
    assert not any(club == "VfB Lübeck" for _, club, _ in found)


def test_a_successor_takes_the_role_of_the_person_he_follows(nlp: Language) -> None:
    text = ("Torhüter Lukas Horn wechselt zum ThSV Eisenach, sein Nachfolger Tomasz Wrona kommt von Górnik Zabrze.")
    found = stations(run(nlp, text, dt.date(2024, 5, 1)))
    assert ("Tomasz Wrona", "Górnik Zabrze", "player") in found


def test_a_text_ending_in_a_role_word_after_an_article(nlp: Language) -> None:
    text = "Max Kern spielt beim SC Verl. Der Trainer"
    assert set(stations(run(nlp, text, dt.date(2023, 1, 1)))) == {("Max Kern", "SC Verl", "player")}
