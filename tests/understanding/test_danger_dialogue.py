"""What the bot says after a danger verdict (bot/understanding/danger_dialogue.py), without Rasa."""

import yaml

from bot import PROJECT_ROOT
from bot.understanding.danger_dialogue import (
    EMERGENCY,
    NOT_A_TOPIC,
    UNSURE,
    asks_about_danger,
    plan,
    shown_after,
)
from bot.understanding.role_model import SUBJECTED, USES_VIOLENCE
from bot.understanding.triage import help_called


def responses(*args) -> list[str]:
    return [u.response for u in plan(*args)]


def test_acute_violence_gets_112_first_then_next_steps():
    verdict = {"level": "acute", "kind": "danger_now", "topic": "victim"}
    assert responses("danger_now", verdict, None) == ["utter_danger_now", "utter_danger_next"]


def test_a_topic_that_fits_the_danger_is_answered_after_112():
    verdict = {"level": "acute", "kind": "danger_now", "topic": "forced_marriage"}
    assert responses("danger_now", verdict, None) == [
        "utter_danger_now",
        "utter_forced_marriage",
    ]


def test_a_question_of_their_own_after_telling_of_danger_gets_its_answer_after_112():
    # "he kicked me, it hurts to breathe, can I get an X-ray without many questions?"
    verdict = {"level": "acute", "kind": "danger_now", "topic": "health_care"}
    assert responses("danger_now", verdict, None) == ["utter_danger_now", "utter_health_care"]
    verdict = {"level": "acute", "kind": "danger_witness", "topic": "police_report"}
    assert responses("danger_witness", verdict, None)[1] == "utter_police_report"


def test_a_topic_meant_for_another_role_is_not_answered():
    # the classifier heard "uses violence", triage heard someone in danger: not Välj att sluta
    verdict = {"level": "acute", "kind": "danger_now", "topic": "uses_violence"}
    assert responses("danger_now", verdict, None)[1] == "utter_danger_next"
    verdict = {"level": "acute", "kind": "danger_caused", "topic": "victim"}
    assert responses("danger_caused", verdict, None)[1] == "utter_danger_caused_next"


def test_someone_under_18_in_danger_gets_next_steps_for_young_people():
    # "pappa slår mamma och mig nu, jag är 14": BRIS and an adult they trust, not
    # Kvinnofridslinjen first
    verdict = {"level": "acute", "kind": "danger_now", "topic": "young_person", "young": True}
    assert responses("danger_now", verdict, None) == ["utter_danger_now", "utter_danger_next_young"]
    # a question of their own still gets its answer
    verdict = {"level": "acute", "kind": "danger_now", "topic": "health_care", "young": True}
    assert responses("danger_now", verdict, None)[1] == "utter_health_care"
    # someone under 18 who caused harm: the next steps for that kind
    verdict = {"level": "acute", "kind": "danger_caused", "young": True}
    assert responses("danger_caused", verdict, None)[1] == "utter_danger_caused_next"
    # a child who sees a parent hit: not how to help her, not "report your concern"
    verdict = {"level": "acute", "kind": "danger_witness", "topic": "concerned", "young": True}
    assert responses("danger_witness", verdict, None) == [
        "utter_danger_witness", "utter_danger_next_young"
    ]
    verdict = {"level": "acute", "kind": "danger_now", "topic": "shelter", "young": True}
    assert responses("danger_now", verdict, None)[1] == "utter_danger_next_young"
    # a 13-year-old hurt and bleeding: the ambulance, then BRIS, not the adults' lines (round 23)
    verdict = {"level": "acute", "kind": "danger_medical", "young": True}
    assert responses("danger_medical", verdict, None) == [
        "utter_danger_medical", "utter_danger_medical_next_young"
    ]


def test_each_kind_has_its_own_emergency_answer():
    for kind, first in [
        ("suicidal", "utter_suicidal"),
        ("danger_medical", "utter_danger_medical"),
        ("danger_witness", "utter_danger_witness"),
        ("danger_caused", "utter_danger_caused"),
    ]:
        assert responses(kind, {"level": "acute", "kind": kind}, None)[0] == first


def test_after_an_ambulance_the_one_who_hurt_someone_gets_their_own_next_steps():
    verdict = {"level": "acute", "kind": "danger_medical", "own_violence": True}
    assert responses("danger_medical", verdict, None) == [
        "utter_danger_medical",
        "utter_danger_caused_next",
    ]


