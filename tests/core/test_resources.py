"""resources.yml: validation with line numbers, look-ups, opening hours and hot reload."""

import datetime as dt
import logging
import os
import shutil
import time

import pytest

from bot import PROJECT_ROOT
from bot.core.resource_check import PINNED_PHONES, validate
from bot.core.resources import (
    CRISIS_CATALOGUE_PATH,
    STOCKHOLM,
    LiveCatalogue,
    ResourceError,
    lines_for,
    load,
    open_lines,
    parse,
    people_to_talk_to,
    social_services_now,
)
from bot.tools.check import check_references, run

TODAY = dt.date(2026, 11, 30)
GOOD = """\
resources:
  - id: linjen
    name: {sv: "Linjen", en: "The line"}
    description: {sv: "Stöd.", en: "Support."}
    audiences: [subjected]
    topics: [talk]
    area: national
    phone: "020-50 50 50"
    url: "https://example.se"
    hours: "Mo-Fr 08:00-17:00; PH off"
    verified: 2026-11-01
"""


def findings(text, errors_only=True):
    return [str(f) for f in validate(text, today=TODAY) if f.error or not errors_only]


def edit(old, new):
    assert old in GOOD
    return GOOD.replace(old, new)


def test_good_file_has_no_findings():
    assert findings(GOOD, errors_only=False) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            edit("area: national", "area: national\n  bad: [unclosed"),
            "resources.yml:8: filen går inte att läsa",
        ),
        (edit("    area:", "    aera:"), "resources.yml:7: okänt fält 'aera'"),
        (
            edit('    name: {sv: "Linjen", en: "The line"}\n', ""),
            "resources.yml:2: 'linjen' saknar 'name'",
        ),
        (
            edit('{sv: "Linjen", en: "The line"}', '{sv: "Linjen"}'),
            "resources.yml:3: 'name' för 'linjen' behöver båda språken",
        ),
        (
            edit('"020-50 50 50"', '"020-50"'),
            "resources.yml:8: 'phone' för 'linjen' är inte ett giltigt svenskt telefonnummer",
        ),
        (
            edit('"https://example.se"', '"www.example.se"'),
            "resources.yml:9: 'url' för 'linjen' är ingen giltig länk",
        ),
        (
            edit('"Mo-Fr 08:00-17:00; PH off"', '"vardagar 8-17"'),
            "resources.yml:10: 'hours' för 'linjen' går inte att läsa",
        ),
        (
            GOOD + GOOD.split("\n", 1)[1],
            "resources.yml:12: id 'linjen' används två gånger (också på rad 2)",
        ),
        (
            edit("[subjected]", "[victims]"),
            "resources.yml:5: 'audiences' för 'linjen' har 'victims'",
        ),
        (
            edit("verified: 2026-11-01", "verified: soon"),
            "resources.yml:11: 'verified' för 'linjen' ska vara ett datum",
        ),
        ("resources: []\n", "resources.yml:1: filen ska börja med 'resources:'"),
    ],
)
def test_each_error_names_its_line(text, expected):
    assert any(f.startswith(expected) for f in findings(text)), findings(text)


@pytest.mark.parametrize(
    "number", ["112", "114 14", "116 111", "116 006", "1177", "90101", "019-21 10 00"]
)
def test_real_service_numbers_are_valid(number):
    assert findings(edit('"020-50 50 50"', f'"{number}"')) == []


def crisis_line(rid, phone, confirm=None):
    block = edit("id: linjen", f"id: {rid}").replace('"020-50 50 50"', f'"{phone}"')
    return block + (f'    confirm_phone: "{confirm}"\n' if confirm else "")


@pytest.mark.parametrize(
    "rid, typo",
    [
        ("kvinnofridslinjen", "020-50 50 5"),
        ("kvinnofridslinjen", "020-5O 50 50"),  # the letter O
        ("kvinnofridslinjen", "20-50 50 50"),
        ("bris", "116 1111"),
        ("valj_att_sluta", "020-555 66"),
        ("tris", "010-255 91 9"),
    ],
)
def test_a_typo_in_a_crisis_line_number_never_goes_live(rid, typo):
    (error,) = findings(crisis_line(rid, typo))  # one error, in Swedish, naming the right number
    assert error.startswith(
        f"resources.yml:8: numret till '{rid}' ska vara \"{PINNED_PHONES[rid]}\""
    )
    assert f'Skriv "{PINNED_PHONES[rid]}"' in error
    with pytest.raises(ResourceError):
        parse(crisis_line(rid, typo))


