"""Tests for the date stage: one table per phenomenon of SPEC 5, 5a and 6."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import time
from importlib import resources
from pathlib import Path
from typing import Callable

import pytest

from pipeline.dates import (
    PRECISIONS, DateMention, DateVocabulary, VocabularyError, find_dates, load_vocabulary,
)

PUBLISHED = dt.date(2021, 3, 10)  # a Wednesday, the seed's publication date
SEED = Path(__file__).parent / "data" / "seed_backhaus.txt"

Expected = list[tuple[str, str]]


def spans(text: str, published: dt.date | None = PUBLISHED) -> Expected:
    return [(m.text, m.value) for m in find_dates(text, published)]


EXPLICIT = [
    ("Der Vertrag endet am 30.06.2017.", [("30.06.2017", "2017-06-30")]),
    ("Er kam am 1.7.2005 zum Verein.", [("1.7.2005", "2005-07-01")]),
    ("Er unterschrieb am 30. Juni 2017 in Köln.", [("30. Juni 2017", "2017-06-30")]),
    ("Im Juni 2017 kam er.", [("Juni 2017", "2017-06")]),
    ("Anfang Juni 2017 kam er.", [("Anfang Juni 2017", "2017-06")]),
    ("Mitte Juni 2017 kam er.", [("Mitte Juni 2017", "2017-06")]),
    ("Ende Mai 2019 war Schluss.", [("Ende Mai 2019", "2019-05")]),
    ("Anfang Februar 2008 kam er.", [("Anfang Februar 2008", "2008-02")]),
    ("Im Januar 2020 wechselte er.", [("Januar 2020", "2020-01")]),
    ("Heiner Backhaus, geboren am 3. Mai 1975 in Witten.", [("3. Mai 1975", "1975-05-03")]),
    ("Im Jänner 2019 und im Feber 2019.", [("Jänner 2019", "2019-01"), ("Feber 2019", "2019-02")]),
    ("Er kam am 3. Jan. 2019.", [("3. Jan. 2019", "2019-01-03")]),
    ("Im Okt. 2019 ging er.", [("Okt. 2019", "2019-10")]),
    ("Sonntag, 7. März 2021 spielte er.", [("Sonntag, 7. März 2021", "2021-03-07")]),
    ("Am Samstag, den 06.03.2021 spielte er.", [("Samstag, den 06.03.2021", "2021-03-06")]),
    ("Im Juni vergangenen Jahres kam er.", [("Juni vergangenen Jahres", "2020-06")]),
    ("Im Juli des Jahres 2015 kam er.", [("Juli des Jahres 2015", "2015-07")]),
]

MONTHS_WITHOUT_YEAR = [
    ("Im Januar wechselte er nach Köln.", [("Januar", "2021-01")]),
    ("Im Januar wird er nach Köln wechseln.", [("Januar", "2022-01")]),
    ("Im Juni wechselt er nach Köln.", [("Juni", "2021-06")]),
    ("Im Juni wechselte er nach Köln.", [("Juni", "2020-06")]),
    ("Ende Oktober war Schluss.", [("Ende Oktober", "2020-10")]),
    ("Seit Januar ist er Trainer.", [("Januar", "2021-01")]),
    ("Am 9. März hatte er Geburtstag.", [("9. März", "2021-03-09")]),
    ("Am 12. März spielt er.", [("12. März", "2021-03-12")]),
    ("Ab dem 1.7. spielt er in Köln.", [("1.7.", "2021-07-01")]),
    ("Seit dem vergangenen Oktober steht es fest.", [("vergangenen Oktober", "2020-10")]),
    ("Im kommenden Januar geht er.", [("kommenden Januar", "2022-01")]),
    # "für" a date schedules it, even with a participle ("ist angesetzt" is no perfect tense)
    ("Der erste Spieltag ist für Ende Februar angesetzt.", [("Ende Februar", "2022-02")]),
    # "zum" looks ahead where the clause has no tense of its own
    ("Zum 1. Februar kehrt er zurück, der im Januar ausgeliehen worden war.",
     [("1. Februar", "2022-02-01"), ("Januar", "2021-01")]),
]

YEARS = [
    ("1998 wurde er Meister.", [("1998", "1998")]),
    ("Im Jahr 1998 wurde er Meister.", [("Jahr 1998", "1998")]),
    ("Im Jahre 1998 wurde er Meister.", [("Jahre 1998", "1998")]),
    ("Zu Beginn des Jahres 1998 kam er.", [("Beginn des Jahres 1998", "1998-01")]),
    ("Er ist Jahrgang 1987.", [("Jahrgang 1987", "1987")]),
    ("Ende 2014 kam er.", [("Ende 2014", "2014-12")]),
    ("Jahresende 2009 war Schluss.", [("Jahresende 2009", "2009-12")]),
    ("Europameister von 1996 ist er.", [("1996", "1996")]),
    ("Bei der EM 2016 spielte er.", [("2016", "2016")]),
    ("Er wurde 1998 geboren.", [("1998", "1998")]),
    ("Er spielte für Eintracht Braunschweig. 1963 wechselte er.", [("1963", "1963")]),
]

DECADES = [
    ("In den 1990er-Jahren spielte er.", [("1990er-Jahren", "199X")]),
    ("In den 90er Jahren spielte er.", [("90er Jahren", "199X")]),
    ("In den 90ern spielte er.", [("90ern", "199X")]),
    ("Anfang der 2000er spielte er.", [("Anfang der 2000er", "200X")]),
    ("Ende der 80er-Jahre spielte er.", [("Ende der 80er-Jahre", "198X")]),
    ("In den Neunzigern spielte er.", [("Neunzigern", "199X")]),
    ("In den siebziger Jahren spielte er.", [("siebziger Jahren", "197X")]),
]

SEASONS_OF_THE_YEAR = [
    ("Im Sommer 2014 kam er.", [("Sommer 2014", "2014-SU")]),
    ("Im Winter 2019/20 ging er.", [("Winter 2019/20", "2019-WI")]),
    ("In der Winterpause 2019/20 ging er.", [("Winterpause 2019/20", "2019-WI")]),
    ("In der Winterpause der Saison 2019/20 ging er.", [("Winterpause der Saison 2019/20", "2019-WI")]),
    ("Im Frühjahr 2016 kam er.", [("Frühjahr 2016", "2016-SP")]),
    ("Im Herbst 2018 kam er.", [("Herbst 2018", "2018-FA")]),
    ("Im Sommer des Jahres 2014 kam er.", [("Sommer des Jahres 2014", "2014-SU")]),
    ("Im Sommer vergangenen Jahres kam er.", [("Sommer vergangenen Jahres", "2020-SU")]),
    ("Im Sommer wird er wechseln.", [("Sommer", "2021-SU")]),
    ("Im Sommer wechselte er.", [("Sommer", "2020-SU")]),
    ("Seit dem Sommer spielt er für Halle.", [("Sommer", "2020-SU")]),
    ("Ab Sommer läuft er für Köln auf.", [("Sommer", "2021-SU")]),
    ("„Ich denke nicht über den Sommer hinaus.“", [("Sommer", "2021-SU")]),
]

FOOTBALL_SEASONS = [
    ("In der Saison 2014/15 traf er.", [("Saison 2014/15", "2014/2015")]),
    ("2014/2015 traf er oft.", [("2014/2015", "2014/2015")]),
    ("In der Spielzeit 2019/20 traf er.", [("Spielzeit 2019/20", "2019/2020")]),
    ("In der Hinrunde 2019/20 traf er.", [("Hinrunde 2019/20", "2019/2020")]),
    ("In der Rückrunde der Saison 2018/19 traf er.", [("Rückrunde der Saison 2018/19", "2018/2019")]),
    ("In der abgelaufenen Saison 2012/2013 traf er.", [("abgelaufenen Saison 2012/2013", "2012/2013")]),
    ("In der Saison 1999/00 traf er.", [("Saison 1999/00", "1999/2000")]),
    ("In der Saison 2014-15 traf er.", [("Saison 2014-15", "2014/2015")]),
    ("In der Saison 19/20 traf er.", [("Saison 19/20", "2019/2020")]),
    ("Zum Saisonende 2018/19 ging er.", [("Saisonende 2018/19", "2018/2019")]),
    ("In der vergangenen Saison traf er.", [("vergangenen Saison", "2019/2020")]),
    ("In dieser Saison traf er.", [("dieser Saison", "2020/2021")]),
    ("Vorige Saison traf er.", [("Vorige Saison", "2019/2020")]),
    ("In der kommenden Spielzeit trifft er.", [("kommenden Spielzeit", "2021/2022")]),
    ("Die laufende Saison läuft gut.", [("laufende Saison", "2020/2021")]),
    ("Am Ende der vergangenen Saison ging er.", [("Ende der vergangenen Saison", "2019/2020")]),
    ("In der Hinrunde der vergangenen Saison traf er.", [("Hinrunde der vergangenen Saison", "2019/2020")]),
]

RELATIVE_TO_PUBLICATION = [
    ("Vor fünf Jahren kam er.", [("Vor fünf Jahren", "2016")]),
    ("Er kam vor rund zwölf Jahren.", [("vor rund zwölf Jahren", "2009")]),
    ("Er kam vor gut 20 Jahren.", [("vor gut 20 Jahren", "2001")]),
    ("Er kam vor knapp zwanzig Jahren.", [("vor knapp zwanzig Jahren", "2001")]),
    ("Er kam vor etwas mehr als 30 Jahren.", [("vor etwas mehr als 30 Jahren", "1991")]),
    ("Er kam vor fast dreißig Jahren.", [("vor fast dreißig Jahren", "1991")]),
    ("Er kam vor einundzwanzig Jahren.", [("vor einundzwanzig Jahren", "2000")]),
    ("Er kam vor einem Jahr.", [("vor einem Jahr", "2020")]),
    ("Er kam vor drei Monaten.", [("vor drei Monaten", "2020-12")]),
    ("Er kam vor zwei Wochen.", [("vor zwei Wochen", "2021-W08")]),
    ("Im vergangenen Sommer kam er.", [("vergangenen Sommer", "2020-SU")]),
    ("Im letzten Jahr kam er.", [("letzten Jahr", "2020")]),
    ("Im kommenden Winter geht er.", [("kommenden Winter", "2021-WI")]),
    ("Im nächsten Sommer geht er.", [("nächsten Sommer", "2021-SU")]),
    ("Im kommenden Jahr geht er.", [("kommenden Jahr", "2022")]),
    ("Im nächsten Jahr geht er.", [("nächsten Jahr", "2022")]),
    ("Im vergangenen Winter fehlte er.", [("vergangenen Winter", "2020-WI")]),
    ("Im letzten Sommer fehlte er.", [("letzten Sommer", "2020-SU")]),
    ("Vergangenes Jahr war er Meister.", [("Vergangenes Jahr", "2020")]),
    ("Ende vergangenen Jahres ging er.", [("Ende vergangenen Jahres", "2020-12")]),
    ("In diesem Jahr geht er.", [("diesem Jahr", "2021")]),
    ("Im vergangenen Frühjahr wurde er Meister.", [("vergangenen Frühjahr", "2020-SP")]),
    ("Im vergangenen Monat traf er.", [("vergangenen Monat", "2021-02")]),
    ("In der kommenden Woche spielt er.", [("kommenden Woche", "2021-W11")]),
    ("Im Vorjahr war er Meister.", [("Vorjahr", "2020")]),
    ("In der Vorsaison war er Meister.", [("Vorsaison", "2019/2020")]),
    ("Nach den Regenfällen der Vorwoche war der Rasen unbespielbar.", [("Vorwoche", "2021-W09")]),
]

WEEKDAYS_AND_WEEKENDS = [
    ("Am Sonntag gewann er.", [("Sonntag", "2021-03-07")], PUBLISHED),
    ("Am Sonntag spielt er gegen Köln.", [("Sonntag", "2021-03-14")], PUBLISHED),
    ("Am vergangenen Samstag gewann er.", [("vergangenen Samstag", "2021-03-06")], PUBLISHED),
    ("Am kommenden Sonntag spielt er.", [("kommenden Sonntag", "2021-03-14")], PUBLISHED),
    ("Am Samstagabend gewann er.", [("Samstagabend", "2021-03-06")], PUBLISHED),
    ("Am Wochenende spielt Koblenz.", [("Wochenende", "2019-W11-WE")], dt.date(2019, 3, 13)),
    ("Am Wochenende gewann Koblenz.", [("Wochenende", "2019-W10-WE")], dt.date(2019, 3, 13)),
    ("Am kommenden Wochenende muss Gütersloh antreten.", [("kommenden Wochenende", "2022-W36-WE")],
     dt.date(2022, 9, 6)),
    ("„Wir haben am Samstag ein wichtiges Spiel“, sagte er.", [("Samstag", "2023-10-14")],
     dt.date(2023, 10, 9)),
]

RELATIVE_TO_ANOTHER_DATE = [
    ("2011 kam er. Im Folgejahr ging er.", [("2011", "2011"), ("Folgejahr", "2012")]),
    ("2011 kam er. Ein Jahr später ging er.", [("2011", "2011"), ("Ein Jahr später", "2012")]),
    ("2011 kam er. Drei Jahre später ging er.", [("2011", "2011"), ("Drei Jahre später", "2014")]),
    ("2011 kam er. Ein Jahr darauf ging er.", [("2011", "2011"), ("Ein Jahr darauf", "2012")]),
    ("2011 kam er. Zwei Jahre zuvor war er Meister.", [("2011", "2011"), ("Zwei Jahre zuvor", "2009")]),
    ("2011 kam er. Im Jahr darauf ging er.", [("2011", "2011"), ("Jahr darauf", "2012")]),
    ("2011 kam er. Im selben Jahr ging er.", [("2011", "2011"), ("selben Jahr", "2011")]),
    ("In der Saison 2011/12 kam er. In der folgenden Saison ging er.",
     [("Saison 2011/12", "2011/2012"), ("folgenden Saison", "2012/2013")]),
    ("In der Saison 2011/12 kam er. In der Saison darauf ging er.",
     [("Saison 2011/12", "2011/2012"), ("Saison darauf", "2012/2013")]),
    ("2014 wurde er Meister. Im Vorjahr war er Zweiter.", [("2014", "2014"), ("Vorjahr", "2013")]),
    ("Im Sommer 2014 kam er. In der Folgesaison traf er.",
     [("Sommer 2014", "2014-SU"), ("Folgesaison", "2015/2016")]),
    ("Sie debütierte am 4. September 2011. Vier Jahre und mehr als 90 Einsätze später ging sie.",
     [("4. September 2011", "2011-09-04"), ("Vier Jahre und mehr als 90 Einsätze später", "2015")]),
    ("Am 26. Mai 2023 stieg er auf. Zwei Tage später stieg Ried ab.",
     [("26. Mai 2023", "2023-05-26"), ("Zwei Tage später", "2023-05-28")]),
    ("Im Januar 2014 kam er. Im Sommer darauf ging er.", [("Januar 2014", "2014-01"), ("Sommer darauf", "2014-SU")]),
    ("Im Sommer 2014 kam er. Im Sommer darauf ging er.", [("Sommer 2014", "2014-SU"), ("Sommer darauf", "2015-SU")]),
    ("Im März 2014 kam er. Zwei Monate später ging er.", [("März 2014", "2014-03"), ("Zwei Monate später", "2014-05")]),
    ("Am Donnerstag kam Pohlmann bis zum 30. Juni 2022. Am selben Tag kam Vukić.",
     [("Donnerstag", "2021-03-04"), ("30. Juni 2022", "2022-06-30"), ("selben Tag", "2021-03-04")]),
]

NOT_ANAPHORIC = [
    "Im Folgejahr ging er.",
    "Drei Jahre später ging er.",
    "In der folgenden Saison traf er.",
    "Im Sommer darauf ging er.",
    "2011 kam er. In den Jahren danach blieb er.",
    "2011 kam er. Jahre später traf er ihn wieder.",
    "2011 kam er. Zweieinhalb Jahre und 38 Tore später ging er.",
    "2011 kam er. In den folgenden Jahren blieb er.",
]

RANGES_AND_HINTS = [
    ("Von 2014 bis 2019 spielte er.", [("2014", "start"), ("2019", "end")]),
    ("2014 bis 2019 spielte er.", [("2014", "start"), ("2019", "end")]),
    ("2014-2019 spielte er.", [("2014", "start"), ("2019", "end")]),
    ("2001–2005 spielte er.", [("2001", "start"), ("2005", "end")]),
    ("Zwischen 2010 und 2012 spielte er.", [("2010", "start"), ("2012", "end")]),
    ("Er ist seit 2019 Trainer.", [("2019", "start")]),
    ("Er hat Vertrag bis 2023.", [("2023", "end")]),
    ("Er spielte ab Sommer 2014 in Leipzig.", [("Sommer 2014", "start")]),
    ("Er wechselt zum Sommer 2005 nach Köln.", [("Sommer 2005", "start")]),
    ("Bis zum vergangenen Sommer war er frei.", [("vergangenen Sommer", "end")]),
    ("Er bleibt bis zum 30. Juni 2022.", [("30. Juni 2022", "end")]),
    ("Seit der Saison 2018/19 spielt er hier.", [("Saison 2018/19", "start")]),
    ("Im Sommer 2019 ging er.", [("Sommer 2019", "")]),
    ("2014 und 2019 wurde er Meister.", [("2014", ""), ("2019", "")]),
]

ELLIPTICAL = [
    ("Am 4. und 9. März 2019 spielte er.", [("9. März 2019", "2019-03-09")]),
    ("Im Juni und Juli 2019 spielte er.", [("Juni", "2019-06"), ("Juli 2019", "2019-07")]),
    ("Von Dezember bis Februar 2020 fehlte er.", [("Dezember", "2019-12"), ("Februar 2020", "2020-02")]),
    ("Im Sommer und Herbst 2019 fehlte er.", [("Sommer", "2019-SU"), ("Herbst 2019", "2019-FA")]),
]

NOT_DATES = [
    "Er wurde über sechs Jahre ausgebildet.",
    "Das erklärt der 39-Jährige.",
    "Er steht nach 26 Spieltagen oben.",
    "Anpfiff ist um 15.30 Uhr.",
    "Heute, damals und jetzt spielt er mit die Mannschaft.",
    "Am Ende der Saison stand ein zweiter Platz.",
    "Im Laufe der Saison wurde es besser.",
    "Er gewann 2:1 gegen Köln.",
    "Er feierte zum 60. Geburtstag.",
    "In der Winterpause trainierte er.",
    "In der Hinrunde traf er oft.",
    "Er spielte beim FC Schalke 04 und bei Hannover 96.",
    "Er spielte beim TSV 1860 München.",
    "Er spielte beim FC 1921 Wengern.",
    "Der SV Blau-Weiß Westtünnen 1927 gewann.",
    "Die SG Eintracht Voerde 1919 feierte.",
    "Er spielte beim SV See 90.",
    "Das Stadion fasst 2000 Zuschauer.",
    "Der Transfer kostete 1998 Euro.",
    "Er lief 2010 Meter.",
    "In seiner letzten Saison traf er.",
    "In den vergangenen Jahren traf er.",
    "In den letzten Wochen traf er.",
    "Vor dem Spiel war er nervös.",
    "Er kam vor vielen Jahren.",
    "Der Verein hat 1500 Mitglieder.",
    "Im ersten Jahr stieg er auf.",
    "Die 2014er-Mannschaft war stark.",
    "Im WM-2014-Finale spielte er.",
    "Sonntags trainiert er nie.",
    "Er ist Sommer-Neuzugang.",
    "Yann Sommer hält.",
    "Er wechselte 2014/16 den Verein.",
    "Er spielte 3000 Minuten.",
    "Er erzielte 1999 Tore.",
    "Sie sammelten 2001 Punkte in 2002 Spiele.",
    "Er trägt die Nummer 1860.",
]

TENSE_WITHOUT_YEAR = [
    # a participle with an inseparable prefix after "hat" is past: "verlassen", "bekommen"
    ("Verlassen hat den Verein zum 1. Juli die Torhüterin.", [("1. Juli", "2022-07-01")], dt.date(2022, 7, 12)),
    ("Abgerechnet wird im Mai“, sagte der Trainer.", [("Mai", "2021-05")], dt.date(2020, 10, 17)),
    ("Im Sommer verließen fünf Stammspieler den Verein.", [("Sommer", "2019-SU")], dt.date(2019, 10, 7)),
    ("Der Spieler, der im Sommer aufgerückt war, wird ausgeliehen.", [("Sommer", "2023-SU")],
     dt.date(2024, 1, 24)),
    ("Eigentlich sollte er erst im Sommer ran, nun ging alles schnell.", [("Sommer", "2016-SU")],
     dt.date(2016, 2, 11)),
    ("Kurth übernimmt ab Mittwoch.", [("Mittwoch", "2022-11-30")], dt.date(2022, 11, 29)),
    ("Ab dem 1. August arbeitet er als Co-Trainer. 2018 war er gekommen.",
     [("1. August", "2024-08-01"), ("2018", "2018")], dt.date(2024, 7, 17)),
    ("Sie schließt sich im Sommer Blomberg an. 2022 war sie gekommen.",
     [("Sommer", "2025-SU"), ("2022", "2022")], dt.date(2025, 2, 19)),
    ("Er trainiert wieder, das nächste Spiel steigt am Samstag.", [("Samstag", "2023-05-13")],
     dt.date(2023, 5, 10)),
    ("Er musste am Samstag passen.", [("Samstag", "2023-05-06")], dt.date(2023, 5, 10)),
    ("Der Tabellenzweite hat am Dienstag Angreifer Bredenbröker verpflichtet.",
     [("Dienstag", "2024-01-23")], dt.date(2024, 1, 24)),
    ("Mit einem 3:1 baute der Spitzenreiter am Sonntag seinen Vorsprung aus.",
     [("Sonntag", "2022-10-16")], dt.date(2022, 10, 17)),
    ("Ausschlaggebend war das 0:2 beim 1. FC Monheim am Sonntag, die vierte Niederlage.",
     [("Sonntag", "2022-11-27")], dt.date(2022, 11, 29)),
]

SEED_DATES = [
    ("vor etwas mehr als 30 Jahren", "1991"),
    ("vor rund fünf Jahren", "2016"),
    ("Sommer 2014", "2014-SU"),
    ("Sommer 2019", "2019-SU"),
    ("vergangenen Sommer", "2020-SU"),
    ("vergangenen Sommer", "2020-SU"),
    ("laufende Saison", "2020/2021"),
    ("kommenden Sommer", "2021-SU"),
]


@pytest.mark.parametrize(("text", "expected"), EXPLICIT)
def test_explicit_dates(text: str, expected: Expected) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(("text", "expected"), MONTHS_WITHOUT_YEAR)
def test_months_without_year_take_the_nearest_reading_the_tense_allows(text: str, expected: Expected) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(("text", "expected"), YEARS)
def test_years(text: str, expected: Expected) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(("text", "expected"), DECADES)
def test_decades(text: str, expected: Expected) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(("text", "expected"), SEASONS_OF_THE_YEAR)
def test_seasons_of_the_year(text: str, expected: Expected) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(("text", "expected"), FOOTBALL_SEASONS)
def test_football_seasons(text: str, expected: Expected) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(("text", "expected"), RELATIVE_TO_PUBLICATION)
def test_relative_to_publication(text: str, expected: Expected) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(("text", "expected", "published"), WEEKDAYS_AND_WEEKENDS)
def test_weekdays_and_weekends(text: str, expected: Expected, published: dt.date) -> None:
    assert spans(text, published) == expected


@pytest.mark.parametrize(("text", "expected"), RELATIVE_TO_ANOTHER_DATE)
def test_relative_to_another_date(text: str, expected: Expected) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize("text", NOT_ANAPHORIC)
def test_no_anaphoric_date_without_an_anchor_or_with_a_plural(text: str) -> None:
    assert [m for m in find_dates(text, PUBLISHED) if m.text != "2011"] == []


@pytest.mark.parametrize(("text", "expected"), RANGES_AND_HINTS)
def test_ranges_and_hints(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.hint) for m in find_dates(text, PUBLISHED)] == expected


@pytest.mark.parametrize(("text", "expected"), ELLIPTICAL)
def test_elliptical_conjuncts_tag_only_the_full_date(text: str, expected: Expected) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert spans(text) == []


@pytest.mark.parametrize(("text", "expected", "published"), TENSE_WITHOUT_YEAR)
def test_tense_decides_dates_without_year(text: str, expected: Expected, published: dt.date) -> None:
    assert spans(text, published) == expected


@pytest.mark.parametrize(
    "text",
    ["vor fünf Jahren", "im vergangenen Sommer", "in dieser Saison", "am Sonntag", "im Januar",
     "am 9. März", "am Wochenende", "vergangenes Jahr"],
)
def test_relative_dates_without_publication_date_are_unresolved(text: str) -> None:
    mentions = find_dates(f"Er kam {text}.", None)
    assert len(mentions) == 1 and mentions[0].value == ""


def test_absolute_dates_need_no_publication_date() -> None:
    assert spans("Im Sommer 2014 und am 30.06.2017, 2011 und im Folgejahr.", None) == [
        ("Sommer 2014", "2014-SU"), ("30.06.2017", "2017-06-30"), ("2011", "2011"), ("Folgejahr", "2012"),
    ]


@pytest.mark.parametrize(
    ("text", "precision"),
    [("30. Juni 2017", "day"), ("Juni 2017", "month"), ("Sommer 2014", "season"), ("2014", "year"),
     ("Saison 2014/15", "football_season"), ("kommenden Woche", "week"), ("Wochenende", "week"),
     ("1990er-Jahren", "decade"), ("vor fünf Jahren", "year")],
)
def test_precision(text: str, precision: str) -> None:
    mentions = find_dates(f"Er kam am {text}.", PUBLISHED)
    assert [(m.text, m.precision) for m in mentions] == [(text, precision)]


def test_seed_article() -> None:
    assert spans(SEED.read_text(encoding="utf-8")) == SEED_DATES


def test_seed_is_fast() -> None:
    text = SEED.read_text(encoding="utf-8")
    find_dates(text, PUBLISHED)
    best = min(_timed(lambda: find_dates(text, PUBLISHED)) for _ in range(5))
    assert best < 0.010


def _timed(call: Callable[[], object]) -> float:
    began = time.perf_counter()
    call()
    return time.perf_counter() - began


def test_mentions_are_sorted_non_overlapping_and_exact() -> None:
    text = SEED.read_text(encoding="utf-8") + " Von 2014 bis 2019, am 4. und 9. März 2019, Saison 2014/15."
    mentions = find_dates(text, PUBLISHED)
    assert mentions == sorted(mentions, key=lambda m: m.start)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    assert all(m.text == text[m.start:m.end] for m in mentions)
    assert all(m.precision in PRECISIONS and m.hint in ("", "start", "end") for m in mentions)


def test_mention_is_frozen() -> None:
    mention = find_dates("Im Sommer 2014.", PUBLISHED)[0]
    assert mention == DateMention(3, 14, "Sommer 2014", "2014-SU", "", "season")
    with pytest.raises(dataclasses.FrozenInstanceError):
        mention.value = "2015-SU"  # type: ignore[misc]


def _resource() -> dict[str, object]:
    raw = resources.files("pipeline").joinpath("resources", "dates_de.json").read_text(encoding="utf-8")
    return json.loads(raw)


def test_vocabulary_loads() -> None:
    assert load_vocabulary().months["jänner"] == 1


def test_vocabulary_rejects_unknown_keys() -> None:
    data = _resource()
    data["monts"] = {}
    with pytest.raises(VocabularyError, match="unknown keys"):
        DateVocabulary.from_dict(data)


def test_vocabulary_rejects_unknown_nested_keys() -> None:
    data = _resource()
    data["tense"] = {**data["tense"], "futur": []}  # type: ignore[dict-item]
    with pytest.raises(VocabularyError, match="unknown keys"):
        DateVocabulary.from_dict(data)


def test_vocabulary_rejects_missing_keys() -> None:
    data = _resource()
    del data["weekdays"]
    with pytest.raises(VocabularyError, match="missing keys"):
        DateVocabulary.from_dict(data)


def test_vocabulary_word_lists_are_sorted_lowercase_and_unique() -> None:
    def word_lists(node: object, path: str) -> list[tuple[str, list[str]]]:
        if isinstance(node, dict):
            return [found for key, child in node.items() for found in word_lists(child, f"{path}.{key}")]
        if isinstance(node, list) and node and all(isinstance(item, str) for item in node):
            return [(path, node)]
        return []

    for path, words in word_lists(_resource(), "dates_de"):
        assert words == sorted(set(words)), path
        assert all(w == w.lower() for w in words), path