def test_someone_who_cannot_talk_learns_what_they_can_do():
    verdict = {"level": "acute", "kind": "danger_now", "cannot_talk": True}
    assert responses("danger_now", verdict, None)[0] == "utter_danger_silent"
    # also after 112 was shown: "no I can't call, he will hear me" is not answered "call 112"
    assert responses("danger_now", verdict, "danger_now")[0] == "utter_danger_silent"
    # and when triage is unsure ("jag måste vara tyst" after danger earlier)
    unsure = verdict | {"level": "uncertain"}
    assert responses(UNSURE, unsure, "danger_now")[0] == "utter_danger_silent"
    assert responses(UNSURE, unsure, None)[0] == "utter_danger_silent"


def test_uncertain_asks_with_buttons_to_the_kind_and_the_topic():
    verdict = {"level": "uncertain", "kind": "suicidal", "topic": "self_blame"}
    first, question = plan(UNSURE, verdict, None)
    assert first.response == "utter_danger_check"
    assert question.response == "utter_danger_question"
    assert question.variables == {"danger_kind": "suicidal", "danger_topic": "self_blame"}


def test_uncertain_answers_what_was_asked_for_this_writer_between_112_and_the_question():
    # "tar soc barnen om jag berättar att han slår mig?": 112, the answer, then "in danger now?"
    verdict = {"level": "uncertain", "kind": "danger_now", "topic": "children_social_services",
               "answer": "children_social_services", "answer_fits": True}  # fmt: skip
    first, answer, question = plan(UNSURE, verdict, None)
    assert first.response == "utter_danger_check"
    assert answer.response == "utter_children_social_services"
    assert question.response == "utter_danger_question"
    # yes: the acute answer; no: on to the menu, not the same answer again
    assert question.variables == {"danger_kind": "danger_now", "danger_topic": "menu"}
    # the answer is the one for the writer (RoleDetector's), not the topic classifier's
    switched = verdict | {"topic": "victim", "answer": "concerned"}
    assert responses(UNSURE, switched, None)[1] == "utter_concerned"
    # no answer for this writer yet (the bot would ask who it is about), or no topic: 112, lines
    # for the one in danger and for someone worried, and the question
    for answer_ in ("role_unclear", "nlu_fallback", "open_now", "safe_now", None):
        assert responses(UNSURE, verdict | {"answer": answer_}, None) == [
            "utter_danger_check",
            "utter_danger_lines",
            "utter_danger_question",
        ]
    # 112 shown before: 112 again in a line, then the answer for them
    assert responses(UNSURE, switched, "danger_now") == ["utter_danger_reminder", "utter_concerned"]


def test_asking_about_violence_gives_lines_for_anyone_only_where_they_fit():
    # "hjälp han har en kniv" read as maybe worried for someone: a line to call, not only 112 and
    # a question (round 13)
    for kind in ("danger_now", "danger_witness"):
        verdict = {"level": "acute", "kind": kind}
        assert responses(UNSURE, verdict, None)[1] == "utter_danger_lines"
    # the other kinds' lines would be wrong for someone worried: 112 and the question
    for kind in ("suicidal", "danger_medical", "danger_caused"):
        verdict = {"level": "uncertain", "kind": kind}
        assert "utter_danger_lines" not in responses(UNSURE, verdict, None)
    # someone who cannot talk learns what they can do, not numbers to call
    silent = {"level": "uncertain", "kind": "danger_now", "cannot_talk": True}
    assert responses(UNSURE, silent, None) == ["utter_danger_silent", "utter_danger_question"]


def test_an_answer_for_a_role_follows_112_only_when_the_writer_is_known():
    # "my friend's bf choked her": the young victim's answer, but nobody knows who is writing
    unknown = {"level": "uncertain", "kind": "danger_now", "topic": "young_person",
               "answer": "young_person", "answer_fits": False}  # fmt: skip
    assert responses(UNSURE, unknown, None) == [
        "utter_danger_check",
        "utter_danger_lines",
        "utter_danger_question",
    ]
    # and when the bot would ask who it is about, "not right now" leads to that question
    asks = unknown | {"topic": "uses_violence", "answer": "role_unclear"}
    assert plan(UNSURE, asks, None)[-1].variables["danger_topic"] == "role_unclear"


def test_the_topic_after_112_is_the_one_checked_for_the_writers_age():
    # a grandmother who saw a bruise: the topic classifier said the young people's answer, the
    # check (no age said) the adults'
    verdict = {"level": "acute", "kind": "danger_witness", "topic": "concerned_young",
               "answer": "concerned"}  # fmt: skip
    assert responses("danger_witness", verdict, None)[1] == "utter_concerned"
    assert responses("danger_witness", verdict | {"answer": None}, None)[1] == (
        "utter_concerned_young"
    )  # no check (a button): the topic as it was