def test_a_crisis_line_may_change_its_number_only_when_the_editor_confirms_it():
    errors = findings(crisis_line("kvinnofridslinjen", "020-50 50 51"))
    assert errors == [
        "resources.yml:8: numret till 'kvinnofridslinjen' ska vara \"020-50 50 50\", men här "
        'står "020-50 50 51". Skriv "020-50 50 50". Har tjänsten verkligen bytt nummer? '
        "Kontrollera det hos tjänsten själv och skriv då också  "
        'confirm_phone: "020-50 50 51"  på en egen rad i samma block'
    ]
    assert findings(crisis_line("kvinnofridslinjen", "020-50 50 51", "020-50 50 51")) == []
    assert findings(crisis_line("kvinnofridslinjen", "020-50 50 50")) == []


@pytest.mark.parametrize(
    "text, meaning",
    [
        (edit("    area: national", "\tarea: national"), "tabb"),
        (edit('"Stöd."', "Stöd: för alla."), "kolon"),
        (edit('"Linjen"', '"Linjen'), "citattecken"),
    ],
)
def test_yaml_mistakes_are_explained_in_swedish(text, meaning):
    (error,) = findings(text)
    assert "filen går inte att läsa" in error and meaning in error


def test_the_hours_people_read_must_agree_with_the_hours_that_decide_open_now():
    text = edit(
        "    verified: 2026-11-01",
        '    hours_text: {sv: "Vardagar 8–16", en: "Weekdays 8 am – 5 pm"}\n    verified: 2026-11-01',
    )
    (error,) = findings(text)
    assert "'hours_text' (sv) för 'linjen' säger inte samma sak som 'hours'" in error
    assert "ska nämna klockan 17:00" in error
    agreeing = text.replace("Vardagar 8–16", "Vardagar 8–17")
    assert findings(agreeing) == []


@pytest.mark.parametrize(
    "said",
    ["Tisdag och torsdag 8–17", "Vardagar och lördag 8–17", "8–17", "Måndag–torsdag 8–17"],
)
def test_the_days_people_read_must_be_the_days_in_hours(said):
    text = edit(
        "    verified: 2026-11-01",
        f'    hours: "Mo-Fr 08:00-17:00"\n    hours_text: {{sv: "{said}", en: "Weekdays 8 am – 5 pm"}}'
        "\n    verified: 2026-11-01",
    )
    (error,) = findings(text)
    assert "ska nämna precis dagarna måndag, tisdag, onsdag, torsdag, fredag" in error
    assert findings(text.replace(said, "Måndag–fredag 8–17")) == []


@pytest.mark.parametrize(
    "number, ok",
    [("070-123 45 67", True), ("72 000", True), ("019-21 10 00", False), ("020-50 50 50", False)],
)
def test_an_sms_number_must_take_text_messages(number, ok):
    text = edit("    verified: 2026-11-01", f'    sms: "{number}"\n    verified: 2026-11-01')
    errors = findings(text)
    assert (errors == []) == ok, errors
    if not ok:
        assert "går inte att skicka sms till" in errors[0]


def test_old_or_missing_verification_is_a_warning_not_an_error():
    old = findings(edit("2026-11-01", "2026-01-01"), errors_only=False)
    assert old and "varning:" in old[0] and "för mer än 180 dagar sedan" in old[0]
    missing = findings(edit("    verified: 2026-11-01\n", ""), errors_only=False)
    assert missing and "varning: 'linjen' är inte kontrollerad" in missing[0]
    assert findings(edit("2026-11-01", "2026-01-01")) == []


def test_unknown_resource_id_in_a_response_is_reported(tmp_path):
    (tmp_path / "domain").mkdir()
    (tmp_path / "domain" / "x.yml").write_text(
        'responses:\n  utter_x:\n    - text: "Ring [[linjen.phone]]"\n'
        "      custom: {resources: [linjen, lost]}\n"
    )
    found = [
        str(f)
        for f in check_references(
            {"linjen", "emergency", "kvinnofridslinjen", "socialjouren"}, tmp_path
        )
    ]
    assert found == [
        "domain/x.yml:4: okänt resurs-id 'lost'. Lägg till det i resources.yml eller rätta stavningen"
    ]


def test_shipped_project_has_no_errors():
    assert [str(f) for f in run() if f.error] == []


def test_broken_file_is_rejected_with_every_error():
    with pytest.raises(ResourceError) as e:
        parse(edit('"020-50 50 50"', '"12"').replace("https://", "http://"))
    assert "phone" in str(e.value) and "url" in str(e.value)