def test_uncertain_without_a_topic_offers_the_writers_answer_or_else_the_menu():
    verdict = {"level": "uncertain", "kind": "danger_now", "topic": "nlu_fallback"}
    assert plan(UNSURE, verdict, None)[-1].variables["danger_topic"] == "menu"
    # "Mostly slaps and she throws stuff", from a man who said his girlfriend hits him: "no, not
    # right now" leads to the answer for him, not the menu (a dead end in round 10)
    known = verdict | {"writer_answer": "victim"}
    assert plan(UNSURE, known, None)[-1].variables["danger_topic"] == "victim"


def test_the_danger_question_is_asked_once_for_a_kind_of_danger():
    # 112 was shown for this kind (an acute answer, or the question asked and answered or written
    # past): 112 again, then what they wrote about, never the question a second time
    verdict = {"level": "uncertain", "kind": "danger_now", "topic": "children_social_services"}
    for shown in ("danger_now", "danger_witness"):
        assert "utter_danger_question" not in responses(UNSURE, verdict, shown)
    # ... but a new kind is asked about: "allt känns meningslöst" after violence (yes leads to Mind)
    despair = {"level": "uncertain", "kind": "suicidal"}
    assert "utter_danger_question" in responses(UNSURE, despair, "danger_now")
    # ... unless the question was just asked and the person wrote on instead of answering
    assert "utter_danger_question" not in responses(UNSURE, despair, "danger_now", True)
    assert responses(UNSURE, verdict, "danger_now") == [
        "utter_danger_reminder",
        "utter_children_social_services",
    ]
    # ... 112 in a line of text, not the red card before every message again (rounds 27 to 29:
    # "she lives in Hallsberg", "thank you")
    reminder = yaml.safe_load((PROJECT_ROOT / "domain" / "danger.yml").read_text())["responses"][
        "utter_danger_reminder"
    ]
    for variation in reminder:
        assert variation["text"].split(": ")[-1].startswith("ring [[emergency.phone]]") or (
            variation["text"].split(": ")[-1].startswith("call [[emergency.phone]]")
        )
        assert not (variation.get("custom") or {}).get("emergency")
    # ... but someone who cannot talk gets the silent bubble still
    silent = verdict | {"cannot_talk": True}
    assert responses(UNSURE, silent, "danger_now")[0] == "utter_danger_silent"
    # ... nothing to answer and nobody knows who is writing: who it is about, not the menu (a
    # dead end after "I saw a bruise on her arm", round 8)
    assert responses(UNSURE, {"level": "uncertain"}, "danger_now")[1] == "utter_role_unclear"
    # ... or, when the message or the conversation's last ones showed who is writing, the lines
    # for them (not the menu after someone told of a forced trip abroad)
    known = {"level": "uncertain", "lines_for_writer": "utter_default_concerned"}
    assert responses(UNSURE, known, "danger_now")[1] == "utter_default_concerned"
    for_another = {"level": "uncertain", "kind": "danger_now", "topic": "uses_violence"}
    assert responses(UNSURE, for_another, "danger_now")[1] == "utter_role_unclear"
    question = {"event": "bot", "data": {"buttons": [{"title": "Ja", "payload": "/danger_now"}]}}
    menu = {"event": "bot", "data": {"buttons": [{"title": "Hem", "payload": "/greet"}]}}
    assert asks_about_danger(question) and not asks_about_danger(menu)


def test_every_topic_the_danger_answer_may_follow_with_has_its_own_response():
    intents, responses_ = set(), set()
    for path in (PROJECT_ROOT / "domain").glob("*.yml"):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        intents |= set(doc.get("intents") or [])
        responses_ |= set(doc.get("responses") or {})
    assert {f"utter_{i}" for i in intents - NOT_A_TOPIC} <= responses_


def test_once_112_was_shown_the_answer_moves_on():
    # danger now again: what to do while it goes on, not the same lines again (round 17)
    verdict = {"level": "acute", "kind": "danger_now", "topic": None}
    assert responses("danger_now", verdict, "danger_now") == [
        "utter_danger_again",
        "utter_danger_stay",
    ]
    # ... after another kind's bubble, the lines for this one
    assert responses("danger_now", verdict, "danger_medical")[1] == "utter_danger_next"
    uncertain = {"level": "uncertain", "kind": "danger_now"}
    assert responses(UNSURE, uncertain, "suicidal")[0] == "utter_danger_again"
    assert shown_after(UNSURE, uncertain, None) == "danger_now"