def test_find_by_audience_includes_services_for_everyone(catalogue):
    ids = [r.id for r in catalogue.find(audience="uses_violence")]
    assert "valj_att_sluta" in ids and "emergency" in ids
    assert "bris" not in ids


def test_find_by_topic_and_area(catalogue):
    assert [r.id for r in catalogue.find(topic="suicide")] == ["mind_sjalvmordslinjen"]
    assert {r.area for r in catalogue.find(area="orebro_kommun")} == {"orebro_kommun"}


def at(iso):
    return dt.datetime.fromisoformat(iso).replace(tzinfo=STOCKHOLM)


@pytest.mark.parametrize(
    "when, expected",
    [
        ("2026-12-02 10:00", True),  # Wednesday, office hours
        ("2026-12-02 22:00", False),  # Wednesday night
        ("2026-12-05 10:00", False),  # Saturday
        ("2026-12-25 10:00", False),  # Christmas Day, a Friday: public holiday
        ("2027-01-06 10:00", False),  # Epiphany, a Wednesday: public holiday
    ],
)
def test_open_now_follows_hours_and_swedish_holidays(catalogue, when, expected):
    assert catalogue.get("servicecenter").open_now(at(when)) is expected


def test_open_now_around_the_clock_and_unknown(catalogue):
    assert catalogue.get("kvinnofridslinjen").open_now(at("2026-12-25 03:00")) is True
    assert catalogue.get("socialjouren").open_now(at("2026-12-25 03:00")) is None


def test_open_now_uses_stockholm_time(catalogue):
    # 16:30 UTC on a winter Wednesday is 17:30 in Stockholm: Servicecenter has closed.
    utc = dt.datetime(2026, 12, 2, 16, 30, tzinfo=dt.timezone.utc)
    assert catalogue.get("servicecenter").open_now(utc) is False


def test_public_object_never_shows_unverified_as_verified(catalogue):
    assert catalogue.get("tris").public("sv")["verified"] is False
    assert catalogue.get("kvinnofridslinjen").public("en")["verified"] == "2026-11-30"


@pytest.fixture
def live(tmp_path):
    path = tmp_path / "resources.yml"
    shutil.copy(PROJECT_ROOT / "resources.yml", path)
    return LiveCatalogue(path, interval=0)


def rewrite(path, old, new):
    text = path.read_text().replace(old, new)
    path.write_text(text)
    stamp = time.time() + 1  # make sure the change is seen even on coarse clocks
    os.utime(path, (stamp, stamp))


def test_valid_edit_is_picked_up(live):
    rewrite(live.path, '{sv: "Kvinnofridslinjen",', '{sv: "Kvinnofridslinjen (ny)",')
    assert live.current().get("kvinnofridslinjen").name["sv"] == "Kvinnofridslinjen (ny)"


def test_broken_edit_is_rejected_and_last_good_version_kept(live, caplog):
    rewrite(live.path, 'phone: "020-50 50 50"', 'phone: "020-50"')
    with caplog.at_level(logging.ERROR):
        current = live.current()
    assert current.get("kvinnofridslinjen").phone == "020-50 50 50"
    assert "resources.yml rejected" in caplog.text and "resources.yml:" in caplog.text
    assert 'ska vara "020-50 50 50"' in live.rejected  # shown to staff on /readyz
    rewrite(live.path, 'phone: "020-50"', 'phone: "020-50 50 50"')
    live.current()
    assert live.rejected is None


def test_a_broken_file_at_start_uses_the_last_good_copy(tmp_path):
    path = tmp_path / "resources.yml"
    shutil.copy(PROJECT_ROOT / "resources.yml", path)
    LiveCatalogue(path)  # a good start keeps a copy
    path.write_text(path.read_text().replace('phone: "020-50 50 50"', 'phone: "020-5O 50 50"'))
    live = LiveCatalogue(path)
    assert live.current().get("kvinnofridslinjen").phone == "020-50 50 50"
    assert len(live.current()) == len(load()) and "senaste fungerande kopian" in live.rejected


def test_without_a_copy_a_broken_file_leaves_the_crisis_numbers(tmp_path):
    path = tmp_path / "resources.yml"
    path.write_text("resources:\n  - id: [broken\n")
    live = LiveCatalogue(path)
    assert [r.id for r in live.current().all()] == [
        "emergency",
        "kvinnofridslinjen",
        "socialjouren",
    ]
    assert "bara 112, Kvinnofridslinjen och Socialjouren visas" in live.rejected
    path.unlink()
    assert "bara 112" in LiveCatalogue(path).rejected  # a missing file too


def test_the_built_in_crisis_numbers_equal_resources_yml(catalogue):
    built_in = load(CRISIS_CATALOGUE_PATH)
    for resource in built_in.all():
        assert resource == catalogue.get(resource.id)


def test_shipped_file_loads(catalogue):
    assert len(load()) == len(catalogue) >= 10


def test_a_line_only_for_professionals_is_never_offered_as_open_now(catalogue):
    monday_morning = at("2026-12-07 10:00")  # the NCH line is open, but only for professionals
    assert catalogue.get("nch_stodtelefon").open_now(monday_morning) is True
    offered = [r.id for r in open_lines(catalogue, monday_morning)]
    assert "nch_stodtelefon" not in offered and "kvinnofridslinjen" in offered


def test_who_can_i_call_now_fits_the_writers_role(catalogue):
    monday_morning, sunday_night = at("2026-12-07 10:00"), at("2026-12-06 03:00")

    def ids(lines):
        return [r.id for r in lines]

    assert "nch_stodtelefon" in ids(open_lines(catalogue, monday_morning, role="professional"))
    assert "kvinnofridslinjen" in ids(open_lines(catalogue, sunday_night, role="subjected"))
    # no line for people who use violence has known hours: none is said to be open ...
    assert open_lines(catalogue, monday_morning, role="uses_violence") == []
    # ... and the answer lists their own lines instead, never the lines for victims
    own = ids(lines_for(catalogue, "uses_violence"))
    assert "valj_att_sluta" in own and "kvinnofridslinjen" not in own
    assert "nch_stodtelefon" not in ids(lines_for(catalogue, None))


def test_people_to_talk_to_after_not_understood_start_with_the_writers_own(catalogue):
    sunday_night = at("2026-12-06 03:00")
    lines = [r.id for r in people_to_talk_to(catalogue, "uses_violence", sunday_night)]
    # Välj att sluta first (hours not known), then the lines open for anyone: a misread victim
    assert lines[0] == "valj_att_sluta" and "kvinnofridslinjen" in lines
    assert len(lines) == len(set(lines))
    anyone = [r.id for r in people_to_talk_to(catalogue, None, sunday_night)]
    assert "valj_att_sluta" not in anyone and "kvinnofridslinjen" in anyone
    # someone asking at work: social services that may answer now first (round 45's home-care
    # worker got the honour line and Mind)
    monday_morning = at("2026-12-07 10:00")
    at_work = [r.id for r in people_to_talk_to(catalogue, "professional", monday_morning)]
    assert at_work[:2] == ["socialtjansten", "socialjouren"]
    assert len(at_work) == len(set(at_work))


def test_who_can_i_call_now_names_the_social_services_that_may_answer(catalogue):
    # a teacher in the evening with a concern for a pupil: Socialjouren (hours not known, so
    # listed but never said to be open), not the office that has closed (round 16)
    evening, monday_morning = at("2026-12-04 19:00"), at("2026-12-07 10:00")
    evening_lines = [r.id for r in social_services_now(catalogue, evening, "professional")]
    assert evening_lines == ["socialjouren"]
    morning_lines = [r.id for r in social_services_now(catalogue, monday_morning, "professional")]
    assert morning_lines == ["socialtjansten", "socialjouren"]
    # for someone who uses violence: the office, which has support for them, only when open
    assert social_services_now(catalogue, evening, "uses_violence") == []


def test_the_open_now_answer_says_when_no_line_is_known_to_be_open(catalogue):
    from actions.actions import open_now_messages

    evening, monday_morning = at("2026-12-04 19:00"), at("2026-12-07 10:00")
    # Välj att sluta's hours are not known: none is said to be open, and social services have
    # nothing for him in the evening, so no word of them (round 17 said "they come last")
    (answer,) = open_now_messages(catalogue, "uses_violence", evening)
    assert answer[0] == "utter_open_now_none" and "valj_att_sluta" in answer[1]
    lines, social = open_now_messages(catalogue, "uses_violence", monday_morning)
    assert social == ("utter_social_services_now", ["socialtjansten"])
    # Kvinnofridslinjen is open day and night; Socialjouren (hours not known) comes after, in a
    # message of its own that says what it is for
    lines, social = open_now_messages(catalogue, "subjected", evening)
    assert lines[0] == "utter_open_now" and "kvinnofridslinjen" in lines[1]
    assert social == ("utter_social_services_now", ["socialjouren"])
    assert not set(lines[1]) & set(social[1])