def test_a_new_kind_of_danger_gets_its_own_bubble():
    # a neighbour heard through the wall, after the writer's own danger earlier
    verdict = {"level": "acute", "kind": "danger_witness"}
    assert responses("danger_witness", verdict, "danger_now")[0] == "utter_danger_witness"
    assert shown_after("danger_witness", verdict, "danger_now") == "danger_witness"


def test_a_button_without_a_verdict_answers_its_kind():
    # "Yes, right now" after the check-in question sends the kind as a payload
    assert responses("danger_medical", None, "danger_now") == [
        "utter_danger_medical",
        "utter_danger_medical_next",
    ]


def test_every_emergency_answer_puts_112_first_and_says_the_bot_cannot_call():
    responses = yaml.safe_load((PROJECT_ROOT / "domain" / "danger.yml").read_text())["responses"]
    emergency = {
        name: variations
        for name, variations in responses.items()
        if any((v.get("custom") or {}).get("emergency") for v in variations)
    }
    assert set(EMERGENCY.values()) | {"utter_danger_silent", "utter_danger_again"} <= set(emergency)
    for name, variations in emergency.items():
        for variation in variations:
            assert variation["text"].count("[[emergency.phone]]") >= 1, name
            assert variation["custom"]["resources"] == ["emergency"], name
            english = (variation.get("condition") or [{}])[0].get("value") == "en"
            assert ("cannot call" if english else "kan inte ringa") in variation["text"], name


def test_despair_read_in_a_story_of_violence_also_gets_the_answer_for_the_violence():
    # "jag vill inte polisanmäla honom, jag vill bara att han slutar": Mind, and the victim's line
    verdict = {"level": "acute", "kind": "suicidal", "topic": "victim", "answer": "victim",
               "answer_fits": True}  # fmt: skip
    assert responses("suicidal", verdict, None) == [
        "utter_suicidal",
        "utter_suicidal_next",
        "utter_victim",
    ]
    # not when the writer is unknown, nor an answer that names Mind already
    assert len(plan("suicidal", verdict | {"answer_fits": False}, None)) == 2
    assert len(plan("suicidal", verdict | {"answer": "feeling_bad"}, None)) == 2


def test_someone_who_has_called_112_is_not_told_to_call_it():
    # round 17: "i called 112. they are coming. he went out on the balcony" got "call 112"
    called = {"level": "uncertain", "kind": "danger_now", "help_called": True}
    assert responses(UNSURE, called, "danger_now") == ["utter_help_on_the_way"]
    assert responses("danger_witness", called | {"kind": "danger_witness"}, None) == [
        "utter_help_on_the_way"
    ]
    # an overdose or suicidal thoughts keep their own answer
    medical = {"level": "acute", "kind": "danger_medical", "help_called": True}
    assert responses("danger_medical", medical, None)[0] == "utter_danger_medical"
    for said in ("i called 112. they are coming", "ok I called 112. they are sending someone",
                 "jag har ringt polisen nu", "polisen är på väg", "Grannen ringde polisen",
                 "ringer nu", "jag ringer 112", "ok calling now", "I'm calling the police",
                 "i called. police on their way"):  # fmt: skip
        assert help_called(said), said
    for not_said in ("ska jag ringa polisen?", "jag har aldrig ringt polisen",
                     "I called the police last year and they did nothing",
                     "han ringde polisen och sa att jag slog honom", "she called the police on me",
                     "om jag ringer polisen blir mamma arg", "I didn't call the police",
                     "ringde 112 och ambulansen kom. nu är jag på akuten",
                     "ringer dom nu?", "vad händer om jag ringer 112", "när jag ringer polisen, vad säger jag",
                     "if i'm calling the police, will he know", "han ringer hela tiden",
                     "is the police on their way?"):  # fmt: skip
        assert not help_called(not_said), not_said


def test_danger_told_by_someone_worried_gets_what_a_witness_does():
    # round 26: a neighbour hearing it again was told to lock herself in
    verdict = {"level": "acute", "kind": "danger_now", "writer": "concerned"}
    assert responses("danger_now", verdict, None) == ["utter_danger_witness", "utter_danger_witness_next"]
    assert shown_after("danger_now", verdict, None) == "danger_witness"
    assert responses("danger_now", verdict, "danger_witness")[1] != "utter_danger_stay"
    # the one in danger keeps what to do right now
    subjected = verdict | {"writer": "subjected"}
    assert responses("danger_now", subjected, "danger_now") == ["utter_danger_again", "utter_danger_stay"]


def test_uncertain_danger_from_one_who_hurt_someone_names_their_line():
    # "ja knuffa henne o hon ramla ... ska till akuten": Välj att sluta while asking, not
    # Kvinnofridslinjen for "you who worry about someone" (round 26)
    for verdict in ({"level": "uncertain", "kind": "danger_now", "own_violence": True},
                    {"level": "uncertain", "kind": "danger_now", "writer": "uses_violence"}):  # fmt: skip
        assert responses(UNSURE, verdict, None) == [
            "utter_danger_check", "utter_danger_caused_next", "utter_danger_question",
        ]  # fmt: skip


def test_someone_elses_thoughts_of_suicide_are_answered_as_theirs():
    # round 31: a friend who wrote "hon sa att hon hellre dör" was asked whether her own life
    # was in danger, and a woman whose partner threatened to take his life and hers got Mind
    worried = {"level": "acute", "kind": "suicidal", "writer": "concerned"}
    assert responses("suicidal", worried, None) == [
        "utter_suicidal_someone_else", "utter_suicidal_someone_else_next",
    ]  # fmt: skip
    assert shown_after("suicidal", worried, None) == "suicidal_someone_else"
    told_of_another = {"level": "acute", "kind": "suicidal", "anothers_suicide": True}
    assert responses("suicidal", told_of_another, None)[0] == "utter_suicidal_someone_else"
    threatened = told_of_another | {"writer": "subjected"}
    assert responses("suicidal", threatened, None) == ["utter_danger_now", "utter_danger_next"]
    # the writer's own thoughts keep Mind
    own = {"level": "acute", "kind": "suicidal", "writer": "subjected"}
    assert responses("suicidal", own, None) == ["utter_suicidal", "utter_suicidal_next"]
    # uncertain: the yes button leads to the answer for someone worried
    unsure = {"level": "uncertain", "kind": "suicidal", "writer": "concerned"}
    question = plan(UNSURE, unsure, None)[-1]
    assert question.variables["danger_kind"] == "suicidal_someone_else"


def test_while_asking_the_lines_name_valj_att_sluta_when_the_writer_may_have_used_violence():
    # round 34: "bro i lost it on my gf, smashed her phone" (read 0.75 as one who hits, not surely
    # enough for his answer) got only Kvinnofridslinjen, Socialjouren and BRIS
    maybe = {"level": "uncertain", "kind": "danger_now", "maybe_uses_violence": True}
    assert responses(UNSURE, maybe, None) == [
        "utter_danger_check", "utter_danger_lines_every", "utter_danger_question",
    ]  # fmt: skip
    # "when we fight i hit him ... once i bit his arm" read as danger caused: Välj att sluta, not
    # only 112 and the question
    caused = {"level": "uncertain", "kind": "danger_caused"}
    assert responses(UNSURE, caused, None) == [
        "utter_danger_check", "utter_danger_caused_next", "utter_danger_question",
    ]  # fmt: skip


def test_while_asking_one_read_as_subjected_who_hit_back_gets_every_line():
    # round 35: "han drog mig i håret och jag slog honom för att komma loss" got only Välj att sluta
    hit_back = {"level": "uncertain", "kind": "danger_now", "own_violence": True, "writer": SUBJECTED}
    assert responses(UNSURE, hit_back, None) == [
        "utter_danger_check", "utter_danger_lines_every", "utter_danger_question",
    ]  # fmt: skip
    # own violence told by one nobody knows, or one read as using violence: Välj att sluta
    for writer in (None, USES_VIOLENCE):
        told = {"level": "uncertain", "kind": "danger_now", "own_violence": True, "writer": writer}
        assert responses(UNSURE, told, None)[1] == "utter_danger_caused_next"


def test_a_marriage_or_trip_ahead_told_by_someone_at_work_gets_112_before_the_trip():
    # round 44's teacher ("en elev ska giftas bort i sommar") got "do not go in alone"
    verdict = {"level": "acute", "kind": "danger_now", "writer": "professional", "trip": True,
               "answer": "professional_forced_marriage", "answer_fits": True}  # fmt: skip
    # (RoleDetector makes danger now told at work witnessed danger: roles.DANGER_FOR_WRITER)
    assert responses("danger_witness", verdict, None) == [
        "utter_danger_trip",
        "utter_professional_forced_marriage",
    ]
    # violence heard now is still the witness's card, and someone in danger keeps their own
    heard = verdict | {"trip": False}
    assert responses("danger_witness", heard, None)[0] == "utter_danger_witness"
    own = verdict | {"writer": SUBJECTED, "answer": "forced_marriage"}
    assert responses("danger_now", own, None)[0] == "utter_danger_now"
