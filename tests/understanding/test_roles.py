"""Who is writing: the role model, its grammatical cues and the decision whose answer to give
(no Rasa needed, except the last test, which scores the development set through the pipeline)."""

import numpy as np
import pytest
import yaml

from bot import PROJECT_ROOT
from bot.understanding.age_cues import ADULT, YOUNG, only_an_age, said_age
from bot.understanding.role_cues import (
    CUE_NAMES,
    cues_of,
    denies_own_violence,
    names_self_as_the_one_who_hits,
    says_hit_back,
    tells_of_violence,
    tells_own_violence,
    tells_violence_against_writer,
)
from bot.understanding.role_model import (
    CONCERNED,
    DEV_DIR,
    PROFESSIONAL,
    SUBJECTED,
    TRAIN_DIR,
    UNCLEAR,
    USES_VIOLENCE,
    RoleGuess,
    RoleModel,
    corpus_files,
    fit_estimators,
    load_examples,
)
from bot.understanding.roles import (
    ANSWER_ROLE,
    CALM,
    FALLBACK,
    LIMITS,
    NEXT_STEP,
    NO_GUESS,
    NOT_UNDERSTOOD_AGAIN,
    ROLE_QUESTION,
    Decision,
    after_witnessing,
    answer_for_own_violence,
    answer_for_their_age,
    calm_after_witnessing,
    danger_writer,
    decide,
    doubted,
    earlier_age,
    earlier_role,
    evidence_for,
    general_answer,
    general_before_not_understood,
    in_honour_case,
    lines_for_writer,
    next_step,
    not_asked_twice,
    not_understood_response,
    readable,
    said_enough,
    settle_close_call,
    specific_answer,
    violence_shown,
    with_premise,
    writer_role,
    writers_age,
    young_writer,
)


def guess(role: str, p: float, young: float = 0.0) -> RoleGuess:
    """A guess with `p` on `role` and the rest spread evenly over the others."""
    others = [r for r in (SUBJECTED, USES_VIOLENCE, CONCERNED, PROFESSIONAL, UNCLEAR) if r != role]
    return RoleGuess({role: p} | dict.fromkeys(others, (1 - p) / len(others)), young)


def test_a_victim_is_never_given_the_answer_for_those_who_use_violence():
    assert decide("uses_violence", guess(SUBJECTED, 0.95)).intent == "victim"
    assert decide("uses_violence", guess(SUBJECTED, 0.6)).intent == ROLE_QUESTION
    assert decide("first_call", guess(SUBJECTED, 0.6)).intent == ROLE_QUESTION


def test_the_answer_for_those_who_use_violence_needs_evidence():
    assert decide("uses_violence", guess(UNCLEAR, 0.9)).intent == ROLE_QUESTION
    # topic and model agree: answered when the message tells of their own violence, or the model
    # is sure enough without it (round 33: "jag är 14 ... han slog henne igår", 0.60, got it)
    assert decide("uses_violence", guess(USES_VIOLENCE, 0.7), own_violence=True).intent == "uses_violence"
    assert decide("uses_violence", guess(USES_VIOLENCE, 0.7)).intent == ROLE_QUESTION
    assert decide("uses_violence", guess(USES_VIOLENCE, 0.9)).intent == "uses_violence"
    assert decide("uses_violence", guess(UNCLEAR, 0.9), earlier=USES_VIOLENCE).intent == "uses_violence"
    assert decide("men_victims", guess(USES_VIOLENCE, 0.92)).intent == ROLE_QUESTION
    assert decide("men_victims", guess(USES_VIOLENCE, 0.99)).intent == "uses_violence"


def test_answers_for_anyone_are_kept_and_so_is_an_agreeing_topic():
    assert decide("open_now", guess(USES_VIOLENCE, 0.99)).intent == "open_now"
    assert decide("victim", guess(SUBJECTED, 0.5)).intent == "victim"
    assert decide("concerned", guess(CONCERNED, 0.9)).reason == "kept"


def test_a_sure_role_switches_to_its_own_answer_or_a_better_counterpart():
    assert decide("victim", guess(CONCERNED, 0.95)).intent == "concerned"
    assert decide("victim", guess(PROFESSIONAL, 0.95)).intent == "professional"
    assert decide("perpetrator_children", guess(CONCERNED, 0.95)).intent == "report_concern_child"
    assert decide("uses_violence", guess(SUBJECTED, 0.95, young=0.9)).intent == "young_person"
    assert decide("victim", guess(SUBJECTED, 0.8, young=0.9)).intent == "young_person"


def test_a_relative_who_controls_a_girl_for_honour_gets_the_law_and_support_for_them():
    # "my daughter has a boyfriend, I took her phone, how do I make her stop?" (round 9: read as
    # a helper and told "talk to no one in her family", or told "nobody may decide who you love")
    for topic in ("honour", "forced_marriage", "concerned_honour", "virginity"):
        assert decide(topic, guess(USES_VIOLENCE, 0.95)).intent == "controls_for_honour"
    assert decide("controls_for_honour", guess(SUBJECTED, 0.95)).intent == "honour"
    assert decide("controls_for_honour", guess(CONCERNED, 0.95)).intent == "concerned_honour"
    # a brother who says he is 16: the young people's answer (Välj att sluta is for adults)
    young = decide("honour", guess(USES_VIOLENCE, 0.95), age=YOUNG)
    assert young.intent == "uses_violence_young"
    # a father who keeps his daughter from things, without a word of honour; not a partner
    father = "min dotter är 16 och har en pojkvän. jag har tagit hennes telefon. hur får jag henne att lyssna?"
    assert with_premise("uses_violence", father) == "controls_for_honour"
    assert with_premise("concerned", father) == "controls_for_honour"
    partner = "jag kollar hennes mobil för att hon ljuger, är det så farligt?"
    assert with_premise("uses_violence", partner) == "uses_violence"
    # unsure whether the writer controls or is controlled: asked, never the wrong one's answer
    assert decide("controls_for_honour", guess(SUBJECTED, 0.5)).intent == ROLE_QUESTION


def test_a_helper_is_not_given_the_police_answer_written_to_the_one_subjected():
    # round 10: "the police can protect you" to a home-care worker (read as a professional, 0.65)
    assert decide("police_report", guess(PROFESSIONAL, 0.65)).intent == "professional"
    # "an employee's ex turns up at our gate, can she get a restraining order?": for the helper
    assert decide("restraining_order", guess(PROFESSIONAL, 0.8)).intent == (
        "restraining_order_someone_else"
    )
    assert decide("restraining_order", guess(CONCERNED, 0.8)).intent == (
        "restraining_order_someone_else"
    )
    assert decide("social_services", guess(CONCERNED, 0.55)).intent == "concerned"
    # someone subjected, or nobody known, keeps the answer
    assert decide("police_report", guess(SUBJECTED, 0.65)).intent == "police_report"
    assert decide("police_report", guess(UNCLEAR, 0.9)).intent == "police_report"


def test_someone_under_18_who_worries_about_another_gets_the_young_peoples_answer():
    assert decide("concerned", guess(CONCERNED, 0.9), age=YOUNG).intent == "concerned_young"
    assert decide("victim", guess(CONCERNED, 0.95), age=YOUNG).intent == "concerned_young"
    assert decide("concerned_young", guess(CONCERNED, 0.9), age=YOUNG).intent == "concerned_young"
    assert decide("concerned_young", guess(CONCERNED, 0.9), age=ADULT).intent == "concerned"
    # and a young person who hits a sibling or a parent: a trusted adult and BRIS
    assert decide("uses_violence", guess(USES_VIOLENCE, 0.97), age=YOUNG).intent == (
        "uses_violence_young"
    )
    assert decide("uses_violence_young", guess(USES_VIOLENCE, 0.97), age=ADULT).intent == (
        "uses_violence"
    )
    assert decide("uses_violence_young", guess(UNCLEAR, 0.9)).intent == ROLE_QUESTION  # evidence
    # "kostar det?" from a teen who said earlier that they hit and how old they are
    assert decide("costs_and_anonymity", NO_GUESS, USES_VIOLENCE, age=YOUNG).intent == (
        "uses_violence_young"
    )
    # a worried teen asking about a child (a little brother): the young people's answer, which
    # names BRIS, a trusted adult and social services, not the adults' answer on reporting
    # (round 19); a teen at home afraid social services will take a sibling: what happens if
    # they tell
    for asked in ("perpetrator_children", "report_concern_child"):
        assert decide(asked, guess(CONCERNED, 0.95), age=YOUNG).intent == "concerned_young"
    assert decide("report_concern_child", guess(CONCERNED, 0.95), age=ADULT).intent == (
        "report_concern_child"
    )
    assert decide("report_concern_child", guess(SUBJECTED, 0.95), age=YOUNG).intent == (
        "adult_reports_concern"
    )


def test_the_young_answers_for_the_worried_and_for_those_who_hit_need_the_age_said():
    """The model's "young" cannot tell a 13-year-old worried about a friend from a mother worried
    about her daughter (round 6): without an age said, the adults' answer."""
    for young in (0.01, 0.3, 0.9):
        assert decide("concerned_young", guess(CONCERNED, 0.9, young)).intent == "concerned"
        assert decide("concerned", guess(CONCERNED, 0.9, young)).intent == "concerned"
        assert decide("uses_violence", guess(USES_VIOLENCE, 0.97, young)).intent == "uses_violence"
        assert decide("uses_violence_young", guess(USES_VIOLENCE, 0.97, young)).intent == (
            "uses_violence"
        )
        # also before anyone knows who is writing
        assert decide("concerned_young", guess(UNCLEAR, 0.9, young)).intent == "concerned"
    assert decide("concerned_young", guess(UNCLEAR, 0.9), age=YOUNG).intent == "concerned_young"
    # someone subjected: the model's reading still counts (a child hit at home seldom says an age)
    assert decide("victim", guess(SUBJECTED, 0.9, young=0.8)).intent == "young_person"
    assert decide("victim", guess(SUBJECTED, 0.9), age=YOUNG).intent == "young_person"
    # ... and an age said wins over it ("min man slår mig" is an adult, whatever the model reads)
    assert decide("victim", guess(SUBJECTED, 0.9, young=0.8), age=ADULT).intent == "victim"
    assert decide("young_person", guess(SUBJECTED, 0.9, young=0.3), age=ADULT).intent == "victim"
    assert decide("young_person", guess(SUBJECTED, 0.9, young=0.3)).intent == "young_person"


@pytest.mark.parametrize(
    ("text", "age"),
    [("16", YOUNG), ("e 22", ADULT), ("jag e 15", YOUNG), ("Jag är 15 år.", YOUNG),
     ("I'm 17", YOUNG), ("im 30 years old", ADULT), ("22!", ADULT),
     ("ok", None), ("5", None), ("16 gånger", None), ("han är 16", None), ("jag är 16 och rädd", None)],
)  # fmt: skip
def test_a_message_that_is_only_the_writers_age_says_it(text, age):
    assert only_an_age(text) == age
    if age:
        assert said_age(text) == age


def test_what_the_conversation_said_of_the_age_is_remembered():
    parses = [{"role": {"age": None}}, {"text": "/victim"}, {"role": {"age": YOUNG}}]
    assert earlier_age(parses) == YOUNG
    assert earlier_age([{"role": {"age": ADULT}}, *parses]) == ADULT
    assert earlier_age([{"role": {}}]) is None


@pytest.mark.parametrize(
    "text",
    [
        "jag är 14 och min kompis pappa slår henne",
        "ja e typ 15 o slog min brorsa",
        "slog min lillasyster. e 16",
        "I'm 15 and my best friend's dad hits her",
        "we're 13",
        "vi går i nian och hennes kille kontrollerar henne",
        "jag går första året på gymnasiet",
        "i'm in 9th grade",
        "kan man få hjälp om man är under 18?",
        "min klasskompis har blåmärken",
        "min bästis e 15 o hennes kille e 20",
        "hon e 14 o ja med",
        "hej jag 15 år",
        "nu är jag 16 och han ska bo hos oss",
        # afraid of being placed: only a child can be (round 8)
        "morsan slår mig me bältet. tar soc mig härifrån om jag snackar me kuratorn?",
        "kommer dom ta mig från mamma",
        "will they take me away from my mum if I tell?",
        "pappa slår mamma. jag vill inte att vi blir tagna",  # round 17, a child of 12
        "tar soc oss från mamma om jag säger nåt?",
        # asks whether to tell an adult at school (round 11)
        "min kompis har blåmärken o säger att hon ramlat. ska ja säga till nån lärare?",
        "jag tror hennes pappa gör det. ska jag berätta för kuratorn?",
        "ska jag snacka med nån vuxen eller e det fel",
        "can u get in trouble for telling a school counselor stuff that happens at home",
        "om jag berättar för skolkuratorn att pappa slår mamma, måste hon ringa soc då?",
    ],
)
def test_a_young_writer_who_says_so(text):
    assert said_age(text) == YOUNG


@pytest.mark.parametrize(
    "text",
    [
        "jag är 45 och min son slår mig",
        "I'm 32 and my wife is scared of me",
        "min man kontrollerar allt",
        "min dotter är 15 och hennes pojkvän slår henne",
        "my kids saw me hit her",
        "jag är 16 år äldre än henne, min fru",
    ],
)
def test_an_adult_writer_who_says_so(text):
    assert said_age(text) == ADULT


@pytest.mark.parametrize(
    "text",
    [
        "min dotter går i nian",  # the daughter's age, and the writer is her parent: adult
        "jag tränar ett P15-lag och en kille har märken på ryggen",
        "en 13-åring i min klass berättade att pappa slår henne, jag är lärare",
        "en elev i min klass säger att hon ska giftas bort",
        "I'm 6'2 and she still hits me",
        "jag är 10 minuter bort",
        "jag var 12 när det började",
        "a 13yo girl told me her dad hits her",
        "han är 17 och hon 15",
        # units, times, "yes", other people's ages and adult students (the review's cases)
        "I'm 16 weeks pregnant and my husband pushed me",
        "Jag är 8 månader gravid och han slår mig",
        "The kids were 8 and 10 when it started",
        "We were 17 when we got married",
        "Ja det är barn i familjen",
        "Ja 12 år sen",
        "Jag är 15 000 kr skyldig honom",
        "Vi är 6 personer i familjen",
        "I'm 10 minutes away",
        "Im 6 feet tall",
        "Jag är 17.30 hemma",
        "Är gymnasiet skyldigt att anmäla?",
        "Min dotter 15, går i nian",
        "Min klasskamrat på SFI blir slagen",
        "my classmate at uni is being hit",
        "Min kompis har en son som är 8",
        "tar soc barnen om jag berättar?",
        "dom tar mig till sjukhuset",
        "om vi blir tagna av polisen för fortkörning",  # not placed, and no child: nothing said
        "jag berättade för min kollega",
        # telling someone at school, asked at work or by a parent
        "Jag jobbar på skolan. Ska jag prata med kuratorn om en elev?",
        "Jag är lärare. Ska jag säga till kuratorn?",
        "Min dotter är 14. Ska jag berätta för hennes lärare?",
        "I work at a youth centre, should I tell the school counsellor?",
        # a parent, an adult student, a counsellor outside school (the review of round 12)
        "Jag är hennes mamma. Ska jag berätta för kuratorn?",
        "I'm her mom, should I tell the teacher?",
        "Jag går på SFI. Ska jag säga till min lärare?",
        "ska jag berätta för kuratorn på vårdcentralen",
        "Should I tell my counselor he hits me?",
        "Ska jag säga till kuratorn på jobbet?",
    ],
)
def test_no_young_writer_where_the_age_is_someone_elses(text):
    assert said_age(text) != YOUNG
def test_not_understood_but_the_writer_is_known_gets_the_writers_own_answer():
    def fallback(g: RoleGuess, earlier: str | None = None, disclosure: bool = True) -> str:
        return decide("nlu_fallback", g, earlier, disclosure=disclosure).intent

    assert fallback(guess(SUBJECTED, 0.95)) == "victim"
    assert fallback(guess(SUBJECTED, 0.95), disclosure=False) == "nlu_fallback"  # "park my car"
    assert fallback(guess(SUBJECTED, 0.8)) == "nlu_fallback"
    assert fallback(guess(CONCERNED, 0.95)) == "concerned"
    assert fallback(guess(USES_VIOLENCE, 0.9)) == ROLE_QUESTION  # not sure enough: asked
    assert fallback(guess(UNCLEAR, 0.9)) == ROLE_QUESTION  # told of violence, nobody known
    assert fallback(guess(UNCLEAR, 0.9), disclosure=False) == "nlu_fallback"
    assert fallback(guess(UNCLEAR, 0.9), earlier=SUBJECTED) == "nlu_fallback"
    assert fallback(guess(USES_VIOLENCE, 0.6), disclosure=False) == ROLE_QUESTION  # "jag kollar hennes mobil"
    # once they said who they are, the question is not asked again
    assert fallback(guess(USES_VIOLENCE, 0.6), earlier=USES_VIOLENCE) == "nlu_fallback"


def test_out_of_scope_after_someone_told_who_they_are_is_not_a_dead_end():
    assert decide("out_of_scope", guess(UNCLEAR, 0.9), earlier=SUBJECTED).intent == "nlu_fallback"
    assert decide("out_of_scope", guess(UNCLEAR, 0.9)).intent == "out_of_scope"
    # "can someone from the municipality come home to me without him knowing why?" (round 12)
    asked = decide("municipal_other", guess(UNCLEAR, 0.9), earlier=SUBJECTED)
    assert asked.intent == "nlu_fallback"
    assert decide("municipal_other", guess(UNCLEAR, 0.9)).intent == "municipal_other"


def test_not_understood_from_a_child_who_told_of_violence_gets_the_young_answer():
    # "pappa slår mamma när han tror att vi sover. jag är 13. vad ska jag göra"
    told = decide(FALLBACK, guess(CONCERNED, 0.7), disclosure=True, age=YOUNG)
    assert told.intent == "concerned_young"
    assert decide(FALLBACK, guess(SUBJECTED, 0.7), disclosure=True, age=YOUNG).intent == (
        "young_person"
    )
    # no age said, or nothing told of violence: not this rule
    assert decide(FALLBACK, guess(CONCERNED, 0.7), disclosure=True).intent != "concerned_young"
    assert decide(FALLBACK, guess(CONCERNED, 0.7), age=YOUNG).intent != "concerned_young"
    # and the answer for young people who hit only on the evidence that answer always needs
    unsure = decide(FALLBACK, guess(USES_VIOLENCE, 0.7), disclosure=True, age=YOUNG)
    assert unsure.intent != "uses_violence_young"


def test_not_understood_offers_the_writers_next_step():
    assert not_understood_response(SUBJECTED) == "utter_default_subjected"
    assert not_understood_response(PROFESSIONAL) == "utter_default_professional"
    assert not_understood_response(USES_VIOLENCE) == "utter_default_uses_violence"
    assert not_understood_response(None) == "utter_default"


def test_not_understood_never_comes_a_third_time_while_another_answer_is_left():
    said = ["utter_default_subjected"] * 2 + ["utter_not_understood_again"] * 2
    assert not_understood_response(SUBJECTED, 0, said) == "utter_default"
    assert not_understood_response(SUBJECTED, 0, [*said, "utter_default", "utter_default"]) == (
        NOT_UNDERSTOOD_AGAIN
    )


def test_not_understood_a_third_time_points_to_people_also_with_answers_between():
    # round 9: the subjected lines came a third time with other answers between them
    said = ["utter_default_subjected", "utter_victim", "utter_default_subjected", "utter_shelter"]
    assert not_understood_response(SUBJECTED, 0, said) == NOT_UNDERSTOOD_AGAIN
    assert not_understood_response(SUBJECTED, 0, said[:2]) == "utter_default_subjected"
    assert not_understood_response(CONCERNED, 0, said) == "utter_default_concerned"
    assert not_understood_response(None, 2) == NOT_UNDERSTOOD_AGAIN


def test_not_understood_for_someone_who_used_violence_also_names_the_victims_line():
    # the role may be misread: someone subjected must still find their line and a way back
    core = yaml.safe_load((PROJECT_ROOT / "domain" / "core.yml").read_text())["responses"]
    for variant in core[not_understood_response(USES_VIOLENCE)]:
        assert "[[valj_att_sluta.phone]]" in variant["text"]
        assert "[[kvinnofridslinjen.phone]]" in variant["text"]
        assert "/victim" in [button["payload"] for button in variant["buttons"]]


def test_two_close_topics_with_one_answer_for_the_writer_are_not_a_fallback():
    both = ["children_social_services", "perpetrator_children"]  # "tar soc mina barn nu?"
    settled = settle_close_call(both, guess(UNCLEAR, 0.9), earlier=USES_VIOLENCE)
    assert settled is not None and settled.intent == "perpetrator_children"
    # without a role the two answers differ (a victim's fear or a parent who hit): not understood
    assert settle_close_call(both, guess(UNCLEAR, 0.9)) is None
    assert settle_close_call(["costs_and_anonymity", "interpreter"], guess(UNCLEAR, 0.9)) is None
    assert settle_close_call([], guess(UNCLEAR, 0.9), earlier=USES_VIOLENCE) is None
    # the writer's general answer or a specific answer for that writer: the specific one
    forced = ["uses_violence", "sexual_violence"]  # "I forced my wife to have sex"
    settled = settle_close_call(forced, guess(USES_VIOLENCE, 0.99))
    assert settled is not None and settled.intent == "uses_sexual_violence"
    # ... but not an answer for anyone, nor with the writer unknown
    assert settle_close_call(["uses_violence", "hide_traces"], guess(USES_VIOLENCE, 0.99)) is None
    assert settle_close_call(["victim", "shelter"], guess(UNCLEAR, 0.5)) is None
    settled = settle_close_call(["victim", "shelter"], guess(SUBJECTED, 0.99))
    assert settled is not None and settled.intent == "shelter"


def test_someone_the_bot_asked_about_is_not_taken_for_one_who_uses_violence_next():
    asked = {"text": "han tappa det igen", "intent": {"name": ROLE_QUESTION},
             "role": {"writer": USES_VIOLENCE, "reason": "asked"}}  # fmt: skip
    assert earlier_role([asked]) is None
    # so "är det våld?" after it is not switched to the answer for those who use violence
    earlier = earlier_role([asked])
    assert decide("forms_of_violence", guess(UNCLEAR, 0.9), earlier).intent == "forms_of_violence"
    kept = {"text": "jag slog henne", "role": {"writer": USES_VIOLENCE, "reason": "kept"}}
    assert earlier_role([asked, kept]) == USES_VIOLENCE
    # someone subjected whom the bot asked is still taken as subjected next (the safe side)
    victim = {"text": "min sambo slog mig", "role": {"writer": SUBJECTED, "reason": "asked"}}
    assert earlier_role([victim]) == SUBJECTED


def test_is_it_violence_and_feeling_bad_are_answered_for_the_writer():
    for intent in ("forms_of_violence", "feeling_bad"):
        assert decide(intent, guess(UNCLEAR, 0.9), earlier=USES_VIOLENCE).intent == "uses_violence"
    assert decide("forms_of_violence", guess(UNCLEAR, 0.9), earlier=SUBJECTED).intent == (
        "forms_of_violence"
    )
    # feeling bad after telling of violence against oneself: what is common after violence
    assert decide("feeling_bad", guess(UNCLEAR, 0.9), earlier=SUBJECTED).intent == (
        "feelings_after_violence"
    )
    assert decide("feeling_bad", guess(UNCLEAR, 0.9), earlier=CONCERNED).intent == "concerned"


def test_danger_is_never_delayed_by_a_question():
    for intent in ("suicidal", "danger_medical", "danger_unsure"):
        assert decide(intent, guess(USES_VIOLENCE, 0.99)).intent == intent
    assert decide("danger_caused", guess(SUBJECTED, 0.99)).intent == "danger_now"
    assert decide("danger_caused", guess(UNCLEAR, 0.99)).intent == "danger_caused"
    assert decide("danger_witness", guess(SUBJECTED, 0.9)).intent == "danger_now"
    assert decide("danger_caused", guess(CONCERNED, 0.9)).intent == "danger_witness"
    # 112 first for everyone; "get to a safe place" only for the one in danger
    assert decide("danger_now", guess(CONCERNED, 0.95)).intent == "danger_witness"
    assert decide("danger_now", guess(USES_VIOLENCE, 0.97)).intent == "danger_caused"
    # not sure whom 112 is for: 112 for anyone, then the question whether anyone is in danger
    assert decide("danger_now", guess(USES_VIOLENCE, 0.9)).intent == "danger_unsure"
    assert decide("danger_now", guess(CONCERNED, 0.7)).intent == "danger_unsure"
    assert decide("danger_now", NO_GUESS, earlier=CONCERNED).intent == "danger_witness"
    # the conversation's role never sends a victim the answer for someone who has hurt another
    assert decide("danger_now", guess(SUBJECTED, 0.9), earlier=USES_VIOLENCE).intent == (
        "danger_unsure"
    )
    assert decide("danger_now", NO_GUESS, earlier=USES_VIOLENCE).intent == "danger_unsure"
    assert decide("danger_now", guess(SUBJECTED, 0.99)).intent == "danger_now"


def test_the_conversation_remembers_who_is_writing():
    unsure = guess(UNCLEAR, 0.9)
    assert decide("shelter", unsure, earlier=SUBJECTED).intent == "shelter"
    # the shelter answer is not his: his lines (a role shown less surely: the question)
    assert decide("shelter", unsure, earlier=USES_VIOLENCE).intent == FALLBACK
    assert decide("shelter", unsure, earlier=USES_VIOLENCE, evidence=0.8).intent == ROLE_QUESTION
    assert decide("first_call", unsure, earlier=USES_VIOLENCE).intent == "first_call"
    # this message's own role, if all but certain, counts more than the conversation's
    assert decide("victim", guess(SUBJECTED, 0.98), earlier=USES_VIOLENCE).writer == SUBJECTED


def test_a_role_the_conversation_showed_changes_only_on_a_sure_guess():
    # "hon har åkt till sin syster med vår dotter", after "jag slog min sambo"
    assert decide("concerned", guess(CONCERNED, 0.7), earlier=USES_VIOLENCE).writer == USES_VIOLENCE
    assert decide("concerned", guess(CONCERNED, 0.92), earlier=SUBJECTED).writer == SUBJECTED
    assert decide("concerned", guess(CONCERNED, 0.98), earlier=SUBJECTED).writer == CONCERNED
    assert decide("victim", guess(SUBJECTED, 0.6)).writer == SUBJECTED  # no earlier role


def test_the_writer_tells_their_own_violence_or_violence_against_them():
    # own acts, also inside a longer sentence, after a claim or after hitting back (the review
    # of round 13's changes found each of these missed by a first version)
    for text in ("jag slog henne igår", "igår knuffa ja henne när hon skulle gå",
                 "en gång tog jag tag i henne hårt i armen", "I pushed her into the wall",
                 "she hit me so I hit her too", "jag blev så arg att jag slog henne",
                 "hon tjatade så mycket att jag tog strypgrepp på henne",
                 "min fru säger att jag måste söka hjälp, för jag slog henne igår",
                 "i told her that i'm sorry i hit her", "jag är den som slår henne",
                 "I am the one who hits her", "i've been hitting her", "jag våldtog henne",
                 "jag tvingade mig på henne", "I threw her against the wall", "jg slog henne",
                 "hon slog mig och jag slog tillbaka men sen fortsatte jag slå henne",
                 "jag är våldsam mot min fru", "I have anger issues and she is scared",
                 "vi har tagit hennes telefon och vår dotter får inte träffa honom",
                 "kastade mobilen på lillbrorsan, han blödde från pannan",
                 "Blev så arg. Knuffade henne in i väggen"):  # fmt: skip
        assert tells_own_violence(text), text
        assert not tells_violence_against_writer(text), text
    # "i" as the Swedish "in", hitting back, the writer as the object
    for text in ("ok det är jag. min fru slår mig. i lördags slog hon mig i ansiktet",
                 "hon slog mig först och jag slog tillbaka", "he hits me and I pushed him back",
                 "jag tror att han slår mig igen ikväll", "I was beaten by my husband",
                 "vi bråkade. igår knuffade han mig så jag ramlade"):  # fmt: skip
        assert not tells_own_violence(text), text
        assert tells_violence_against_writer(text), text
    # kicking to get loose (round 31 gave her Välj att sluta)
    for text in ("han tog tag i mitt hår och drog ner mig. jag sparkade honom för att komma loss",
                 "he grabbed my throat and I kicked him to get free",
                 "I scratched him to get him off me"):  # fmt: skip
        assert says_hit_back(text), text
        assert not tells_own_violence(text), text
    assert not says_hit_back("jag slog henne för att hon inte lyssnade")
    # an accusation, hiding; a threat to report or leave is no violence against the writer
    for text in ("Hon säger att hon ska säga till polisen att det är jag som slår",
                 "ok. i locked myself in the bedroom with her now",
                 # what others think or threaten to say (round 16's man hit by his wife)
                 "om jag ringer polisen tror de nog att det är jag som är farlig",
                 "hon skriker att hon ska ringa polisen och säga att jag slagit henne",
                 "nu säger han att det är jag som är våldsam"):  # fmt: skip
        assert not tells_own_violence(text), text
    # denying violence of one's own: "jag har aldrig slagit tillbaka", not "jag slog henne aldrig"
    assert denies_own_violence("Jag har aldrig slagit tillbaka. Men om jag ringer polisen")
    assert denies_own_violence("I have never touched her")
    assert denies_own_violence("I would never hit her back. But I'm scared for our daughter")
    # ... and a denial tells no violence of one's own (round 45's man hit by his wife, "no i never
    # hit her", got Välj att sluta), unless it tells of it too
    for text in ("no i never hit her", "nej aldrig slagit henne", "jag har inte slagit henne"):
        assert denies_own_violence(text) and not tells_own_violence(text), text
    for text in ("jag har aldrig slagit henne så hårt förut", "I never hit her before today",
                 "I did not hit her, I only pushed her"):  # fmt: skip
        assert tells_own_violence(text), text
    assert denies_own_violence("jag skulle aldrig slå henne")
    assert not denies_own_violence("jag har slagit henne två gånger")
    for text in ("hon hotar att anmäla mig", "she threatened to report me to the police",
                 "min fru hotar att lämna mig om jag inte söker hjälp"):  # fmt: skip
        assert not tells_violence_against_writer(text), text


def test_a_writer_who_told_of_violence_against_them_is_not_answered_as_one_who_hits():
    sure_hitter = guess(USES_VIOLENCE, 0.96)
    certain_hitter = guess(USES_VIOLENCE, 0.99)
    # round 12: "it's not a friend, it's me. my wife hits me" read as the one who hits
    told = "det är inte en vän det är jag. min fru slår mig"
    read = doubted(certain_hitter, told, earlier=None)
    assert read.role != USES_VIOLENCE
    assert decide("uses_violence", read).intent == ROLE_QUESTION
    assert decide("victim", read).intent == ROLE_QUESTION  # still a doubt before "not your fault"
    # round 12: a mother the conversation showed as subjected, locked in with her baby
    locked = doubted(certain_hitter, "ok. i locked myself in the bedroom with her now", SUBJECTED)
    assert decide("danger_now", locked, earlier=SUBJECTED).intent == "danger_now"
    # ... and an undoubted one that tells the writer's own violence
    assert decide(
        "danger_now", certain_hitter, earlier=SUBJECTED, own_violence=True
    ).intent == "danger_caused"
    assert decide("danger_now", certain_hitter, earlier=SUBJECTED).intent == "danger_now"
    # a worried mother ("she gets angry at me if I ask") or someone subjected, on a reading not
    # all but certain; an all but certain one needs the message to point to the writer
    assert doubted(sure_hitter, "Hon blir arg på mig om jag frågar", CONCERNED).role == UNCLEAR
    assert doubted(sure_hitter, "jag vill bara att det ska sluta", SUBJECTED).role == UNCLEAR
    assert doubted(certain_hitter, "jag vill bara att det ska sluta", SUBJECTED).role == UNCLEAR
    assert doubted(certain_hitter, "jag orkar inte att han skriker", SUBJECTED) == certain_hitter
    # round 12's men hit by their partners, threatened with the blame
    blamed = "She says if I go to the police she will tell them I'm the one hitting her"
    assert doubted(certain_hitter, blamed, None).role == UNCLEAR
    assert doubted(certain_hitter, "she says I hit her", None) == certain_hitter
    # an admission, or no sign of being the one subjected, keeps the reading
    for text, earlier in (("hon slår mig men jag slog henne igår", None),
                          ("jag slog henne igår", SUBJECTED), ("jag tappar det ibland", None),
                          ("jag tappar det ibland", PROFESSIONAL),
                          ("det är inte en vän det är jag. jag är våldsam mot min fru", CONCERNED),
                          ("och en gång tog jag tag i henne hårt i armen", CONCERNED),
                          ("vi har tagit hennes telefon, vår dotter får inte träffa honom", CONCERNED),
                          ("hon hotar att anmäla mig", None)):  # fmt: skip
        assert doubted(sure_hitter, text, earlier) == sure_hitter, text
    assert doubted(guess(SUBJECTED, 0.9), told, None) == guess(SUBJECTED, 0.9)


def test_a_reading_kept_as_a_doubt_still_counts_as_violence_shown():
    # "hon slår mig också": the next "är det mitt fel?" is asked about, not "not your fault"
    kept_as_doubt = {"role": {"guess": UNCLEAR, "probabilities": {USES_VIOLENCE: 0.15},
                              "doubted": 0.9}}  # fmt: skip
    assert violence_shown([kept_as_doubt]) == 0.9
    later = decide("self_blame", guess(UNCLEAR, 0.9), violence_shown=violence_shown([kept_as_doubt]))
    assert later.intent == ROLE_QUESTION


def test_a_helper_the_conversation_showed_gets_their_counterpart_unless_sure_of_another_role():
    # round 12: a doctor's "am I obliged to report this to the police? he is an adult" read as
    # someone subjected got "the police can protect you"
    reads_as_subjected = guess(SUBJECTED, 0.7)
    assert decide("police_report", reads_as_subjected, PROFESSIONAL).intent == "professional"
    assert decide("police_report", reads_as_subjected, CONCERNED).intent == "report_for_someone"
    assert decide("police_report", reads_as_subjected).intent == "police_report"  # nobody shown
    # "it is really me, can the police protect me?" from one who wrote as a friend tells of violence
    told = decide("police_report", reads_as_subjected, CONCERNED, disclosure=True)
    assert told.intent == "police_report"
    # all but certain of another role: the answer for anyone
    assert decide("police_report", guess(SUBJECTED, 0.95), PROFESSIONAL).intent == "police_report"


def test_an_answer_for_anyone_has_a_counterpart_for_those_who_use_violence():
    # "tar soc barnen?" from a parent who hits: the answer for parents who use violence
    asked = "children_social_services"
    assert decide(asked, guess(USES_VIOLENCE, 0.97)).intent == "perpetrator_children"
    assert decide(asked, guess(USES_VIOLENCE, 0.7)).intent == ROLE_QUESTION  # not sure: asked
    assert decide(asked, guess(SUBJECTED, 0.9, young=0.8)).intent == "adult_reports_concern"  # a child
    # "she has reported me", "she has a restraining order against me": what happens to him now
    assert decide("police_report", guess(USES_VIOLENCE, 0.97)).intent == "reported_for_violence"
    assert decide("restraining_order", NO_GUESS, earlier=USES_VIOLENCE).intent == (
        "restraining_order_against_me"
    )
    assert decide("police_report", NO_GUESS, USES_VIOLENCE, age=YOUNG).intent == (
        "uses_violence_young"
    )
    assert decide("police_report", guess(SUBJECTED, 0.97)).intent == "police_report"
    # "is it illegal?": the law, or for someone who uses violence their own answer
    assert decide("is_it_a_crime", guess(SUBJECTED, 0.97)).intent == "is_it_a_crime"
    assert decide("is_it_a_crime", guess(USES_VIOLENCE, 0.97)).intent == (
        "is_it_a_crime_uses_violence"
    )
    assert decide("is_it_a_crime", guess(USES_VIOLENCE, 0.97), age=YOUNG).intent == (
        "uses_violence_young"
    )
    assert decide("interpreter", guess(USES_VIOLENCE, 0.97)).intent == "interpreter_uses_violence"
    assert decide("interpreter", guess(PROFESSIONAL, 0.95)).intent == "interpreter_professional"
    assert decide(asked, NO_GUESS, earlier=USES_VIOLENCE).intent == "perpetrator_children"
    assert decide(asked, guess(SUBJECTED, 0.9)).intent == asked
    # ... and for the worried and professionals, who are not the parents
    assert decide(asked, guess(CONCERNED, 0.95)).intent == "report_concern_child"
    assert decide(asked, NO_GUESS, earlier=PROFESSIONAL).intent == "professional"
    # "will the school nurse tell?" from someone who is not the child at home
    told = "adult_reports_concern"
    assert decide(told, NO_GUESS, earlier=CONCERNED).intent == "report_concern_child"
    assert decide(told, guess(PROFESSIONAL, 0.95)).intent == "professional"
    assert decide(told, guess(CONCERNED, 0.6)).intent == ROLE_QUESTION  # not sure: asked
    assert decide(told, guess(SUBJECTED, 0.9, young=0.8)).intent == told
    # ... and from an adult subjected: what social services do when a parent asks, not "BRIS"
    assert decide(told, guess(SUBJECTED, 0.9), age=ADULT).intent == "children_social_services"
    # ... and "will they take us?" from a child at home: what happens when an adult tells them
    assert decide(asked, guess(SUBJECTED, 0.9), age=YOUNG).intent == told
    assert decide("children_custody", guess(SUBJECTED, 0.9), age=YOUNG).intent == "young_person"
    # "jag har kontaktförbud mot mitt ex" from the one it protects
    assert decide("reported_for_violence", guess(SUBJECTED, 0.97)).intent == "restraining_order"
    # "I hear the neighbours every night, should I call the police?": not the victim's own report
    assert decide("police_report", guess(CONCERNED, 0.95)).intent == "report_for_someone"
    assert decide("police_report", NO_GUESS, earlier=CONCERNED).intent == "report_for_someone"
    assert decide("police_report", guess(SUBJECTED, 0.97)).intent == "police_report"
    # "I made my wife have sex", "I spread her pictures" from someone who uses violence
    assert decide("image_abuse", guess(USES_VIOLENCE, 0.97)).intent == "uses_violence"
    # ... and from someone at work, how to keep the evidence and report (round 28)
    assert decide("image_abuse", guess(PROFESSIONAL, 0.95)).intent == "professional_evidence"
    assert decide("image_abuse", guess(CONCERNED, 0.95)).intent == "concerned"
    assert decide("image_abuse", guess(SUBJECTED, 0.95)).intent == "image_abuse"
    assert decide("sexual_violence", guess(USES_VIOLENCE, 0.97)).intent == "uses_sexual_violence"
    assert decide("sexual_violence", NO_GUESS, USES_VIOLENCE, age=YOUNG).intent == (
        "uses_violence_young"
    )
    assert decide("sexual_violence", guess(SUBJECTED, 0.97)).intent == "sexual_violence"
    # "my friend was forced at a party, how do I support her?": how to help, not "not your fault"
    assert decide("sexual_violence", guess(CONCERNED, 0.95)).intent == "sexual_violence_concerned"
    assert decide("sexual_violence", NO_GUESS, earlier=CONCERNED).intent == (
        "sexual_violence_concerned"
    )
    # "I hit back, now he says he'll report me" is for the one attacked, never for one who hits
    assert decide("hit_back", guess(SUBJECTED, 0.9)).intent == "hit_back"
    assert decide("hit_back", guess(USES_VIOLENCE, 0.97)).intent == "reported_for_violence"
    # a child who worries about a parent and asks about the police: the young people's answer
    assert decide("police_report", guess(CONCERNED, 0.95), age=YOUNG).intent == "concerned_young"
    assert decide("costs_and_anonymity", NO_GUESS, earlier=USES_VIOLENCE).intent == "first_call"
    # an answer for those subjected, in a conversation that showed someone who hits
    assert decide("children_custody", NO_GUESS, earlier=USES_VIOLENCE).intent == (
        "perpetrator_children"
    )
    assert decide("shelter", NO_GUESS, earlier=USES_VIOLENCE).intent == FALLBACK  # his lines
    # "it is never your fault" after a parent said they hit their child: asked, however sure
    childhood = "jag vet att det är fel, min pappa slog mig mycket"
    assert decide("self_blame", guess(SUBJECTED, 0.99), earlier=USES_VIOLENCE).intent == (
        ROLE_QUESTION
    ), childhood
    assert decide("self_blame", guess(SUBJECTED, 0.99)).intent == "self_blame"
    # a message that reads as a victim's, in a conversation that showed someone who hits: asked
    assert decide(asked, guess(SUBJECTED, 0.9), earlier=USES_VIOLENCE).intent == ROLE_QUESTION


def test_a_short_reply_shows_no_role():
    assert not readable("ja") and not readable("vet inte") and readable("han slår mig")
    assert decide("victim", NO_GUESS, earlier=USES_VIOLENCE).intent == FALLBACK  # his lines
    assert decide("first_call", NO_GUESS, earlier=USES_VIOLENCE).writer == USES_VIOLENCE


def test_earlier_role_comes_from_a_chosen_button_or_a_known_writer():
    button = {"text": "/victim", "intent": {"name": "victim"}}
    typed = {"text": "hej", "intent": {"name": "greet"}, "role": {"writer": None}}
    known = {"text": "jag har slagit henne", "role": {"writer": USES_VIOLENCE}}
    assert earlier_role([typed, button]) == SUBJECTED
    assert earlier_role([known, button]) == USES_VIOLENCE
    assert earlier_role([{"text": "/greet", "intent": {"name": "greet"}}, typed]) is None


def test_grammatical_cues_tell_who_does_it_to_whom():
    def named(text: str) -> set[str]:
        return {CUE_NAMES[i] for i in cues_of(text)}

    assert {"writer acts", "writer acts on someone"} <= named("jag slog min flickvän igår")
    assert "done to writer" in named("min sambo slog mig igår igen")
    assert "done to writer" in named("Min man SLÅR mej")  # case and å/ä/ö do not matter
    assert "writer suffers" in named("I was beaten by my husband")
    # "she throws things at me" (round 20: a man hurt by his wife was read as the one who hits)
    assert "done to writer" in named("She throws things at me when she gets angry")
    # "been" before an -ing form is active (round 19), before a participle passive
    assert "writer acts on someone" in named("I have been hitting my son. He is 9.")
    assert "writer acts on someone" in named("i've been yelling at my kids")
    assert named("I have been hit by my husband") == {"writer suffers"}
    # a neighbour or someone who hears it: a cue, no telling of violence by itself
    for text in ("Det är ett par under mig. I förrgår hörde jag henne gråta",
                 "I can hear my neighbours fighting every night"):  # fmt: skip
        assert "writer witnesses" in named(text), text
        assert not tells_of_violence(text), text
    # only a cue: the model weighs it against violence done to the writer
    assert {"done to writer", "writer witnesses"} <= named("han slår mig och jag hör honom komma")
    assert "someone else acts" in named("han kontrollerar allt")
    assert "someone else acts" in named("pappa slog mamma igår kväll")  # a parent named bare
    # a bump against something is no act of the writer's (round 22)
    assert named("my mum pushed me and I hit my head on the table") == {
        "someone else acts", "done to writer"
    }
    # the writer wants to help someone else (round 21: grown children read as subjected)
    for text in ("hur får jag henne att söka vård?", "kan jag hjälpa henne flytta",
                 "I want to help my sister, her husband hits her"):  # fmt: skip
        assert "writer helps someone" in named(text), text
    for text in ("how do I get him to stop", "jag försöker prata med honom men han slår mig",
                 "han slår mig, hur kan jag skydda mina barn"):  # fmt: skip
        assert "writer helps someone" not in named(text), text
    # a slap given (round 23)
    assert tells_own_violence("jag gav henne en lavett framför mamma")
    assert not tells_own_violence("han gav mig en lavett")
    # grabbing, twisting and "exercising violence" told by the writer (round 25)
    for text in ("Vid tre tillfällen har jag tagit tag i min man så hårt att han fått märken",
                 "och senast vred jag om hans handled",
                 "Jag har under lång tid utövat psykiskt våld mot min make"):  # fmt: skip
        assert tells_own_violence(text), text
    for text in ("han har tagit tag i mig", "jag vred mig ur greppet",
                 "min man har utövat våld mot mig"):  # fmt: skip
        assert not tells_own_violence(text), text
    assert named("hej, är det här anonymt?") == set()
    # a parent or brother who keeps a girl from things; no telling of violence by itself
    restricts = "writer restricts her"
    for text in ("vi tar hennes telefon varje kväll", "I have taken her phone",
                 "jag låter inte min syster gå ut", "I dont let my daughter go out after 6"):  # fmt: skip
        assert restricts in named(text), text
        assert not tells_of_violence(text), text
    # a friend who protects her, a sister told about, "i" as the Swedish "in"
    for text in ("Jag följer henne till skolan varje dag för att hennes bröder hotar henne",
                 "Jag skjutsar henne till skyddat boende ikväll", "pappa tar min telefon",
                 "Mina bröder följer efter min syster i skolan och tar hennes mobil"):  # fmt: skip
        assert restricts not in named(text), text


def test_fast_prediction_equals_scikit_learn():
    train = load_examples(corpus_files(TRAIN_DIR))[::3]
    fitted = fit_estimators(train)
    model = RoleModel.from_estimators(fitted)
    texts = [e.text for e in load_examples(corpus_files(DEV_DIR))] + ["", "xqzv", "jag slog mig"]
    ours = [model.predict(t) for t in texts]
    x = fitted.vectors(texts)
    roles = fitted.role.predict_proba(x)
    assert np.allclose([[o.probabilities[r] for r in fitted.role.classes_] for o in ours], roles)
    assert np.allclose([o.young for o in ours], fitted.young.predict_proba(x)[:, 1])


def test_saved_model_predicts_the_same_after_loading(tmp_path):
    model = RoleModel.load()
    path = tmp_path / "role.npz"
    model.save(path)
    again = RoleModel.load(path)
    for text in ("min sambo slog mig", "jag har slagit min fru", "jag är lärare", ""):
        assert again.predict(text) == model.predict(text)


# Measured on dev with the cut-offs set there (docs/nlu-evaluation.md); a change that makes it
# worse fails here. The parents and brothers who control a girl for honour (the heder-* files of
# round 10), mostly written as worry or care, are the hardest so far: they have their own limit,
# so that they cannot hide a change for the worse on the rest (9 of 507 wrong there when set).
DEV_WRONG_ROLE_AT_MOST = 0.02
DEV_ASKED_AT_MOST = 0.15
# 11 of 104 when set (24 by the topic classifier alone); 12 since the danger corpus got 600
# messages from the middle of conversations and the role model two cues (2026-12-04), while the
# rest of dev went from 21 to 20 wrong
HONOUR_CONTROL_WRONG_ROLE_AT_MOST = 0.12
HONOUR_CONTROL_FILES = "heder-*.yml"


def test_development_set_gets_few_wrong_roles_and_few_questions(agent):
    from bot.tools.role_evaluation import read_all, score, scored

    honour = sorted(DEV_DIR.glob(HONOUR_CONTROL_FILES))
    rest = [path for path in corpus_files(DEV_DIR) if path not in honour]
    result = score(read_all(agent, scored(rest)))
    before = result.wrong_before / result.messages
    assert len(result.wrong) / result.messages <= DEV_WRONG_ROLE_AT_MOST < before
    assert len(result.asked) / result.messages <= DEV_ASKED_AT_MOST
    controls = score(read_all(agent, scored(honour)))
    assert len(controls.wrong) / controls.messages <= HONOUR_CONTROL_WRONG_ROLE_AT_MOST
    assert len(controls.wrong) < controls.wrong_before
    assert len(controls.asked) / controls.messages <= DEV_ASKED_AT_MOST


def test_close_candidates_are_the_two_topics_rasa_could_not_choose_between():
    from bot.rasa_plugins.nlu_components import FALLBACK_THRESHOLD, close_candidates

    config = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text())
    fallback = next(c for c in config["pipeline"] if c["name"] == "FallbackClassifier")
    assert fallback["threshold"] == FALLBACK_THRESHOLD
    ranking = [
        {"name": "nlu_fallback", "confidence": 0.3},
        {"name": "children_social_services", "confidence": 0.48},
        {"name": "perpetrator_children", "confidence": 0.44},
        {"name": "safe_now", "confidence": 0.01},
    ]
    assert close_candidates(ranking) == ["children_social_services", "perpetrator_children"]
    low = [{"name": "nlu_fallback", "confidence": 0.3}, {"name": "greet", "confidence": 0.2},
           {"name": "affirm", "confidence": 0.19}]  # fmt: skip
    assert close_candidates(low) == []
    # danger triage has the last word: a danger answer is never brought back as a close call
    danger = [{"name": "nlu_fallback", "confidence": 0.3}, {"name": "danger_now", "confidence": 0.45},
              {"name": "danger_witness", "confidence": 0.42}]  # fmt: skip
    assert close_candidates(danger) == []
    # a long message read as a reply falls back without Rasa's fallback on top: no close call
    assert close_candidates(ranking[1:]) == []


def test_a_question_is_never_thanks_or_a_goodbye():
    # round 19: "is that true? can he do that?" after the answer on residence permits
    assert with_premise("thanks", "is that true? can he do that?") == FALLBACK
    assert with_premise("goodbye", "hej då? kommer han se det här") == FALLBACK
    assert with_premise("thanks", "tack så mycket") == "thanks"
    assert with_premise("goodbye", "hej då") == "goodbye"


def test_the_self_defence_answer_needs_the_message_to_say_so():
    # "tillbaka" alone is no hitting back: "he hit me and I fear he comes back tonight"
    assert with_premise("hit_back", "han slog mig igår och är rädd att han kommer tillbaka") == (
        "victim"
    )
    for said in (
        "jag slog tillbaka när han tog stryptag",
        "i lördags slog jag tillbaka",
        "I pushed him back and now he says I'm the abuser",
        "jag försvarade mig och nu säger hon att hon ska polisanmäla mig",
        "jag slog honom i självförsvar",
        "jag bet honom i armen när han höll fast mig",
    ):
        assert with_premise("hit_back", said) == "hit_back", said
    # asking whether to hit back, or never having done it, is no self-defence told
    for not_said in ("ska jag slå tillbaka?", "I never hit back", "han hotar att anmäla mig till soc"):
        assert with_premise("hit_back", not_said) == "victim", not_said
    assert with_premise("police_report", "kommer han tillbaka?") == "police_report"
    # "how do I apply for a restraining order against my ex?" is not from one who has one
    applies = "I would like to know how to apply for a restraining order against my former partner"
    assert with_premise("reported_for_violence", applies) == "restraining_order"
    assert with_premise("reported_for_violence", "hur söker man kontaktförbud mot sitt ex") == (
        "restraining_order"
    )
    has_one = "jag har fått kontaktförbud mot min exfru, får jag hämta barnen?"
    assert with_premise("reported_for_violence", has_one) == "reported_for_violence"


def test_the_parents_answer_on_social_services_needs_a_child_in_the_conversation():
    assert with_premise("children_social_services", "Kommer soc ta min 3-åring?") == (
        "children_social_services"
    )
    # a button pressed earlier is no child named
    assert with_premise("children_social_services", "tar soc mig då", ["/children_custody"]) == (
        "social_services"
    )
    asked = "om jag gå från hemma, vad händer med lön? kan de ta ändå"
    assert with_premise("children_social_services", asked) == "social_services"
    friend = "Men om jag kontaktar socialtjänsten, får familjen veta att det kom från mig?"
    assert with_premise("children_social_services", friend) == "social_services"
    assert with_premise("children_social_services", "tar soc mina barn då?") == (
        "children_social_services"
    )
    # the children were named earlier in the conversation: "will they take them?"
    earlier = ["vi har två ungar, 4 och 7", "han slår mig"]
    assert with_premise("children_social_services", "tar dom dem ifrån mig?", earlier) == (
        "children_social_services"
    )


def nlu_examples(intent: str) -> list[str]:
    """The intent classifier's training messages for `intent` (data/nlu/)."""
    items = [
        item for path in sorted((PROJECT_ROOT / "data" / "nlu").glob("*.yml"))
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []
    ]  # fmt: skip
    return [
        line.strip().removeprefix("- ") for item in items if item.get("intent") == intent
        for line in item["examples"].splitlines() if line.strip()
    ]  # fmt: skip


def test_a_young_writer_afraid_of_social_services_gets_what_happens_if_they_tell():
    # round 23: two teens got the parents' answer on social services
    unclear = guess(UNCLEAR, 0.59)
    takes_us = "pappa slår men jag vill inte att soc tar oss ifrån mamma, bara att det ska sluta"
    assert said_age(takes_us) == YOUNG
    for intent in ("social_services", "children_social_services"):
        assert decide(intent, unclear, age=YOUNG).intent == "adult_reports_concern", intent
    assert decide("social_services", unclear).intent == "social_services"
    # "om jag pratar med kuratorn, måste hon berätta för mina föräldrar? ... jag har en pojkvän":
    # talking to the school counsellor says young; a boyfriend is no child of the writer's
    counsellor = (
        "om jag pratar med kuratorn, måste hon berätta för mina föräldrar? dom får inte veta att "
        "jag har en pojkvän"
    )
    assert said_age(counsellor) == YOUNG
    assert with_premise("children_social_services", counsellor) == "social_services"
    assert with_premise("children_social_services", "tar soc min pojke?") == (
        "children_social_services"
    )
    assert said_age("jag pratar med kuratorn på vårdcentralen") is None


def test_children_named_without_old_age_are_no_answer_on_older_people():
    # "vi har två barn 4 och 7 år", after a partner's violence (round 23): the children
    for text in ("vi har två barn 4 och 7 år", "we have two kids, 4 and 7"):
        assert with_premise("older_victims", text) == "children_custody", text
    # the training examples of the answer on older people keep it, children named or not
    assert len(nlu_examples("older_victims")) > 20
    examples = [
        example for example in nlu_examples("older_victims")
        if with_premise("older_victims", example) != "older_victims"
    ]  # fmt: skip
    assert examples == []
    assert with_premise("older_victims", "min son tar mina pengar, jag är pensionär") == (
        "older_victims"
    )


def test_the_answer_for_men_needs_a_man_or_boy_named():
    # Swedish "man" is also "one": round 14 gave these the answer for men
    for generic in (
        "hej kan man skriva här om man själv e den som gjort fel",
        "yo kan man skriva här om det gäller ens föräldrar",
        "Hur ska man göra om man tror att små barn far illa men man inte är säker?",
    ):
        assert with_premise("men_victims", generic) == ROLE_QUESTION, generic
    for named in (
        "kan killar också skriva här",
        "tar ni emot män",
        "finns de hjalp for man ocksa? min fru tar alla mina pengar",
        "om man är man och inte kan bo hemma, finns det boende?",
        "Kan en man få hjälp av en jour?",
        "is this only for women or can guys get help too",
        "can a man stay at a shelter",
    ):
        assert with_premise("men_victims", named) == "men_victims", named
    # named earlier in the conversation
    assert with_premise("men_victims", "kan man bo där då?", ["jag är kille, 19"]) == "men_victims"


def test_social_services_asked_about_children_gets_the_answer_on_children():
    # the topic classifier may hear social services in "will they take the children?"
    assert with_premise("social_services", "tar socialtjänsten barnen om jag ringer?") == (
        "children_social_services"
    )
    assert with_premise("social_services", "will social services take my kids") == (
        "children_social_services"
    )
    assert with_premise("social_services", "vad kan socialtjänsten hjälpa mig med?") == (
        "social_services"
    )
    # a boyfriend is no child
    assert with_premise("social_services", "kan soc hjälpa mig, min pojkvän slår mig") == (
        "social_services"
    )


def test_a_message_that_names_a_topic_with_its_own_answer_gets_it_not_a_general_one():
    assert with_premise("victim", "han sparkade mig i magen igår, jag är gravid") == "pregnancy"
    salary = "min man tar hela min lön varje månad och jag får be om pengar till mat"
    assert with_premise("forms_of_violence", salary) == "economic_violence"
    # a blow told as well: the victim's answer ("it is not your fault"), not the one on money
    assert with_premise("victim", "han slog mig och tog alla mina pengar") == "victim"
    secret = "hur gör jag så att han inte hittar min nya adress?"
    assert with_premise("victim", secret) == "protected_identity"
    named = "Hur får man skyddade personuppgifter? Jag har flytt från min sambo."
    assert with_premise("shelter", named) == "protected_identity"
    # a specific answer stays; danger stays, also when it names protected details
    assert with_premise("shelter", "jag har inga pengar, var kan jag sova ikväll") == "shelter"
    assert with_premise("danger_now", "han slår mig nu och jag är gravid") == "danger_now"
    assert with_premise("victim", "min man slår mig") == "victim"
    witness = "Grannen skriker att han ska döda henne just nu. Hon har skyddad identitet"
    assert with_premise("danger_witness", witness) == "danger_witness"
    caused = "Jag kommer att slå henne ikväll. Hon har sekretessmarkering men jag vet var hon bor"
    assert with_premise("danger_caused", caused) == "danger_caused"
    # sexual violence by name, also in the worried writer's general answers
    forced = "Vi har varit gifta i 30 år. Sedan han gick i pension tvingar han mig till sex"
    assert with_premise("victim", forced) == "sexual_violence"
    friend = "min kompis berättade att hennes ex tvingade henne på en fest, hur stöttar man?"
    assert with_premise("concerned", friend) == "concerned"  # "tvingade" alone names no sex
    friend = "min kompis blev våldtagen av sitt ex förra helgen. hur stöttar jag henne?"
    assert with_premise("concerned", friend) == "sexual_violence"
    assert with_premise("concerned_young", "my friend was raped at a party") == "sexual_violence"
    # words that only look like the topics (the review of round 10)
    for general in ("Han sparkade mig i magen igår", "Jag får ont i magen när han kommer hem",
                    "Vecka 3 av sommarlovet och han har redan skrikit varje dag",
                    "He logs into my Instagram account and reads my messages, is that violence?",
                    "Hon har flyttat och vägrar ge mig sin nya adress, jag mår så dåligt"):  # fmt: skip
        assert with_premise("victim", general) == "victim", general


def test_the_new_specific_answers_reach_only_the_one_subjected():
    for topic in ("pregnancy", "economic_violence", "protected_identity"):
        assert decide(topic, guess(USES_VIOLENCE, 0.95)).intent == "uses_violence"
        # money taken, told by someone worried: that it is violence (round 35's change)
        worried = "forms_of_violence_someone_else" if topic == "economic_violence" else "concerned"
        assert decide(topic, guess(CONCERNED, 0.95)).intent == worried
        assert decide(topic, guess(PROFESSIONAL, 0.95)).intent == "professional_adult"
        assert decide(topic, guess(SUBJECTED, 0.95)).intent == topic
    # a child asking about money, a secret address or what social services do: the young answer
    for topic in ("economic_violence", "protected_identity"):
        assert decide(topic, guess(SUBJECTED, 0.9), age=YOUNG).intent == "young_person", topic
    # ... and about social services, what happens when an adult tells them (round 17)
    young = decide("social_services", guess(SUBJECTED, 0.9), age=YOUNG)
    assert young.intent == "adult_reports_concern"


def test_a_question_asked_in_a_general_answer_gets_its_own_answer_for_the_writer():
    def answer(intent: str, writer: str | None, text: str) -> str:
        return specific_answer(Decision(intent, writer, "kept"), text).intent

    polish = "I hit my wife when I drink. I want to stop. Is help in English or Polish?"
    assert answer("uses_violence", USES_VIOLENCE, polish) == "interpreter_uses_violence"
    booking = "Vi har en patient som bara talar somaliska. Kan ni ordna tolk vid ett samtal?"
    assert answer("professional_adult", PROFESSIONAL, booking) == "interpreter_professional"
    assert answer("victim", SUBJECTED, "han slår mig, finns det hjälp på arabiska?") == "interpreter"
    reported = "Om jag berättar att jag har slagit min sambo, måste ni anmäla det till polisen då?"
    # for him, anonymity at Välj att sluta; for anyone else, that the chat cannot report anyone
    assert answer("uses_violence", USES_VIOLENCE, reported) == "first_call"
    assert answer("victim", SUBJECTED, "ni anmäler väl inte mig?") == "anonymity"
    # a professional's "must you report it then?" is about their own duty
    duty = "Om en elev berättar att pappa slår, måste du anmäla då?"
    assert answer("professional", PROFESSIONAL, duty) == "professional"
    # a question about the family comes first: "they need an interpreter" is no reason to go
    family = "Bör jag kontakta föräldrarna? De pratar inte svenska så det behövs tolk."
    assert answer("professional", PROFESSIONAL, family) == "professional"
    # a language named in passing is no question about one
    for passing in ("han tolkar allt jag säger som kritik och slår mig", "He yells at me in Arabic"):
        assert answer("victim", SUBJECTED, passing) == "victim", passing
    tracking = "Jag har lagt in en app på min frus telefon så jag ser var hon är. Är det olagligt?"
    assert answer("uses_violence", USES_VIOLENCE, tracking) == "is_it_a_crime_uses_violence"
    assert answer("concerned", CONCERNED, "is it a crime to hit your wife in Sweden?") == (
        "is_it_a_crime"
    )
    # a language named in passing, a wish to report, a crime told, legal aid: no question of them
    for general in ("sorry my english not good. my boyfriend lock me in", "jag vill anmäla honom",
                    "han begick ett brott mot mig", "is there legal aid for me?"):  # fmt: skip
        assert answer("victim", SUBJECTED, general) == "victim", general
    # only a role's general answer changes: danger and specific answers stay
    assert answer("danger_now", SUBJECTED, "han slår mig nu, kan ni ringa på arabiska") == (
        "danger_now"
    )
    assert answer("uses_violence_young", USES_VIOLENCE, "är det olagligt?") == "uses_violence_young"
    assert answer("shelter", SUBJECTED, "finns det skyddat boende där man talar arabiska?") == (
        "shelter"
    )


def test_a_professional_asking_about_their_own_duty_to_report_gets_the_answer_on_it():
    def answer(text: str, intent: str = FALLBACK, writer: str = PROFESSIONAL) -> str:
        return specific_answer(Decision(intent, writer, "kept"), text).intent

    cook = "Har jag anmälningsplikt fast jag inte är lärare? Jag är ju bara kock"
    assert answer(cook) == "professional"  # round 18: "I do not quite understand"
    assert answer(cook, "safe_now") == "professional"
    assert answer("Am I obliged to report it? She is a patient, 40") == "professional_adult"
    # whether the chat reports, someone else's question, or a professional answer already
    assert answer("har ni anmälningsplikt?") == FALLBACK
    assert answer(cook, writer=SUBJECTED) == FALLBACK
    assert answer(cook, "report_concern_child") == "report_concern_child"


def test_a_professional_asking_about_an_adult_gets_the_answer_on_adults():
    def answer(text: str, earlier: tuple[str, ...] = ()) -> str:
        return specific_answer(Decision("professional", PROFESSIONAL, "kept"), text, earlier).intent

    bruise = "Jag är teamledare. En anställd kom idag med skada i ansiktet. Måste jag berätta det?"
    assert answer(bruise) == "professional_adult"
    assert answer("I work in home care. My client, an 81 year old woman, has new bruises") == (
        "professional_adult"
    )
    # a child named, now or earlier in the conversation: the answer that begins with children
    assert answer("En anställd berättar att hennes man slår barnen") == "professional"
    assert answer("Måste jag anmäla det, som anställd?", ("Eleven är 14 år",)) == "professional"
    assert answer("Jag är lärare och undrar hur man gör en anmälan") == "professional"
    # "it sounds hard" is for the one who feels bad, not for a home-care worker
    assert decide("feeling_bad", guess(PROFESSIONAL, 0.8)).intent == "professional"


def test_a_question_on_confidentiality_or_language_in_the_police_answer_gets_its_answer():
    def answer(text: str, writer: str | None = None, intent: str = "police_report") -> str:
        return specific_answer(Decision(intent, writer, "kept"), text).intent

    secrecy = ("Jag skulle vilja veta om samtal med er om mitt eget våldsamma beteende omfattas av "
               "sekretess, eller om ni är skyldiga att polisanmäla.")  # fmt: skip
    assert answer(secrecy) == "anonymity"
    assert answer(secrecy, USES_VIOLENCE) == "first_call"
    for asked in ("om ni är skyldiga att anmäla", "är du tvungen att anmäla?",
                  "Do you have to report this?", "har ni tystnadsplikt?"):  # fmt: skip
        assert answer(asked) == "anonymity", asked
    # secrecy at the police or social services is no question about the chat: the police answer
    for elsewhere in ("Om jag anmäler, gäller sekretess så han inte får veta min adress?",
                      "han slår mig. gäller sekretess hos soc?"):  # fmt: skip
        assert answer(elsewhere) == "police_report", elsewhere
    assert answer("Can police help me if I not speak Swedish? Is there someone in Arabic?") == (
        "interpreter"
    )
    # a question about the police itself, or a crime asked about: the answer on the police
    assert answer("hur gör jag en polisanmälan?") == "police_report"
    assert answer("är det olagligt? ska jag anmäla honom?") == "police_report"
    # other specific answers keep theirs
    assert answer("är ni skyldiga att anmäla?", intent="shelter") == "shelter"
    # "is it secret?" from someone read as reported to the police: he has not been reported yet,
    # he asks whether telling here leads to a report (round 17)
    for secret in ("I hit my wife one time last week. I want help, but is it secret or you tell police?",
                   "Om jag ringer och säger att jag har slagit min fru, ni måste anmäla mig till polisen då?",
                   "Will this be reported to the police or to Migrationsverket?"):  # fmt: skip
        assert answer(secret, USES_VIOLENCE, "reported_for_violence") == "first_call", secret
    # ... but "she says she will report me" is about a report, and stays
    for report in ("hon säger att hon ska polisanmäla mig", "she told the police I hit her",
                   "kommer jag bli dömd?"):  # fmt: skip
        assert answer(report, USES_VIOLENCE, "reported_for_violence") == "reported_for_violence"


def test_children_named_in_a_message_not_understood_get_the_answer_on_a_concern_for_a_child():
    def answer(writer: str | None, text: str) -> str:
        return specific_answer(Decision(FALLBACK, writer, "kept"), text).intent

    assert answer(CONCERNED, "There are two small kids in the apartment") == "report_concern_child"
    assert answer(CONCERNED, "ja dom har två små barn") == "report_concern_child"
    assert answer(PROFESSIONAL, "hon har tre barn hemma") == "professional"
    # someone subjected, or nobody known, or no child named: not understood
    assert answer(SUBJECTED, "vi har två barn") == FALLBACK
    assert answer(None, "dom har två små barn") == FALLBACK
    assert answer(CONCERNED, "hon har slutat svara när jag ringer") == FALLBACK
    assert answer(CONCERNED, "hennes pojkvän slår henne, vad gör jag") == FALLBACK
    for no_child in ("hon har inga barn", "They don't have any kids", "since we were kids"):
        assert answer(CONCERNED, no_child) == FALLBACK, no_child


def test_a_parent_who_hits_their_own_child_gets_the_answer_on_children():
    def answer(text: str, intent: str = "uses_violence") -> str:
        return specific_answer(Decision(intent, USES_VIOLENCE, "kept"), text).intent

    for text in ("Jag har slagit min son med handen när han ljuger",
                 "Igår höll jag min son så hårt i armen att han fick märken",
                 "I am a mother and sometimes I hit my son when I lose control",
                 "jag slår barnen ibland när jag är trött", "jag brukar slå min son",
                 "jag gav min son en örfil", "I lost it and hit my son",
                 "jag har slagit mina döttrar", "jag sparkar min son"):  # fmt: skip
        assert answer(text) == "perpetrator_children", text
    # the partner hit, someone else hitting the child, or a child seeing it: partner violence
    for text in ("jag slog min fru", "I hit my wife in front of the kids",
                 "jag såg när han slog min son", "min man slog min son",
                 "jag slog henne när barnen sov", "igår slog jag henne inför barnen",
                 "I pushed her and my son saw it", "jag slog inte barnen, bara henne",
                 "I hit my son's mother", "jag höll om min dotter"):  # fmt: skip
        assert answer(text) == "uses_violence", text
    # only the general answer of the one who hits changes
    assert answer("jag slog min son", intent="victim") == "victim"


def test_the_general_answer_for_a_writer_is_for_their_age_and_never_blames_a_doubt():
    assert general_answer(None, guess(UNCLEAR, 0.9)) is None
    assert general_answer(SUBJECTED, guess(SUBJECTED, 0.9)) == "victim"
    assert general_answer(SUBJECTED, guess(SUBJECTED, 0.9), age=YOUNG) == "young_person"
    assert general_answer(USES_VIOLENCE, guess(USES_VIOLENCE, 0.97)) == "uses_violence"
    assert general_answer(CONCERNED, guess(CONCERNED, 0.9)) == "concerned"
    # someone who may use violence, not sure enough: nothing (a misread victim must not get
    # Välj att sluta through "no, not right now")
    assert general_answer(USES_VIOLENCE, guess(USES_VIOLENCE, 0.5)) is None
    # shown as subjected, but this message reads as the one who hits: not "not your fault"
    assert general_answer(SUBJECTED, guess(USES_VIOLENCE, 0.95), earlier=SUBJECTED) != "victim"
    # "Mostly slaps and she throws stuff", after "my girlfriend hits me": his answer
    assert general_answer(SUBJECTED, guess(SUBJECTED, 0.6), earlier=SUBJECTED) == "victim"
    # a conversation that showed someone who hits: not "it is not your fault", the question
    assert general_answer(SUBJECTED, guess(SUBJECTED, 0.9), violence_shown=0.8) == ROLE_QUESTION


def test_who_it_is_about_is_not_asked_twice_in_a_row():
    asked = Decision(ROLE_QUESTION, SUBJECTED, "asked")
    just_asked = ["utter_greet", "utter_role_unclear"]
    # "Yes, it has happened many times", typed after the question: the answer for him
    assert not_asked_twice(asked, just_asked, "victim").intent == "victim"
    # his answer would be the question again: the not-understood answer with his lines
    assert not_asked_twice(asked, just_asked, ROLE_QUESTION).intent == FALLBACK
    # asked earlier but not just now, or nobody knows who is writing: the question stands
    assert not_asked_twice(asked, ["utter_role_unclear", "utter_victim"], "victim") == asked
    unknown = Decision(ROLE_QUESTION, None, "asked")
    assert not_asked_twice(unknown, just_asked, None) == unknown
    # maybe one who hits, not sure enough for their answer: not their lines to a misread victim
    may_hit = Decision(ROLE_QUESTION, USES_VIOLENCE, "asked")
    assert not_asked_twice(may_hit, just_asked, ROLE_QUESTION) == may_hit
    assert not_asked_twice(may_hit, just_asked, "uses_violence").intent == "uses_violence"
    # another answer is never changed
    shelter = Decision("shelter", SUBJECTED, "kept")
    assert not_asked_twice(shelter, just_asked, "victim") == shelter


def test_a_topic_answered_just_now_gets_its_next_step_for_the_same_writer():
    again = Decision("uses_violence", USES_VIOLENCE, "kept")
    # "jag vill inte va sån, min mamma var sån" right after the answer to those who hit
    just_said = ["utter_greet", "utter_uses_violence"]
    assert next_step(again, just_said) == Decision("first_call", USES_VIOLENCE, "next step")
    # also when one line (a question) followed the answer in that turn
    assert next_step(again, [*just_said, "utter_danger_question"]).intent == "first_call"
    # said earlier, not in the last turn; or the next step was given already: unchanged
    assert next_step(again, ["utter_uses_violence", "utter_anonymity", "utter_greet"]) == again
    assert next_step(again, ["utter_first_call", *just_said]) == again
    # a topic with no plain next step is left to said_enough
    shelter = Decision("shelter", SUBJECTED, "kept")
    assert next_step(shelter, ["utter_shelter"]) == shelter
    # "16" right after the answer for young people (round 25's GC01): what happens if they tell
    young = Decision("young_person", SUBJECTED, "age")
    assert next_step(young, ["utter_young_person"]).intent == "adult_reports_concern"
    # every next step speaks to the same writer as the answer before it, and has its own rule
    rules = (PROJECT_ROOT / "data" / "rules").glob("*.yml")
    ruled = {s["intent"] for f in rules for r in yaml.safe_load(f.read_text())["rules"]
             for s in r["steps"] if "intent" in s}  # fmt: skip
    for topic, step in NEXT_STEP.items():
        assert ANSWER_ROLE[topic] == ANSWER_ROLE[step]
        assert step in ruled


def test_not_understood_gives_the_writers_general_answer_once():
    lost = Decision(FALLBACK, CONCERNED, "kept")
    # "Okej. Men vad ska jag göra då?" from someone worried, not told how to help yet
    assert general_before_not_understood(lost, ["utter_concerned_honour"], "concerned").intent == (
        "concerned"
    )
    # already given, or no sure reading of who is writing: not understood
    assert general_before_not_understood(lost, ["utter_concerned"], "concerned") == lost
    assert general_before_not_understood(lost, [], None) == lost
    assert general_before_not_understood(lost, [], ROLE_QUESTION) == lost
    # this message points to another role ("it is really me he hits"): not understood, with lines
    assert general_before_not_understood(lost, [], "concerned", guess(SUBJECTED, 0.85)) == lost
    assert general_before_not_understood(lost, [], "concerned", guess(CONCERNED, 0.6)).intent == (
        "concerned"
    )
    # someone read as using violence: the not-understood answer, with a line for a misread victim
    hits = Decision(FALLBACK, USES_VIOLENCE, "kept")
    assert general_before_not_understood(hits, [], "uses_violence") == hits
    # another answer is never changed
    shelter = Decision("shelter", SUBJECTED, "kept")
    assert general_before_not_understood(shelter, [], "victim") == shelter


def test_the_worried_writers_general_answer_in_an_honour_case_is_the_honour_one():
    honour = ["Hon är 15 och pappa säger att hon ska förlovas med en kusin i sommar", "Okej."]
    assert in_honour_case("concerned", honour) == "concerned_honour"
    assert in_honour_case("concerned", ["Min dotters pojkvän är svartsjuk"]) == "concerned"
    assert in_honour_case("victim", honour) == "victim"
    assert in_honour_case(None, honour) is None


def test_a_witness_of_danger_now_gets_what_to_do_on_hearing_violence_as_general_answer():
    witnessed = ["utter_danger_witness", "utter_danger_witness_next"]
    assert after_witnessing("concerned", witnessed) == "report_for_someone"
    assert after_witnessing("concerned", ["utter_concerned"]) == "concerned"
    assert after_witnessing("victim", witnessed) == "victim"
    assert after_witnessing(None, witnessed) is None
    # "it got quiet now" after it: that answer, once, not "I do not quite understand"
    quiet = Decision(FALLBACK, CONCERNED, "kept")
    general = after_witnessing("concerned", witnessed)
    assert general_before_not_understood(quiet, witnessed, general).intent == "report_for_someone"


def test_it_went_quiet_after_a_witness_answer_is_no_safety_for_the_one_next_door():
    witnessed = ["utter_danger_witness", "utter_danger_witness_next"]
    quiet = Decision(CALM, CONCERNED, "untouched")
    assert calm_after_witnessing(quiet, witnessed).intent == "report_for_someone"
    # once; and "he has left" from the one in danger stays "good that you are safe"
    assert calm_after_witnessing(quiet, [*witnessed, "utter_report_for_someone"]) == quiet
    assert calm_after_witnessing(Decision(CALM, SUBJECTED, "untouched"), witnessed).intent == CALM
    assert calm_after_witnessing(quiet, ["utter_danger_now"]) == quiet


def test_after_a_second_112_the_writers_general_answer_comes_before_their_lines():
    assert lines_for_writer(SUBJECTED, "young_person", ["utter_danger_check"]) == (
        "utter_young_person"
    )
    said = ["utter_danger_check", "utter_young_person"]
    assert lines_for_writer(SUBJECTED, "young_person", said) == "utter_default_subjected"
    assert lines_for_writer(CONCERNED, None, []) == "utter_default_concerned"
    assert lines_for_writer(USES_VIOLENCE, "uses_violence", []) == "utter_default_uses_violence"
    assert lines_for_writer(None, None, []) is None


def test_asking_whether_to_talk_to_her_family_gets_the_warning_not_to():
    honour_case = ["Hon är 16 och får inte börja gymnasiet, hon ska vara hemma tills hon gifter sig"]
    asks = "Jag känner mamman väl sedan många år. Borde jag prata med henne?"
    assert with_premise("feeling_bad", asks, honour_case) == "concerned_honour"
    assert with_premise("nlu_fallback", "should I talk to her parents about it?") == "concerned"
    assert with_premise("forced_marriage", "ska jag prata med hennes pappa om giftet?") == (
        "concerned_honour"
    )
    # her own family, a danger answer, a question of its own, or a family named in passing:
    # unchanged (the review of round 11)
    assert with_premise("victim", "jag vill prata med min mamma om det") == "victim"
    assert with_premise("danger_now", "han slår henne nu, ska jag ringa hennes pappa") == (
        "danger_now"
    )
    assert with_premise("report_concern_child", "ska jag prata med föräldrarna först?") == (
        "report_concern_child"
    )
    assert with_premise("forced_marriage", "Föräldrarna ska gifta bort mig i sommar") == (
        "forced_marriage"
    )
    assert with_premise("feeling_bad", "Jag mår så dåligt, släkten pratar skit om mig") == (
        "feeling_bad"
    )
    # a father who keeps his daughter home is answered as the one who controls
    father = "Jag är pappan. Min dotter har en pojkvän och jag har tagit hennes mobil."
    assert with_premise("concerned", father) == "controls_for_honour"
    # someone in the honour case asking it gets their own answer
    assert decide("concerned_honour", guess(SUBJECTED, 0.95)).intent == "honour"


def test_the_cost_of_a_shelter_is_the_shelter_answer_not_the_cost_of_calling():
    for shelter in ("How much does a shelter cost? I cannot pay anything", "Vad kostar skyddat boende?",
                    "kostar det nåt att bo där", "måste man betala för boendet"):  # fmt: skip
        assert with_premise("costs_and_anonymity", shelter) == "shelter", shelter
    for call in ("vad kostar det att ringa kvinnofridslinjen", "is it free to call?"):
        assert with_premise("costs_and_anonymity", call) == "costs_and_anonymity", call


def test_a_role_the_conversation_showed_gets_its_own_answer_instead_of_the_question_again():
    # a mother worried about her daughter writes "should I tell her he is abusive?" (the topic
    # classifier: the victim's answer) and the message shows no other role: the answer for the
    # worried, not "who is it about?" a third time in a row (round 8)
    unclear = guess(UNCLEAR, 0.8)
    for writer, general in ((CONCERNED, "concerned"), (PROFESSIONAL, "professional")):
        decision = decide("victim", unclear, earlier=writer)
        assert (decision.intent, decision.writer) == (general, writer)
    assert decide("safety_plan", unclear, earlier=SUBJECTED).intent == "safety_plan"
    # but "it is not your fault" never to a message that may be from the one who hits: a guess
    # that leans to it is asked about; the classifier's topic alone, on a message the model reads
    # as nobody's, does not say so ("Nej, jag har aldrig slagit tillbaka": round 7 asked)
    assert decide("uses_violence", unclear, earlier=SUBJECTED).intent == "victim"
    hits_son = guess(USES_VIOLENCE, 0.88)  # "I lost my temper and hit my son with a belt"
    for intent in ("uses_violence", "first_call", "perpetrator_children"):
        assert decide(intent, hits_son, earlier=SUBJECTED).intent == ROLE_QUESTION
    assert decide("safety_plan", hits_son, earlier=CONCERNED).intent == ROLE_QUESTION
    # ... also when the message leans to another role less than a switch needs ("what can I do if
    # she never wants to leave him": 0.5-0.8 subjected)
    assert decide("safety_plan", guess(SUBJECTED, 0.79), earlier=CONCERNED).intent == "concerned"
    # a message that points to another role as surely as a switch needs is still asked about
    assert decide("victim", guess(SUBJECTED, 0.92), earlier=CONCERNED).intent == ROLE_QUESTION
    # and Välj att sluta's own answer is never given on the conversation's word alone, only a
    # counterpart; a role shown less surely than a switch needs is asked about again
    assert decide("police_report", unclear, earlier=USES_VIOLENCE).intent == "reported_for_violence"
    assert decide("victim", unclear, earlier=USES_VIOLENCE, evidence=0.7).intent == ROLE_QUESTION


def test_a_role_shown_surely_gets_the_writers_lines_instead_of_the_question_again():
    # a father who told he hits his son, then "is there somewhere for fathers to learn another
    # way?" (round 23: "who is it about?" was a dead end): his not-understood lines, which name
    # Välj att sluta and Kvinnofridslinjen
    unclear = guess(UNCLEAR, 0.53)
    for intent in ("victim", "shelter", ROLE_QUESTION):
        decision = decide(intent, unclear, earlier=USES_VIOLENCE, evidence=0.95)
        assert (decision.intent, decision.writer) == (FALLBACK, USES_VIOLENCE), intent
    # "the school called about a bruise on his back", read 0.6 as someone subjected, still his
    assert decide("professional", guess(SUBJECTED, 0.6), USES_VIOLENCE, evidence=1.0).intent == (
        FALLBACK
    )
    # a 16-year-old who told of a forced marriage, then "kan dom göra så om jag inte vill?"
    assert decide(ROLE_QUESTION, unclear, earlier=SUBJECTED, evidence=0.99).intent == FALLBACK
    # still asked: a message that points elsewhere as surely as a switch needs, a role shown
    # less surely, nobody known, and victims' lines after a message read as from one who hits
    assert decide("victim", guess(SUBJECTED, 0.92), CONCERNED, evidence=1.0).intent == (
        ROLE_QUESTION
    )
    assert decide(ROLE_QUESTION, unclear, earlier=SUBJECTED, evidence=0.8).intent == ROLE_QUESTION
    assert decide(ROLE_QUESTION, unclear).intent == ROLE_QUESTION
    assert decide(
        ROLE_QUESTION, unclear, earlier=SUBJECTED, evidence=1.0, violence_shown=0.8
    ).intent == ROLE_QUESTION


def test_an_answer_said_twice_in_a_conversation_is_not_said_a_third_time():
    said = ["utter_greet", "utter_concerned", "utter_danger_again", "utter_concerned"]
    assert said_enough("concerned", said)
    assert not said_enough("concerned", said[:2])
    assert not said_enough("victim", said)
    # 112, the question who it is about, the menu and short replies are never held back
    assert not said_enough("danger_now", ["utter_danger_now"] * 3)
    assert not said_enough(ROLE_QUESTION, ["utter_role_unclear"] * 3)
    assert not said_enough("menu", ["utter_menu"] * 3)


def test_a_third_question_for_the_rest_of_the_municipality_gets_no_third_servicecenter_answer():
    said = ["utter_municipal_other", "utter_municipal_other"]
    assert said_enough("out_of_scope", said)
    assert said_enough("municipal_other", said)
    assert not said_enough("out_of_scope", said[:1])


def reading(role: str, p: float, writer: str | None = None, reason: str = "kept") -> dict:
    """A parse as RoleDetector leaves it: the guess, its probability and the decision."""
    return {"text": "...", "role": {"guess": role, "probabilities": {role: p},
                                    "writer": writer or role, "reason": reason}}  # fmt: skip


def test_a_role_shown_by_an_unsure_guess_changes_on_a_guess_as_sure_as_a_switch_needs():
    # "I think I might be the problem in my relationship" read as subjected (0.64), then "when I
    # get angry I scream at my girlfriend and I have pushed her" (0.953): her own answer
    parses = [reading(SUBJECTED, 0.64)]
    evidence = evidence_for(SUBJECTED, parses)
    hits = guess(USES_VIOLENCE, 0.953)
    decision = decide("uses_violence", hits, SUBJECTED, evidence=evidence, own_violence=True)
    assert (decision.intent, decision.writer) == ("uses_violence", USES_VIOLENCE)
    # leaving "uses violence" always needs the model all but certain ("my father hit me a lot")
    parent = evidence_for(USES_VIOLENCE, [reading(USES_VIOLENCE, 0.7)])
    assert decide("victim", guess(SUBJECTED, 0.92), USES_VIOLENCE, evidence=parent).writer == (
        USES_VIOLENCE
    )
    # a role shown surely, or chosen with a button, still needs the model all but certain
    assert decide("uses_violence", hits, SUBJECTED, evidence=0.95).writer == SUBJECTED
    button = {"text": "/victim", "intent": {"name": "victim"}}
    assert evidence_for(SUBJECTED, [reading(SUBJECTED, 0.6), button]) == 1.0
    assert evidence_for(SUBJECTED, [reading(SUBJECTED, 0.6), reading(SUBJECTED, 0.93)]) == 0.93
    # ... and a guess less sure than a switch needs does not change it
    assert decide("uses_violence", guess(USES_VIOLENCE, 0.9), SUBJECTED, evidence=0.64).writer == (
        SUBJECTED
    )


def test_a_professional_who_named_their_job_stays_one_on_a_later_unsure_guess():
    # round 45: "Hello, I'm a GP at a health centre" (0.84), then "She came with her
    # mother-in-law who insisted on interpreting" (0.92 worried): the interpreter answer for
    # professionals, not the one for the patient
    gp = reading(PROFESSIONAL, 0.84) | {"text": "Hello, I'm a GP at a health centre in Örebro"}
    evidence = evidence_for(PROFESSIONAL, [gp])
    assert evidence == 1.0
    decision = decide("interpreter", guess(CONCERNED, 0.92), PROFESSIONAL, evidence=evidence)
    assert (decision.intent, decision.writer) == ("interpreter_professional", PROFESSIONAL)
    # the job of a partner, or one's own story, is no evidence of asking at work
    nurse = reading(PROFESSIONAL, 0.84) | {"text": "jag är sjuksköterska och min man slår mig"}
    assert evidence_for(PROFESSIONAL, [nurse]) == 0.84


def test_not_your_fault_is_not_said_after_a_message_read_as_from_someone_who_hits():
    # "I have started hitting my son" (the bot asked, not sure enough), then "I know it's wrong,
    # my father hit me a lot", read as someone subjected: not "it is never your fault"
    parses = [reading(USES_VIOLENCE, 0.8, reason="asked")]
    assert earlier_role(parses) is None
    shown = violence_shown(parses)
    assert shown == 0.8
    victim = guess(SUBJECTED, 0.98)
    assert decide("self_blame", victim, None, violence_shown=shown).intent == ROLE_QUESTION
    assert decide("self_blame", victim, None, violence_shown=0.3).intent == "self_blame"
    # ... nor the answer for the one subjected, which opens with it, also when not understood
    assert decide("victim", victim, None, violence_shown=shown).intent == ROLE_QUESTION
    not_understood = decide(FALLBACK, victim, None, disclosure=True, violence_shown=shown)
    assert not_understood.intent == ROLE_QUESTION
    # ... nor the victims' lines for a message without a disclosure ("I just lose it", round 19)
    assert decide(FALLBACK, victim, None, violence_shown=shown).intent == ROLE_QUESTION
    assert decide(FALLBACK, victim, None, violence_shown=0.3).intent == FALLBACK
    assert violence_shown([reading(SUBJECTED, 0.9)]) == 0.0


def test_answers_for_the_one_it_happens_to_are_not_given_to_someone_worried_or_at_work():
    # "one of my employees sleeps in the office, she is afraid to go home: is it violence?"
    assert decide("forms_of_violence", guess(PROFESSIONAL, 0.95)).intent == "professional"
    # someone worried gets the forms of violence told about someone else (round 32)
    assert decide("forms_of_violence", guess(CONCERNED, 0.95)).intent == (
        "forms_of_violence_someone_else"
    )
    assert decide("forms_of_violence", guess(UNCLEAR, 0.9)).intent == "forms_of_violence"
    # "my daughter has left her husband, now he writes threats about her": not "good that you
    # are safe now"
    assert decide("safe_now", guess(CONCERNED, 0.9)).intent == "concerned"
    assert decide("safe_now", guess(SUBJECTED, 0.9)).intent == "safe_now"
    # "Police left. It's quiet now." from the neighbour the conversation showed (round 17)
    assert decide("safe_now", NO_GUESS, earlier=CONCERNED).intent == "concerned"
    assert decide("safe_now", guess(SUBJECTED, 0.6), earlier=CONCERNED).intent == "concerned"
    assert decide("safe_now", guess(SUBJECTED, 0.95), earlier=CONCERNED).intent == "safe_now"
    assert decide("safe_now", NO_GUESS, earlier=SUBJECTED).intent == "safe_now"


def test_a_child_who_tells_of_violence_at_home_gets_the_young_answer_when_the_model_hesitates():
    # "pappa slår mamma när han tror att vi sover. jag är 13": subjected or worried, 0.5 each
    torn = RoleGuess({SUBJECTED: 0.49, CONCERNED: 0.49, UNCLEAR: 0.02}, 0.98)
    decision = decide(FALLBACK, torn, disclosure=True, age=YOUNG)
    assert decision.intent in ("young_person", "concerned_young")
    # without a said age, or when the one who hits may be writing, not on that hesitation
    assert decide(FALLBACK, torn, disclosure=True, age=None).intent == ROLE_QUESTION
    pushed = RoleGuess({SUBJECTED: 0.45, CONCERNED: 0.3, USES_VIOLENCE: 0.25}, 0.98)
    assert decide(FALLBACK, pushed, disclosure=True, age=YOUNG).intent == ROLE_QUESTION


def test_a_follow_up_that_hardly_points_elsewhere_gets_the_shown_writers_answer():
    # "Is there any help for women who are violent?", "Does it cost anything?" from a woman who
    # told she slapped her husband, read as subjected at 0.35-0.39 (round 16 asked twice)
    faint = guess(SUBJECTED, 0.39)
    assert decide("men_victims", faint, earlier=USES_VIOLENCE).intent == "uses_violence"
    assert decide("costs_and_anonymity", faint, earlier=USES_VIOLENCE).intent == "first_call"
    # ... but read as subjected as surely as a sure guess: her lines, which also name
    # Kvinnofridslinjen (a role shown less surely: the question)
    assert decide("men_victims", guess(SUBJECTED, 0.6), earlier=USES_VIOLENCE).intent == FALLBACK
    assert decide("men_victims", guess(SUBJECTED, 0.6), USES_VIOLENCE, evidence=0.8).intent == (
        ROLE_QUESTION
    )
    # "if I go to a shelter, will social services take my son?" from someone subjected
    unclear = guess(UNCLEAR, 0.85)
    assert decide("perpetrator_children", unclear, earlier=SUBJECTED).intent == (
        "children_social_services"
    )
    # a 14-year-old who told of her mother's partner: "om jag ringer polisen blir mamma arg"
    young = decide("first_call", guess(SUBJECTED, 0.54), earlier=SUBJECTED, age=YOUNG)
    assert young.intent == "young_person"
    # a professional whose follow-up reads as worried: the professionals' answer, not the question
    assert decide("concerned", guess(CONCERNED, 0.95), earlier=PROFESSIONAL).intent == (
        "professional"
    )
    assert decide("concerned", guess(SUBJECTED, 0.95), earlier=PROFESSIONAL).intent == (
        ROLE_QUESTION
    )


def test_a_role_shown_less_surely_changes_when_the_writer_tells_their_own_violence():
    # round 17: "my wife is 7 months pregnant" read as hers (0.77), then "I threw my phone
    # against the wall next to her head" (0.87 uses violence): his answer from then on
    threw = guess(USES_VIOLENCE, 0.87)
    assert writer_role(threw, SUBJECTED, evidence=0.77, own_violence=True) == USES_VIOLENCE
    assert writer_role(threw, SUBJECTED, evidence=0.77) == SUBJECTED
    assert writer_role(threw, SUBJECTED, evidence=0.95, own_violence=True) == SUBJECTED
    unsure = guess(USES_VIOLENCE, 0.7)
    assert writer_role(unsure, SUBJECTED, evidence=0.77, own_violence=True) == SUBJECTED
    # asking whether one may write, from someone who told they hurt their partner: their answer
    assert decide("who_can_write", guess(USES_VIOLENCE, 0.97)).intent == "uses_violence"
    assert decide("who_can_write", NO_GUESS).intent == "who_can_write"


def test_violence_both_ways_gets_the_answer_for_both():
    both = "Jag har slagit henne, hon har slagit mig. Är det ens våld då?"
    assert with_premise("hit_back", both) == "mutual_violence"
    assert with_premise(FALLBACK, "idk who started it honestly. we both said stuff") == (
        "mutual_violence"
    )
    assert with_premise("forms_of_violence", "vi knuffas båda två ibland") == "mutual_violence"
    assert decide("mutual_violence", guess(USES_VIOLENCE, 0.97)).intent == "mutual_violence"
    # hitting back is self-defence, and parents who fight are no writer's own violence
    assert with_premise("hit_back", "han slog mig och jag slog tillbaka") == "hit_back"
    assert with_premise("young_person", "dom skriker o slåss hela tiden") == "young_person"
    assert with_premise("victim", "han slår mig och jag skriker") == "victim"
    # who started a fight, not who started a job
    assert with_premise("victim", "vet inte vem som började. det blir bara så") == (
        "mutual_violence"
    )
    assert with_premise("victim", "jag vet vem som började jobba här först") == "victim"
    assert with_premise("feeling_bad", "he knows who started working here first") == "feeling_bad"


def test_a_parent_hurt_by_their_own_child_gets_the_answer_for_the_one_subjected():
    son = "jag är 52 och min son slår mej när han inte får pengar. vem anmäler sitt egna barn"
    assert with_premise("report_concern_child", son) == "victim"
    assert with_premise("report_concern_child", "min sambo slår vår son") == "report_concern_child"


def test_a_parent_worried_about_an_adult_son_or_daughter_gets_the_answer_on_helping_an_adult():
    raped = "Min dotter på 20 berättade igår att hennes pojkvän har tvingat henne till sex flera gånger."
    assert with_premise("report_concern_child", raped) == "sexual_violence_concerned"
    hit = "Hej. Min dotter, 19 år, har en kille som slår henne. Hon vill inte anmäla."
    assert with_premise("report_concern_child", hit) == "concerned"
    assert with_premise("adult_reports_concern", "our 23 year old son is controlled by his wife") == (
        "concerned"
    )
    # a child, or an age in months, is still a child
    for child in ("min dotter 15 berättar att pappa slår henne", "min son, 20 månader, ser allt",
                  "my daughter is 8 and her dad hits her"):  # fmt: skip
        assert with_premise("report_concern_child", child) == "report_concern_child", child


def test_violence_told_against_the_writer_is_more_than_a_bad_feeling():
    # the feelings after violence (common, never your fault), not the general answer
    told = "min fru har slagit mig flera gånger och jag skäms för att berätta det"
    assert with_premise("feeling_bad", told) == "feelings_after_violence"
    assert with_premise("feeling_bad", "jag mår så dåligt och vet inte varför") == "feeling_bad"
    # ... also when the conversation showed it surely; to someone under 18 the young people's
    # answer, and one who may have hit is asked first
    assert decide("feeling_bad", guess(SUBJECTED, 0.95)).intent == "feelings_after_violence"
    assert decide("feeling_bad", guess(SUBJECTED, 0.95), age="young").intent == "young_person"
    assert decide("feeling_bad", guess(USES_VIOLENCE, 0.95)).intent == "uses_violence"


def test_a_young_writer_not_understood_gets_bris():
    said_15 = [{"text": "kan jag gå till min kompis", "role": {"writer": SUBJECTED}},
               {"text": "jag är 15", "role": {"writer": SUBJECTED, "age": YOUNG}}]
    assert young_writer(said_15)
    assert not_understood_response(SUBJECTED, young=young_writer(said_15)) == (
        "utter_default_young"
    )
    adult = [{"text": "ok", "role": {"writer": SUBJECTED, "young": 0.2}}]
    assert not young_writer(adult)
    assert not_understood_response(SUBJECTED, young=False) == "utter_default_subjected"
    # ... also when nobody knows who is writing ("my stepdad comes into my room ... i'm 15")
    assert not_understood_response(None, young=True) == "utter_default_young"
    assert not_understood_response(None, young=False) == "utter_default"
    # ... and for one under 18 who uses violence: BRIS and an adult they trust, as their own
    # answer says, not Välj att sluta (the staff flow "Ung som slår ett syskon")
    assert not_understood_response(USES_VIOLENCE, young=True) == "utter_default_young"
    assert not_understood_response(USES_VIOLENCE, young=False) == "utter_default_uses_violence"


def test_someone_else_who_wants_to_stop_gets_where_they_can_turn():
    # round 21: a priest told the answer on adults subjected, with no Välj att sluta
    priest = (
        "Jag är präst i en församling och en man har i samtal berättat att han slagit sin hustru. "
        "Han vill ha hjälp att förändras. Vart kan jag hänvisa honom?"
    )
    assert with_premise("professional_adult", priest) == "help_someone_stop"
    brother = "min bror slår sin tjej och vill sluta, var kan han få hjälp?"
    assert with_premise("concerned", brother) == "help_someone_stop"
    assert with_premise("uses_violence", "my son hits his wife. how can he get help to stop?") == (
        "help_someone_stop"
    )
    for guessed in (CONCERNED, PROFESSIONAL, USES_VIOLENCE):  # an answer for anyone
        assert decide("help_someone_stop", guess(guessed, 0.95)).intent == "help_someone_stop"
    # the writer did it, it was done to the writer, or he does not want to stop: not this answer
    assert with_premise("uses_violence", "jag slog min fru och vill sluta") == "uses_violence"
    assert with_premise("victim", "min man slår mig men han vill ha hjälp att sluta") == "victim"
    assert with_premise("concerned", "min pappa slår mamma och han vill inte sluta") == "concerned"
    # the violence should stop, not the one it is done to
    assert with_premise("concerned", "hennes man slår henne, hon vill att det ska sluta") == (
        "concerned"
    )
    # help asked for him, by a parent or friend, with no word of wanting to stop (round 28 gave
    # them how to support her)
    mother = "min son knuffar sin sambo när de bråkar. finns det någon hjälp för honom?"
    assert with_premise("concerned", mother) == "help_someone_stop"
    friend = "My friend grabs his girlfriend hard when he is drunk. Where can he get help?"
    assert with_premise("concerned", friend) == "help_someone_stop"
    # ... not for a brother or sister who is the one hurt
    assert with_premise("concerned", "min bror blir slagen av sin fru, var kan han få hjälp?") == (
        "concerned"
    )
    assert with_premise("concerned", "min syster blir slagen av sin man, var kan hon få hjälp?") == (
        "concerned"
    )


def test_a_writer_who_names_themselves_as_the_one_who_hits_is_read_so():
    # round 22: a woman who wrote "det är jag som slår" got the lines for those subjected
    text = "Jag är kvinna och det är jag som slår i vårt förhållande. Alla tror att det är han."
    read = doubted(guess(SUBJECTED, 0.76), text, None)
    # as surely as the answer for those who hit needs (round 39 asked "hur slutar man slå")
    assert read.role == USES_VIOLENCE and read.confidence == LIMITS.switch_to_uses_violence
    assert doubted(guess(UNCLEAR, 0.9), "I'm the one who hits, not him", None).role == USES_VIOLENCE
    # a writer read as subjected who tells only of her own violence: asked before "it is not
    # your fault" (round 25 said so to a woman who twisted her husband's wrist)
    told = ("Vid tre tillfällen har jag tagit tag i min man så hårt att han fått märken. Vart "
            "vänder jag mig?")  # fmt: skip
    read = doubted(guess(SUBJECTED, 0.947), told, None)
    assert read.role == SUBJECTED and read.probabilities[USES_VIOLENCE] == 0.15
    assert decide("victim", read).intent == ROLE_QUESTION
    assert decide("shelter", read).intent == "shelter"
    # ... not when violence against her is told, nor for hitting back
    for text in ("min sambo slog mig igår och jag tog tag i honom", "jag slog tillbaka när han slog mig"):
        assert decide("victim", doubted(guess(SUBJECTED, 0.95), text, None)).intent == "victim"
    # "what if one is the problem oneself?" (round 25 told a man it is never his fault)
    asked = "hur funkar det om man själv e problemet"
    assert doubted(guess(UNCLEAR, 0.95), asked, None).role == USES_VIOLENCE
    # what someone else says of the writer is no such telling
    claimed = "hon säger att det är jag som slår"
    assert doubted(guess(SUBJECTED, 0.76), claimed, None).role == SUBJECTED


def specific_intent(text: str, writer: str | None, intent: str) -> str:
    """The intent `specific_answer` gives for `text` after a decision to answer `intent`."""
    return specific_answer(Decision(intent, writer, "kept"), text).intent


def test_a_restraining_order_named_gets_the_answer_on_it_for_who_writes():
    # round 24 to 26: general answers to breaches, to "can we apply for her?" and to the man
    # asking whether he may answer when she writes to him
    breach = "Har kontaktförbud sen mars men han står utanför min port ändå. Vad ska jag göra?"
    assert specific_intent(breach, SUBJECTED, "victim") == "restraining_order"
    assert specific_intent("hur anmäler jag att han bryter mot kontakförbudet?", None, "police_report") == (
        "restraining_order"
    )
    for_her = "kan man söka kontaktförbud åt nån annan? min mamma vågar inte själv"
    assert specific_intent(for_her, CONCERNED, "concerned") == "restraining_order_someone_else"
    at_work = "An employee's ex keeps turning up at our gate. Can a restraining order cover the workplace?"
    assert specific_intent(at_work, PROFESSIONAL, "professional_adult") == "restraining_order_someone_else"
    against_me = "jag har kontaktforbud mot mig men hon hor av sig sjalv. far jag svara henne?"
    assert specific_intent(against_me, USES_VIOLENCE, "uses_violence") == "restraining_order_against_me"
    # read as reported to the police with nobody's role known: the answer was for the one it
    # is against
    assert specific_intent(against_me, None, "reported_for_violence") == "restraining_order_against_me"
    # only the one it is against can break it (round 32)
    to_see_my_child = ("Jag har fått ett kontaktförbud gällande min före detta sambo. Hur får jag "
                       "träffa mitt barn utan att bryta mot förbudet?")  # fmt: skip
    assert with_premise("restraining_order", to_see_my_child) == "restraining_order_against_me"
    assert with_premise("restraining_order", "hur söker jag kontaktförbud mot mitt ex?") == (
        "restraining_order"
    )
    # without the order named, each keeps its answer
    assert specific_intent("han står utanför min port varje kväll", SUBJECTED, "victim") == "victim"
    assert specific_intent("hon säger att hon ska polisanmäla mig", USES_VIOLENCE, "reported_for_violence") == (
        "reported_for_violence"
    )


def test_sexual_coercion_in_everyday_words_is_not_a_question_who_may_write():
    coerced = ("Min man kräver samliv även när jag säger nej, och han säger att det är hans rätt "
               "som make. Är detta tillåtet enligt svensk lag när man är gift?")  # fmt: skip
    assert with_premise("who_can_write", coerced) == "sexual_violence"
    assert with_premise("who_can_write", "My husband demands sex every night") == "sexual_violence"
    assert with_premise("who_can_write", "kan vem som helst skriva här?") == "who_can_write"
    assert with_premise("who_can_write", "får man skriva om sex här?") == "who_can_write"


def test_one_who_does_wrong_names_themselves():
    asked = "Är det här bara för kvinnor som blir slagna eller kan man skriva om man själv är den som gör fel"
    assert names_self_as_the_one_who_hits(asked)
    assert not names_self_as_the_one_who_hits("han säger att jag alltid gör fel")
    # rounds 31 and 32 gave these the victims' lines
    for said in ("what if I'm the one who does it", "I think I am the problem in my relationship",
                 "tänk om det är jag som gör det", "jag tror att jag är problemet"):  # fmt: skip
        assert names_self_as_the_one_who_hits(said), said
    assert not names_self_as_the_one_who_hits("he says I am the problem")
    assert not names_self_as_the_one_who_hits("is it a problem that he reads my phone")


def test_where_to_stay_gets_the_answer_on_protected_housing_for_who_writes():
    # rounds 24 to 26: a friend with her on the sofa got how to start a talk, a nurse no number
    sofa = "My friend left her husband last night and sleeps on my sofa. Where can she stay that he can't find?"
    assert specific_intent(sofa, CONCERNED, "concerned") == "shelter_someone_else"
    nurse = "En patient vill inte gå hem för mannen slår. Vilket nummer ringer vi för skyddat boende?"
    assert specific_intent(nurse, PROFESSIONAL, "professional_adult") == "shelter_someone_else"
    assert specific_intent("han slår mig, vart kan vi ta vägen ikväll?", SUBJECTED, "victim") == "shelter"
    # not where someone lives, nor "stay anonymous"
    assert specific_intent("han vet var jag bor och han slår mig", SUBJECTED, "victim") == "victim"
    assert specific_intent("where do i call if i want to stay anonymous", CONCERNED, "concerned") == "concerned"
    # someone under 18 who cannot go home: social services and Socialjouren tonight, not women's
    # shelters and what they cost
    assert decide("shelter", guess(SUBJECTED, 0.9, young=0.9)).intent == "shelter_young"
    assert decide("shelter", guess(SUBJECTED, 0.9, young=0.1)).intent == "shelter"


def test_one_who_uses_violence_outside_orebro_gets_their_own_line():
    # rounds 24 to 26: "bor i Karlskoga, finns det nåt för män som slår?" got the victims' lines
    assert decide("outside_orebro", guess(USES_VIOLENCE, 0.95)).intent == "outside_orebro_uses_violence"
    assert decide("outside_orebro", guess(SUBJECTED, 0.95)).intent == "outside_orebro"
    # not sure enough for his version: the answer for anyone, which names Välj att sluta too
    assert decide("outside_orebro", guess(USES_VIOLENCE, 0.92)).intent == "outside_orebro"
    # ... as are the costs of every line and what the chat keeps (round 32 asked "will you report
    # me?" who it is about); the sure reading gets their version
    for asked in ("costs_and_anonymity", "anonymity"):
        assert decide(asked, guess(USES_VIOLENCE, 0.89)).intent == asked
        assert decide(asked, guess(USES_VIOLENCE, 0.97)).intent == "first_call"
    assert decide("police_report", guess(USES_VIOLENCE, 0.89)).intent == "role_unclear"
    # Välj att sluta is not said to take calls from someone under 18
    young = guess(USES_VIOLENCE, 0.95, young=0.9)
    assert decide("outside_orebro", young, age=YOUNG).intent == "uses_violence_young"


def test_a_child_who_may_be_taken_abroad_gets_how_to_stop_the_trip_for_a_helper():
    # rounds 24 to 26: a grandmother and a preschool teacher got general answers
    grandchildren = "Min svärson har sagt att han ska ta barnbarnen till Libanon och att min dotter aldrig ska få se dem."
    assert specific_intent(grandchildren, CONCERNED, "concerned") == "children_abroad_someone_else"
    preschool = "En pappa på förskolan sa att han ska ta med barnen till Irak i sommar och inte komma tillbaka."
    assert specific_intent(preschool, PROFESSIONAL, "professional") == "children_abroad_someone_else"
    # the parent keeps the answer on custody; an honour case keeps its own; no trip, no switch
    assert specific_intent(grandchildren, SUBJECTED, "children_custody") == "children_custody"
    honour = "Pappa ska skicka min lillasyster till hemlandet för att gifta bort henne"
    assert specific_intent(honour, CONCERNED, "concerned") == "concerned"
    assert specific_intent("vi kom från Irak för tio år sen och barnen mår dåligt", CONCERNED, "concerned") == "concerned"


def test_someone_young_asking_where_to_sleep_gets_a_safe_place_tonight():
    text = "vågar inte gå hem efter träningen, farsan e full igen. finns det nånstans man kan sova? e 14"
    assert specific_intent(text, SUBJECTED, "young_person") == "shelter_young"
    assert specific_intent("pappa slår mig", SUBJECTED, "young_person") == "young_person"


def test_danger_seen_happening_to_another_stays_a_witness_unless_this_message_shows_the_writer():
    # round 26's TV10: a neighbour misread as subjected at first; "Nu håller det på igen. Det lilla
    # barnet gråter och hon skriker sluta" got "stay in a room you can lock"
    assert decide("danger_witness", guess(UNCLEAR, 0.66), earlier=SUBJECTED).intent == "danger_witness"
    # the one in danger, read so on this message: what to do right now
    assert decide("danger_witness", guess(SUBJECTED, 0.9), earlier=SUBJECTED).intent == "danger_now"


def test_asking_whether_one_who_does_wrong_may_write_is_no_answer_for_men_subjected():
    asked = "Är det här bara för kvinnor som blir slagna eller kan man skriva om man själv är den som gör fel"
    assert with_premise("men_victims", asked) == ROLE_QUESTION
    assert with_premise("men_victims", "Är det här bara för kvinnor? Jag är man och min fru slår mig") == (
        "men_victims"
    )


def test_one_who_hit_back_is_asked_not_answered_as_one_who_hits():
    # round 27: both got Välj att sluta
    certain_hitter = guess(USES_VIOLENCE, 0.99)
    for text in ("I punched him back last night. I have never done that before.",
                 "Jag har börjat slå tillbaka när han tar tag i mig, förra gången rev jag honom"):  # fmt: skip
        read = doubted(certain_hitter, text, earlier=None)
        assert read.role != USES_VIOLENCE, text
        assert decide("uses_violence", read).intent == ROLE_QUESTION, text
    # "I never hit her back" is no hitting back
    assert doubted(certain_hitter, "I never hit her back, I just hold her", None) == certain_hitter


def test_a_restraining_order_served_on_the_writer_is_not_explained_as_protection():
    served = "Jag har blivit delgiven ett kontaktförbud som jag anser vara grundlöst. Vad innebär det?"
    assert with_premise("restraining_order", served) == "restraining_order_against_me"
    # the one it protects, telling that it is broken: what to do then (round 35's change)
    protected = "Jag har fått kontaktförbud sen mars men han står utanför min port"
    assert with_premise("restraining_order", protected) == "restraining_order_broken"
    # one who uses violence telling of the shelter she went to: his answer, not the one who leaves
    gone = "Hon har dragit till nåt skyddat boende med kidsen. Det är mina barn också."
    assert specific_intent(gone, USES_VIOLENCE, "uses_violence") == "uses_violence"


def test_a_claim_goes_on_over_and_that():
    # round 28: his accusation, carried on with "och att", read as her own violence
    told = ("Jag slog tillbaka igår när han drog mig i håret. Nu säger han att han ska polisanmäla "
            "mig och att det är jag som är våldsam.")  # fmt: skip
    assert not tells_own_violence(told)
    assert tells_own_violence("hon säger att jag är elak och jag slog henne igår")


def test_someone_at_work_gets_the_answer_to_what_they_ask():
    # rounds 27 and 28: 10 and 14 of 36 people at work were answered well, most given the
    # general text on the duty to report whatever they asked
    asks = {
        "Jag är distriktssköterska. Hur skriver jag ner skadorna så att det håller om hon anmäler sen?": (
            "professional_evidence"
        ),
        "I'm a physio. A client told me her partner hits her and asked me not to put it in her records.": (
            "professional_evidence"
        ),
        "Jobbar på en vårdcentral. Finns det någon lapp med nummer jag kan ge henne utan att det syns?": (
            "professional_referral"
        ),
        "I run a women's group at the library. Is it free to call, and when are you open?": (
            "professional_referral"
        ),
        "Jag är biståndshandläggare. Klienten är folkbokförd i Kumla men bor hos en vän här, vem ansvarar?": (
            "professional_other_municipality"
        ),
        "Skolsköterska här. En elev på 15 vill ha ett oskuldsintyg för att pappa kräver det.": (
            "professional_virginity"
        ),
        # a named question keeps its own answer for someone at work
        "Jag är kurator. Hon har kontaktförbud men han väntar vid skolan, vad gör vi?": (
            "restraining_order_someone_else"
        ),
        "Undersköterska. Patienten talar bara tigrinja, hur får vi tolk som inte känner familjen?": (
            "interpreter_professional"
        ),
    }
    for text, answer in asks.items():
        for general in ("professional", "professional_adult", "nlu_fallback"):
            assert specific_intent(text, PROFESSIONAL, general) == answer, (text, general)
    # nothing asked beyond the general answer: kept
    plain = "Jag är lärare och en elev säger att pappa slår henne. Vad gör jag?"
    assert specific_intent(plain, PROFESSIONAL, "professional") == "professional"
    # the same words from someone subjected keep the answers for them
    own = "han slår mig. hur dokumenterar jag skadorna?"
    assert specific_intent(own, SUBJECTED, "victim") == "victim"


def test_a_topic_for_anyone_has_an_answer_for_someone_at_work():
    for topic, answer in (
        ("costs_and_anonymity", "professional_referral"),
        ("open_now", "professional_referral"),
        ("threat_messages", "professional_evidence"),
        ("outside_orebro", "professional_other_municipality"),
        ("virginity", "professional_virginity"),
    ):
        assert decide(topic, guess(PROFESSIONAL, 0.95)).intent == answer
    assert decide("outside_orebro", guess(CONCERNED, 0.95)).intent == "outside_orebro_someone_else"
    assert decide("outside_orebro", guess(SUBJECTED, 0.95)).intent == "outside_orebro"


def test_an_old_clients_son_is_no_child_at_work():
    # round 28: two home-care workers worried about an old client's son were told about the duty
    # to report for children
    text = "Jag jobbar i hemtjänsten. En brukare, 84 år, är rädd för sin son som tar hennes pengar."
    assert specific_intent(text, PROFESSIONAL, "professional") == "professional_adult"
    pupil = "Jag är lärare. En elev säger att hennes pappa slår hennes mamma och hennes son."
    assert specific_intent(pupil, PROFESSIONAL, "professional") == "professional"


def test_asking_whether_to_report_gets_the_answer_on_reporting():
    # rounds 27 and 28: a friend and a mother asking whether to report threats got how to talk
    friend = "hennes ex skickar hot hela tiden. kan jag anmäla åt henne?"
    assert specific_intent(friend, CONCERNED, "concerned") == "report_for_someone"
    assert specific_intent("Should I report him to the police? He hit me again", SUBJECTED, "victim") == (
        "police_report"
    )
    # a concern for a child is not a police report
    assert specific_intent("ska jag orosanmäla?", CONCERNED, "concerned") == "concerned"


def test_someone_who_wants_to_volunteer_gets_where_to_turn():
    # round 28 answered a would-be volunteer as someone subjected; round 29 asked who it is about
    for asked in ("Hur blir man volontär hos er?", "Kan man jobba ideellt hos er?",
                  "Are you looking for volunteers? I'd like to help"):  # fmt: skip
        for intent in ("nlu_fallback", "victim", "who_can_write"):
            assert with_premise(intent, asked) == "volunteer", (asked, intent)
    # someone who volunteers somewhere and asks about a case, or keeps out of it: not asking
    case = "I volunteer at a shelter hotline and a caller said her husband hits her. What do I say?"
    assert with_premise("professional", case) == "professional"
    assert with_premise("concerned", "jag vill inte engagera mig i deras bråk") == "concerned"
    # danger keeps its answer
    assert with_premise("danger_now", "han slår mig nu, tar ni emot volontärer") == "danger_now"
    assert decide("volunteer", guess(SUBJECTED, 0.6)).intent == "volunteer"


def test_a_permit_that_hangs_on_him_gets_the_answer_on_staying():
    # round 29: two women told they would be sent back if they leave got the answer on children
    told = "He says if I leave him I will be sent back to my country and lose my son."
    assert with_premise("children_custody", told) == "residence_permit"
    assert with_premise("victim", "han säger att jag skickas tillbaka om jag lämnar honom") == (
        "residence_permit"
    )
    assert with_premise("children_custody", "han hotar att ta barnen till Irak") == "children_custody"


def test_someone_who_names_their_job_and_a_client_is_read_as_asking_at_work():
    # round 29 asked a family lawyer (0.89 at work) and an SFI teacher who it is about
    lawyer = "I'm a family lawyer. My client fears her husband will take their son abroad. What can we do?"
    read = doubted(guess(PROFESSIONAL, 0.85), lawyer, None)
    assert read.role == PROFESSIONAL and read.confidence == pytest.approx(0.9)
    assert sum(read.probabilities.values()) == pytest.approx(1.0)
    unsure = doubted(guess(SUBJECTED, 0.6), "Jag är kurator. En elev säger att pappa slår henne.", None)
    assert unsure.role == PROFESSIONAL
    # ... not a nurse who tells of her own partner, nor a sure reading
    own = "Jag är sjuksköterska och har själv frågat patienter om våld. Min man kallar mig äcklig."
    assert doubted(guess(SUBJECTED, 0.6), own, None).role == SUBJECTED
    assert doubted(guess(SUBJECTED, 0.95), "Jag är lärare. En elev ...", None).role == SUBJECTED


def test_someone_worried_about_someone_close_is_read_so_surely():
    # round 29 asked five people worried about a cousin, a colleague or a brother who it is about
    cousin = "jag såg min kusin få en örfil av sin man på ett kalas och alla låtsades att inget hänt."
    read = doubted(guess(CONCERNED, 0.74), cousin, None)
    assert read.role == CONCERNED and read.confidence == pytest.approx(0.9)
    # ... not a girl something is done to, a parent in the story, nor a family that controls
    for own in (
        "min mamma gifte om sig och hennes man har börjat titta på mig. jag e 13",
        "We have shared custody. My daughter came home and said daddy says mummy will die.",
        "Min dotter 17 år. Vi har hittat bra man till henne. Hur får vi henne att säga ja?",
        "my sister goes to clubs every weekend. my uncles say the men of the family need to fix this",
        "min bror slår mig när mamma inte ser",
    ):
        assert doubted(guess(CONCERNED, 0.74), own, None).confidence == pytest.approx(0.74), own


def test_someone_worried_asking_how_to_bring_it_up_gets_how_to_start_the_talk():
    # round 29: not understood twice in worried parents' conversations
    for asked in ("hur ska jag prata med henne utan att hon drar sig undan",
                  "Should I ask her straight out?"):  # fmt: skip
        assert specific_intent(asked, CONCERNED, "nlu_fallback") == "concerned"
    assert specific_intent("hur ska jag prata med henne", None, "nlu_fallback") == "nlu_fallback"


def test_questions_about_honour_violence_and_the_chat_get_their_answers():
    # round 29: a definition got the rights answer, the rest were not understood or got the cost
    assert with_premise("honour_rights", "What counts as honour-related violence?") == "honour_explained"
    assert with_premise("nlu_fallback", "är hedersvåld ett brott i Sverige?") == "honour_explained"
    assert with_premise("nlu_fallback", "Do you talk to men too or only women?") == "who_can_write"
    assert with_premise("nlu_fallback", "what hours is someone here") == "bot_identity"
    assert with_premise("costs_and_anonymity", "måste man boka en tid?") == "bot_identity"
    # a story that names honour, and a man who tells of violence, keep their answers
    assert with_premise("honour", "pappa säger att jag drar skam över familjens heder") == "honour"
    assert with_premise("victim", "min man slår mig. kan man skriva här om man är man?") == "victim"


def test_round_30_harmful_answers_are_not_given_again():
    # "ok tack. vad jag gör nu först" got a goodbye after her story: a question, not thanks
    assert with_premise("thanks", "ok tack. vad jag gör nu först") == "nlu_fallback"
    assert with_premise("thanks", "tack det var snällt") == "thanks"
    # a father asking which shelter his family fled to got the answer on protected housing
    father = "hon har flytt till nat skyddat boende med barnen. kan ni saga vilket? jag ar pappan"
    assert with_premise("shelter", father) == ROLE_QUESTION
    assert with_premise("shelter", "kan jag få skyddat boende med barnen?") == "shelter"
    # a brother who checks his sister's phone, and one who threatened his sister, asking whether
    # that is violence, were answered as the ones subjected
    assert with_premise("victim", "om man kollar sin syrras mobil är det våld?") == "controls_for_honour"
    threatened = "om man typ har hotat sin syster är man då våldsutövare eller"
    assert doubted(guess(SUBJECTED, 0.7), threatened, None).role == USES_VIOLENCE
    # a family that decided for a cousin is not someone worried about her
    family = "Min kusin har träffat en svensk kille. Vi i familjen har bestämt att hon ska bo hos släkten."
    assert doubted(guess(CONCERNED, 0.7), family, None).confidence == pytest.approx(0.7)
    # a doctor's own Swedish is no question about an interpreter
    doctor = "ER doctor here, swedish is not my first language. How do I see the patient alone?"
    assert specific_intent(doctor, PROFESSIONAL, "interpreter_professional") == "professional_adult"
    assert specific_intent("Jag är läkare. Patienten behöver tolk på dari.", PROFESSIONAL,
                           "interpreter_professional") == "interpreter_professional"  # fmt: skip
    # a preschool teacher asking whether a child's words are enough for a concern report: the
    # duty to report, not how to document (round 30)
    preschool = "Förskollärare. Ett barn säger 'pappa gör mamma ont'. Ska jag anteckna det, räcker det för en orosanmälan?"
    assert specific_intent(preschool, PROFESSIONAL, "professional") == "professional"


def test_round_31_misreadings_are_not_made_again():
    # "can she report me for that?" is from the one who sent the threats: no question of reporting
    sent = "i sent my ex a lot of threatening texts when i was drunk. can she report me for that?"
    assert specific_intent(sent, None, "victim") == "victim"
    assert specific_intent("kan hon anmäla mig för det?", None, "victim") == "victim"
    # a brother taking part in what the family decided is not someone worried about his sister
    brother = "familjen har bestämt att min syster inte får gå ut. jag ska hålla koll på henne"
    assert doubted(guess(CONCERNED, 0.66), brother, None).confidence == pytest.approx(0.66)
    worried = "min syster får inte gå ut, pappa slår henne"
    assert doubted(guess(CONCERNED, 0.66), worried, None).confidence == pytest.approx(0.9)


def test_after_112_one_read_as_using_violence_is_spoken_to_as_such_only_when_it_is_sure():
    # rounds 30 and 31: a mother whose daughter came home with a black eye, read 0.63 as one who
    # hits, got Välj att sluta after 112
    unsure = guess(USES_VIOLENCE, 0.63)
    assert danger_writer(USES_VIOLENCE, unsure, None, own_violence=False) is None
    # the message tells of their own violence, the model is all but certain, or the
    # conversation showed it surely
    assert danger_writer(USES_VIOLENCE, unsure, None, own_violence=True) == USES_VIOLENCE
    assert danger_writer(USES_VIOLENCE, guess(USES_VIOLENCE, 0.97), None, False) == USES_VIOLENCE
    assert danger_writer(USES_VIOLENCE, unsure, USES_VIOLENCE, False, evidence=0.96) == USES_VIOLENCE
    assert danger_writer(USES_VIOLENCE, unsure, USES_VIOLENCE, False, evidence=0.7) is None
    # the other roles are as read
    for role in (SUBJECTED, CONCERNED, PROFESSIONAL, None):
        assert danger_writer(role, guess(SUBJECTED, 0.6), None, False) == role


def test_a_question_about_injuries_gets_the_answer_on_care_for_who_is_writing():
    # round 32 told a sister and a friend how to start a talk
    strangled = ("Min syster blev strypt av sin sambo i helgen men säger att hon mår bra nu. "
                 "Är det farligt?")  # fmt: skip
    assert specific_intent(strangled, CONCERNED, "concerned") == "health_care_someone_else"
    to_the_er = "My friend has a black eye and a swollen wrist. Can I take her to the ER?"
    assert specific_intent(to_the_er, CONCERNED, "concerned") == "health_care_someone_else"
    assert decide("health_care", guess(CONCERNED, 0.95)).intent == "health_care_someone_else"
    # the one hurt gets the answer on care; one who hurt someone keeps theirs
    assert specific_intent("han tog stryptag på mig igår, är det farligt?", SUBJECTED, "victim") == (
        "health_care"
    )
    bite = "jag bet min fru i armen och nu ser det infekterat ut, hon vill inte till vårdcentralen"
    assert specific_intent(bite, USES_VIOLENCE, "uses_violence") == "uses_violence"
    # no injury named: how to start the talk
    assert specific_intent("är det farligt att prata med henne om det?", CONCERNED, "concerned") == (
        "concerned"
    )


def test_someone_worried_asking_whether_it_is_violence_gets_the_answer_on_control():
    # round 32 told friends of a controlled girl how to start a talk
    control = ("min kompis kille bestämmer vad hon får ha på sig o vem hon får snacka med men han "
               "slår henne inte. e det ändå typ våld?")  # fmt: skip
    assert specific_intent(control, CONCERNED, "concerned") == "forms_of_violence_someone_else"
    assert decide("forms_of_violence", guess(CONCERNED, 0.95)).intent == (
        "forms_of_violence_someone_else"
    )
    # the one it happens to gets the forms of violence; a question that is not about it keeps
    # the general answer
    assert specific_intent("han läser min mobil varje kväll, är det våld?", SUBJECTED, "victim") == (
        "forms_of_violence"
    )
    assert specific_intent("is this chat anonymous for my friend?", CONCERNED, "concerned") != (
        "forms_of_violence_someone_else"
    )


def test_a_parent_who_used_violence_and_wants_to_see_the_children_gets_the_answer_on_contact():
    # round 32 gave "my ex won't let me see our kids because I pushed her once" the general answer
    pushed = "My ex won't let me see our kids because I pushed her once. What are my rights?"
    assert specific_intent(pushed, USES_VIOLENCE, "uses_violence") == "contact_with_children"
    fled = "hon har flytt till skyddat boende med barnen. har jag inte rätt att träffa mina egna barn?"
    assert specific_intent(fled, USES_VIOLENCE, "uses_violence") == "contact_with_children"
    # not the one who fears the other parent will see them, nor a danger answer
    fears = "jag vill inte att han ska träffa mina barn"
    assert specific_intent(fears, SUBJECTED, "victim") == "victim"
    assert specific_intent(pushed, USES_VIOLENCE, "danger_caused") == "danger_caused"
    # reported for assault and asking about taking the children abroad: whose question is it?
    reported = "Kan jag ta barnen till Irak i sommar utan mamma? Hon har anmält mig för misshandel."
    assert with_premise("children_custody", reported) == "role_unclear"
    assert with_premise("children_custody", "kan jag ta med barnen om jag flyr?") == "children_custody"


def test_round_33s_wrong_persons_are_asked_or_answered_for_who_writes():
    # the one who reported her brother is worried about someone, not reported herself
    reported = "Jag anmälde min bror för att han slog sin fru och nu hatar hela familjen mig"
    assert with_premise("reported_for_violence", reported) == "concerned"
    assert with_premise("reported_for_violence", "hon har anmält mig, vad händer nu?") == (
        "reported_for_violence"
    )
    # checking a partner's phone and asking how to stop: the one who controls
    assert names_self_as_the_one_who_hits("how do i stop checking my boyfriends phone")
    assert not names_self_as_the_one_who_hits("how do i stop him from reading my phone")
    # a friend's threats read 0.6 as the writer's own: torn, so nobody is known and the bot asks
    friend = "min polare har typ dödshot från sitt ex på snap, han screenar allt"
    read = RoleGuess({SUBJECTED: 0.6, CONCERNED: 0.34, UNCLEAR: 0.06}, 0.2)
    assert decide("threat_messages", doubted(read, friend, None)).writer is None
    assert doubted(read, "mitt ex skickar dödshot på snap", None) == read
    # how to make a report of concern: the answer on it, not the one for parents; asked with
    # whether the mother learns who it was, the answer on that (it says how too, with the numbers)
    how = "Hur gör man en orosanmälan till soc?"
    assert with_premise("social_services", how) == "report_concern_child"
    known = "Hur gör man en orosanmälan till soc och får mamman veta att det var jag?"
    assert with_premise("social_services", known) == "reporter_anonymity"


def test_one_who_uses_violence_asking_if_it_can_be_reported_gets_what_is_a_crime():
    # rounds 31 to 33 gave the one who sent threats drunk the general answer
    sent = "Jag skickade en massa hotfulla sms till mitt ex när jag var full. Kan jag bli anmäld för det?"
    assert specific_intent(sent, USES_VIOLENCE, "uses_violence") == "is_it_a_crime_uses_violence"
    assert specific_intent("i sent her threats, can she report me for that?", USES_VIOLENCE, "uses_violence") == (
        "is_it_a_crime_uses_violence"
    )
    # not for the one who hit back: "can he report me?" keeps her answer
    assert specific_intent("jag slog tillbaka, kan han anmäla mig?", SUBJECTED, "victim") == "victim"


def test_what_violence_left_behind_after_leaving_gets_the_feelings_after_violence():
    # rounds 32 and 33 gave the general answer or "it is not your fault"
    shaking = "I left him three months ago but I still shake every time my phone rings. Am I going crazy?"
    assert with_premise("self_blame", shaking) == "feelings_after_violence"
    assert with_premise("feeling_bad", "har gjort slut med honom men kan inte sova på nätterna") == (
        "feelings_after_violence"
    )
    # violence going on is told first: the victim's answer
    assert with_premise("victim", "min man slår mig och jag kan inte sova") == "victim"


def test_round_34s_wrong_persons_are_asked():
    # "fast det är inte jag som slår" is a denial: a mother hit by her partner, read 0.91 as the
    # one who hits, is asked, not told to get help to stop
    mother = ("Han har slagit mig några gånger, senast när min dotter såg på. Jag är så rädd att soc "
              "ska ta henne från mig, fast det är inte jag som slår.")  # fmt: skip
    assert not tells_own_violence(mother)
    assert decide("perpetrator_children", doubted(guess(USES_VIOLENCE, 0.91), mother, None)).intent == (
        ROLE_QUESTION
    )
    # "han slår aldrig tillbaka" is no hitting back: a woman who hits her husband, read 0.93 as
    # the one subjected, is asked before "it is not your fault"
    wife = "Jag har slagit min man. Han slår aldrig tillbaka. Jag skäms så att jag inte kan berätta."
    assert not says_hit_back(wife)
    read = doubted(guess(SUBJECTED, 0.93), wife, None)
    assert decide("feeling_bad", read).intent == ROLE_QUESTION


def test_a_request_after_thanks_is_not_a_goodbye():
    # round 34: "Okej tack. Kan du skriva telefonnummer" got a goodbye without a number
    assert with_premise("thanks", "Okej tack. Kan du skriva telefonnummer") == "nlu_fallback"
    assert with_premise("thanks", "ok thanks. can you give me the number") == "nlu_fallback"
    assert with_premise("thanks", "tack för hjälpen, hej då") == "thanks"


def test_a_parent_or_friend_asking_how_to_speak_to_one_who_hits_gets_that_answer():
    # rounds 32 to 34 gave them the script for helping the one subjected ("do not confront him")
    son = "Jag tror att min son slår sin flickvän. Hur pratar jag med honom om det?"
    assert with_premise("concerned", son) == "concerned_about_one_who_hits"
    mate = "Polare till mig slår sin tjej, alla vet. Hur tar man snacket med en sån utan att det blir fajt"
    assert with_premise("concerned", mate) == "concerned_about_one_who_hits"
    controls = "Min son är 19 och kontrollerar sin flickvän. Finns det nån han kan prata med?"
    assert with_premise("uses_violence", controls) == "concerned_about_one_who_hits"
    # not how to talk to her, not a child whose father hits, not the writer's own violence
    assert with_premise("concerned", "min kompis kille slår henne, hur pratar jag med henne?") == (
        "concerned"
    )
    assert with_premise("concerned", "pappa slår sin sambo, hur pratar jag med honom") == "concerned"
    assert with_premise("uses_violence", "jag slår min flickvän, hur pratar jag med henne") == (
        "uses_violence"
    )


def test_a_broken_restraining_order_gets_what_to_do_when_it_is_broken():
    # rounds 32 to 34 told women who have an order how to apply for one
    outside = "Jag har kontaktförbud mot mitt ex men han står utanför mitt jobb ändå."
    assert with_premise("restraining_order", outside) == "restraining_order_broken"
    drives = "I got a restraining order on my ex in October but he still drives past my work and waits."
    assert with_premise("restraining_order", drives) == "restraining_order_broken"
    # someone worried or at work gets theirs; applying for one, or one against the writer, is not this
    assert decide("restraining_order_broken", guess(CONCERNED, 0.95)).intent == (
        "restraining_order_someone_else"
    )
    assert with_premise("restraining_order", "hur ansöker jag om kontaktförbud? han ringer hela tiden") == (
        "restraining_order"
    )
    assert with_premise("restraining_order", "jag har fått kontaktförbud mot mig men hon ringer mig") == (
        "restraining_order_against_me"
    )


def test_children_kept_abroad_get_what_to_do_now_not_how_to_stop_a_trip():
    # rounds 32 to 34: "the children are there and he says they will not come back"
    kept = ("han tog barnen till sin mamma i turkiet på påsklovet och nu säger han att dom inte "
            "kommer tillbaka. vad gör jag")  # fmt: skip
    assert with_premise("children_custody", kept) == "children_kept_abroad"
    iraq = "My husband take our son to Iraq for visit and now he say they not coming back. What I can do?"
    assert with_premise("police_report", iraq) == "children_kept_abroad"
    assert decide("children_kept_abroad", guess(CONCERNED, 0.95)).intent == "children_abroad_someone_else"
    # a threatened trip is still how to stop it
    threat = "han hotar att ta barnen till irak så att de inte kommer tillbaka"
    assert with_premise("children_custody", threat) == "children_custody"


def test_a_child_telling_of_sexual_abuse_gets_the_young_peoples_answer_on_it():
    # rounds 32 to 35 gave the adults' answer on sexual violence in a marriage, or the general one
    young = guess(SUBJECTED, 0.95, young=0.95)
    assert decide("sexual_violence", young, age=YOUNG).intent == "sexual_violence_young"
    room = "min styvpappa kommer in i mitt rum på nätterna när mamma jobbar. jag är 13"
    assert specific_intent(room, SUBJECTED, "young_person") == "sexual_violence_young"
    assert specific_intent("my stepfather touch me when mom is working nights", SUBJECTED, "young_person") == (
        "sexual_violence_young"
    )
    # hit, not touched: the young people's general answer; an adult keeps hers
    assert specific_intent("pappa slår mig men han rör mig inte på det sättet", SUBJECTED, "young_person") == (
        "young_person"
    )
    assert decide("sexual_violence", guess(SUBJECTED, 0.95), age=ADULT).intent == "sexual_violence"


def test_round_35s_wrong_persons_are_read_as_who_they_said_they_are():
    # "it is about my sister", after a question read as her own: someone worried
    sister = "nej, det gäller inte mig. det gäller min syster"
    read = doubted(guess(SUBJECTED, 0.9), sister, SUBJECTED)
    assert read.role == CONCERNED
    assert specific_intent(sister, CONCERNED, FALLBACK) == "concerned"
    assert doubted(guess(SUBJECTED, 0.9), "det handlar om min man", None).role == SUBJECTED
    # "i am the one doing it", "hur slutar man slå": the one who uses violence
    assert names_self_as_the_one_who_hits("no, he is not hurting me, i am the one doing it")
    assert names_self_as_the_one_who_hits("hur slutar man slå")
    assert names_self_as_the_one_who_hits("kan jag få hjälp att sluta utan att det hamnar hos polisen?")
    assert not names_self_as_the_one_who_hits("kan jag få hjälp att sluta vara rädd för honom")
    # "it gets physical from both sides": violence both ways
    both = "we fight like every couple, sometimes it gets physical from both sides. what actually counts?"
    assert with_premise("forms_of_violence", both) == "mutual_violence"


def test_a_man_hit_by_his_partner_gets_the_answer_for_men():
    # rounds 32 to 35 gave the general answer, which begins with the women's line
    man = "Jag är man, 42 år. Min fru slår mig när hon blir arg. Räknas det ens?"
    assert with_premise("victim", man) == "men_victims"
    assert with_premise("forms_of_violence", "im a guy btw. my gf hits me, is that abuse?") == "men_victims"
    assert with_premise("victim", "min man slår mig") == "victim"
    # the answer says "it is never your fault": asked first of one who may have hit
    assert decide("men_victims", guess(SUBJECTED, 0.95)).intent == "men_victims"
    may_have_hit = RoleGuess({SUBJECTED: 0.75, USES_VIOLENCE: 0.25}, 0.0)
    assert decide("men_victims", may_have_hit).intent == ROLE_QUESTION


def test_someone_close_who_blames_themselves_gets_the_answer_on_their_own_guilt():
    # rounds 32 to 35 told them how to start a talk
    froze = ("såg min kompis kille slå henne på en fest o jag gjorde ingenting, stod bara där. "
             "kan inte sova. kunde jag gjort nåt?")  # fmt: skip
    assert with_premise("concerned", froze) == "concerned_own_guilt"
    unseen = "Min bästa vän levde med en man som slog henne i flera år och jag märkte ingenting. Hur hanterar jag skulden?"
    assert with_premise("feeling_bad", unseen) == "concerned_own_guilt"
    # her own: "he hit me and I did nothing"
    assert with_premise("self_blame", "han slog mig och jag gjorde ingenting, är det mitt fel?") == "self_blame"


def test_someone_worried_about_money_taken_is_told_it_is_violence():
    # round 35 asked "asking for a friend. her bf takes her bank card ... is that normal??" who it
    # is about; rounds 32 to 34 gave such friends the general script
    assert decide("economic_violence", guess(CONCERNED, 0.95)).intent == "forms_of_violence_someone_else"
    assert decide("economic_violence", guess(SUBJECTED, 0.95)).intent == "economic_violence"


def test_a_conversation_that_showed_one_who_uses_violence_keeps_him_without_new_evidence():
    # round 36: "jag knuffade min tjej igår", then "hon är ok tror jag. hon sover hos sin mamma
    # nu" read as someone worried for the rest of the conversation
    later = "hon är ok tror jag. hon sover hos sin mamma nu"
    held = doubted(guess(CONCERNED, 0.98), later, USES_VIOLENCE, evidence=0.95)
    assert held.role == UNCLEAR
    assert decide("concerned", held, USES_VIOLENCE, evidence=0.95).writer == USES_VIOLENCE
    # shown only by an unsure reading, or the message points elsewhere: read as it is
    assert doubted(guess(CONCERNED, 0.98), later, USES_VIOLENCE, evidence=0.6).role == CONCERNED
    assert doubted(guess(SUBJECTED, 0.98), "han slog mig igår", USES_VIOLENCE, evidence=0.95).role == (
        SUBJECTED
    )
    assert doubted(guess(CONCERNED, 0.7), "det gäller min syster", USES_VIOLENCE, evidence=0.95).role == (
        CONCERNED
    )


def test_round_36s_writers_are_read_as_who_they_are():
    # asking how to help someone being hit: someone worried, not "it is not your fault"
    helper = doubted(guess(SUBJECTED, 0.9), "hej jag undrar hur man kan hjalpa nagon som blir slagen", None)
    assert helper.role == CONCERNED
    # checking one's girlfriend's phone, clenching one's fists at a screaming baby: one who
    # uses violence or fears to
    assert names_self_as_the_one_who_hits("räknas det som våld om man kollar sin flickväns mobil")
    assert names_self_as_the_one_who_hits("jag märker att jag står och knyter nävarna när han skriker")
    assert not names_self_as_the_one_who_hits("jag är rädd att han ska skada mig")
    # pushing him while he held her down is defence, not violence both ways
    held = "Jag knuffade honom när han höll fast mig i hallen. Han har slagit mig flera gånger innan."
    assert with_premise("hit_back", held) == "hit_back"


def test_round_37s_wrong_persons_are_read_as_who_they_are():
    # an adult read as young, telling of sexual violence, keeps the adults' answer unless the
    # conversation said she is under 18 (round 37 gave one BRIS and the school nurse)
    read_young = guess(SUBJECTED, 0.95, young=0.95)
    assert decide("sexual_violence", read_young).intent == "sexual_violence"
    # the sister who called the police on her sister's boyfriend is worried, not reported
    called = "Det var jag som ringde polisen på min systers kille och nu vill hon inte prata med mig."
    assert with_premise("reported_for_violence", called) == "concerned"
    # "before i do smth stupid to her", a slap to one's children: one who uses violence or fears to
    assert names_self_as_the_one_who_hits("need to talk to someone before i do smth stupid to her")
    assert names_self_as_the_one_who_hits("är jag en dålig pappa om jag ger barnen en örfil ibland?")
    assert not names_self_as_the_one_who_hits("hon ger barnen en örfil ibland")


def test_someone_worried_stays_worried_and_a_neighbour_who_hears_it_is_worried():
    # round 37: a grandmother who had said who she is, then "min dotters sambo skriker på henne
    # jämt ... pappa tog mamma i halsen", was told to get to a safe place and lock herself in
    told = "min dotters sambo skriker pa henne jamt och lilla killen sa till mig att pappa tog mamma i halsen"
    held = doubted(guess(SUBJECTED, 0.98), told, CONCERNED, evidence=0.95)
    assert held.role == UNCLEAR
    assert decide("danger_now", held, CONCERNED, evidence=0.95).intent == "danger_witness"
    # ... unless the message tells it is the writer after all
    for own in ("det är egentligen jag, han slår mig", "det är faktiskt jag"):
        assert doubted(guess(SUBJECTED, 0.98), own, CONCERNED, evidence=0.95).role == SUBJECTED
    # a neighbour who hears it, and "det är inte jag, det handlar om min syster"
    screams = "Jag hör skrik från lägenheten under mig nästan varje helg. Igår lät det som att någon kastades mot väggen"
    assert doubted(guess(SUBJECTED, 0.9), screams, None).role == CONCERNED
    assert doubted(guess(SUBJECTED, 0.9), "grannarna hör när han slår mig", None).role == SUBJECTED
    sister = "nej det är inte jag, det handlar om min syster"
    assert doubted(guess(UNCLEAR, 0.9), sister, None).role == CONCERNED


def test_a_brother_a_refuse_collector_and_a_friend_are_read_as_worried():
    # round 39: "nej inte mig, det gäller min syster" kept the brother as the one subjected; a
    # refuse collector who hears a woman scream from a house was told to lock himself in; a boy
    # whose friend's mother hits him was read 0.95 as the one hit at home
    sister = "nej inte mig, det gäller min syster. hon lämnade honom i våras"
    for read in (guess(SUBJECTED, 0.8), guess(CONCERNED, 0.79)):
        corrected = doubted(read, sister, SUBJECTED, evidence=0.98)
        assert writer_role(corrected, SUBJECTED, evidence=0.98) == CONCERNED
    house = "jag kör sopbil. tre veckor nu jag hör en kvinna skrika från ett hus, och en man skriker också"
    assert doubted(guess(SUBJECTED, 0.6), house, None).role == CONCERNED
    friend = "kompisens morsa slår han typ varje vecka, han sover hos mig ibland. kan han bo hos oss för gott?"
    assert doubted(guess(SUBJECTED, 0.95), friend, None).role == CONCERNED
    # ... not a child who hears it at home, nor one hit together with a friend
    assert doubted(guess(SUBJECTED, 0.9), "jag hör pappa skrika på mamma varje natt", None).role == SUBJECTED
    hit_too = "min kompis och jag blev slagna av hennes pappa"
    assert doubted(guess(SUBJECTED, 0.9), hit_too, None).role == SUBJECTED


def test_a_neighbour_who_asks_if_the_man_learns_who_called_gets_the_answer_for_witnesses():
    # round 39 gave two neighbours the answer for one who reports her own partner
    tip = "om jag tipsar om min granne, kan han fa reda pa vem som ringt?"
    assert doubted(guess(UNCLEAR, 0.66), tip, None).role == CONCERNED
    assert with_premise("police_report", tip) == "report_for_someone"
    called = "om jag ringer polisen, dom säger till mannen vem ringde? jag vill inte problem med mitt jobb"
    assert with_premise("anonymity", called) == "report_for_someone"
    # her own report of him is hers
    own = "om jag anmäler honom får han veta att det var jag?"
    assert with_premise("police_report", own) == "police_report"


def test_shame_for_staying_and_a_relative_worn_out_get_answers_of_their_own():
    # rounds 36 to 39 gave general answers
    stupid = "i feel so stupid. he did it again last night and i still made him breakfast this morning"
    assert with_premise("victim", stupid) == "ashamed_of_staying"
    inverted = "jag skäms. jag har ett bra jobb och ändå låter jag honom behandla mig så här"
    assert with_premise("self_blame", inverted) == "ashamed_of_staying"
    assert with_premise("victim", "My boyfriend hit me last weekend. I feel so stupid") == "victim"
    assert with_premise("feeling_bad", "skäms så mycket över vad jag gjorde mot henne") == "feeling_bad"
    tired = "syrran gick tillbaka till honom för fjärde gången. orkar inte mer. e ja en dålig människa?"
    assert with_premise("concerned", tired) == "concerned_worn_out"
    # "it is not your fault" is asked first of one who may have hit
    may_have_hit = RoleGuess({SUBJECTED: 0.75, USES_VIOLENCE: 0.25}, 0.0)
    assert decide("ashamed_of_staying", may_have_hit).intent == ROLE_QUESTION
    assert decide("concerned_worn_out", guess(CONCERNED, 0.9)).intent == "concerned_worn_out"


def test_someone_at_work_whose_pupil_is_to_be_married_off_is_told_to_act_before_the_trip():
    # rounds 38 and 39 gave teachers the general answer at work
    at_work = guess(PROFESSIONAL, 0.95)
    for told in (
        "Jag är lärare på högstadiet. En elev har berättat att hon ska giftas bort under sommarlovet.",
        "Lärare här. En elev ska skickas till släkten i Afghanistan efter skolavslutningen",
        'I teach year 9. A pupil says she is going on a "holiday" to Iraq this summer and will stay',
    ):
        answer = specific_answer(decide("professional", at_work), told)
        assert answer.intent == "professional_forced_marriage", told
    assert decide("forced_marriage", at_work).intent == "professional_forced_marriage"
    bruises = specific_answer(decide("professional", at_work), "Jag är lärare. En elev har blåmärken")
    assert bruises.intent == "professional"


def test_a_friend_forced_to_do_things_she_did_not_want_is_told_as_sexual_violence():
    # round 39 gave the worried friend the general script
    forced = "min polare blev typ tvingad av sin kille att göra grejer hon inte ville efter en fest o nu mår hon skit"
    assert decide(with_premise("concerned", forced), guess(CONCERNED, 0.95)).intent == "sexual_violence_concerned"
    assert with_premise("concerned", "han tvingade henne att städa hela natten") == "concerned"


def test_one_who_asks_for_a_group_for_men_who_hit_gets_the_answer_for_those_who_hit():
    # round 39 asked "hur slutar man slå" who it is about and told three who asked about groups
    # for men who hit what calling the victims' lines costs
    for asked in ("hur slutar man slå", "finns det nån grupp för killar som slår? kostar de nåt?",
                  "Is there treatment for men who use violence? How long is the wait?"):
        assert doubted(guess(UNCLEAR, 0.8), asked, None).confidence >= LIMITS.switch_to_uses_violence
        assert doubted(guess(UNCLEAR, 0.8), asked, None).role == USES_VIOLENCE
    assert decide("costs_and_anonymity", doubted(guess(UNCLEAR, 0.8), "finns det grupp för män som slår? vad kostar det", None)).intent == "first_call"
    # ... not for her man, nor when it is done to the writer
    assert doubted(guess(UNCLEAR, 0.8), "finns det hjälp för män som slår? min man behöver det", None).role == UNCLEAR
    assert doubted(guess(SUBJECTED, 0.9), "hur slutar man slå, han slår mig varje dag", None).role == SUBJECTED


def test_questions_about_opening_hours_and_who_answers_are_not_about_cost():
    # round 39 told "när har ni öpet?" and "vilka e ni som svarar" what calling costs
    assert with_premise("costs_and_anonymity", "när har ni öpet?") == "open_now"
    assert with_premise("costs_and_anonymity", "vilka e ni som svarar, e ni psykologer eller poliser elr") == "bot_identity"
    assert with_premise("costs_and_anonymity", "vad kostar det och när har ni öppet?") == "costs_and_anonymity"


def test_round_40s_writers_are_read_as_who_they_are():
    # a woman hit back after he pulled her hair: not Välj att sluta
    hair = "Vi bråkade igen och han tog tag i mitt hår, då slog jag honom i ansiktet så han fick näsblod"
    assert says_hit_back(hair)
    assert not says_hit_back("vi bråkade och då slog jag henne")
    # "no he does not hit me back", from a woman who said she hits: no violence against her
    assert not tells_violence_against_writer("no he does not hit me back")
    assert doubted(guess(SUBJECTED, 0.99), "no he does not hit me back", USES_VIOLENCE, evidence=0.99).role == UNCLEAR
    # a man who tracks his girlfriend, and one who asks for help with his behaviour
    for told in ("i put a tracking app on my girlfriend phone so i can see where she is. is this illegal",
                 "Jag har insett att jag behöver hjälp med mitt beteende mot min familj. Kostar samtal något?"):
        assert names_self_as_the_one_who_hits(told), told
    assert not names_self_as_the_one_who_hits("han satte en app på min telefon så han ser var jag är")
    # threats sent to a sister are no question about this chat's privacy
    threats = "My sister ex keep sending her messages that he know where she live, and he put her address on internet"
    assert with_premise("anonymity", threats) == "threat_messages"
    assert with_premise("anonymity", "syns det om jag skickar meddelanden här?") == "anonymity"


def test_one_who_tells_his_own_control_after_the_question_gets_his_answer_not_the_question_again():
    # round 40 asked "who is it about?" twice in a row
    asked = ["utter_greet", f"utter_{ROLE_QUESTION}"]
    question = Decision(ROLE_QUESTION, USES_VIOLENCE, "asked")
    told = answer_for_own_violence(guess(USES_VIOLENCE, 0.9), own_violence=True)
    assert told == "uses_violence"
    assert not_asked_twice(question, asked, None, told).intent == "uses_violence"
    # not on a reading less sure than told_own, nor without their own violence told
    assert answer_for_own_violence(guess(USES_VIOLENCE, 0.7), own_violence=True) is None
    assert answer_for_own_violence(guess(USES_VIOLENCE, 0.9), own_violence=False) is None
    assert not_asked_twice(question, asked, None, None).intent == ROLE_QUESTION


def test_round_41s_victims_who_hit_back_and_a_worried_friend_are_not_misread():
    # "nu säger mamma att det är jag som är våldsam": her mother's words, and she hit back
    teen = ("jag slog tillbaka på min storebror igår när han tog tag i mig igen. nu säger mamma att "
            "det är jag som är våldsam. är jag det?")  # fmt: skip
    assert not names_self_as_the_one_who_hits(teen)
    assert doubted(guess(SUBJECTED, 0.97), teen, None).role == SUBJECTED
    # "I hit her. Back home it was normal" is no hitting back
    syria = "I shout to my wife and one time I hit her. Back home it was normal, here I understand it is not."
    assert not says_hit_back(syria)
    assert says_hit_back("he grabbed me and I hit him back.")
    # a friend's rape read as torn between her and the friend: asked before "not your fault"
    torn_reading = RoleGuess({SUBJECTED: 0.481, CONCERNED: 0.481, UNCLEAR: 0.038}, 0.0)
    assert decide("sexual_violence", torn_reading).intent == ROLE_QUESTION
    assert decide("sexual_violence", RoleGuess({SUBJECTED: 0.45, UNCLEAR: 0.55}, 0.0)).intent == "sexual_violence"


def test_one_subjected_stays_so_when_she_names_her_sister():
    # round 42: "Min syster bor i en etta med sin kille, jag kan inte vara där", after she told of
    # her partner, read 0.98 as worried; answered about her sister for three turns
    sister = "Min syster bor i en etta med sin kille, jag kan inte vara där"
    held = doubted(guess(CONCERNED, 0.98), sister, SUBJECTED, evidence=0.95)
    assert held.role == UNCLEAR
    assert writer_role(held, SUBJECTED, evidence=0.95) == SUBJECTED
    # ... unless she says it is someone else
    said = "nej inte mig, det gäller min syster"
    assert writer_role(doubted(guess(CONCERNED, 0.98), said, SUBJECTED, evidence=0.95), SUBJECTED, evidence=0.95) == CONCERNED


def test_a_bare_age_from_someone_worried_is_the_age_of_the_one_they_write_about():
    # round 45: a mother's "14 år" about her daughter's friend made her a child (BRIS after it)
    assert writers_age("14 år", CONCERNED) is None
    assert writers_age("she is 82", PROFESSIONAL) is None
    assert writers_age("14 år", SUBJECTED) == YOUNG
    assert writers_age("14", None) == YOUNG
    assert writers_age("jag är 15 och orolig för min kompis", CONCERNED) == YOUNG


def test_a_trip_abroad_still_to_come_gets_how_to_stop_it_not_children_already_kept_abroad():
    # round 45: "Kan jag vägra skriva på deras pass?" got the answer for children kept abroad,
    # "Min man vill ta barnen till Irak i sommar. Kan jag stoppa det?" the one on residence permits
    ahead = ("Han pratar om att ta med dem till sin bror i Turkiet i sommar. Kan jag vägra skriva "
             "på deras pass?")  # fmt: skip
    assert with_premise("children_kept_abroad", ahead) == "children_custody"
    assert with_premise("children_kept_abroad", "han hotar att ta barnen till Irak") == (
        "children_custody"
    )
    stop = "Min man vill ta barnen till Irak i sommar. Kan jag stoppa det? Jag har bara uppehållstillstånd"
    assert with_premise("residence_permit", stop) == "children_custody"
    assert with_premise("children_custody", stop) == "children_custody"  # stable when read again
    # children already gone, also when a holiday or passports are named
    for kept in ("han tog barnen till Turkiet och nu säger han att dom inte kommer tillbaka",
                 "He took the kids on holiday to Iraq and now says they will not come back, he "
                 "has their passports"):  # fmt: skip
        assert with_premise("children_kept_abroad", kept) == "children_kept_abroad", kept
    assert with_premise("residence_permit", "om jag lämnar honom blir jag utvisad då? vi har två barn") == (
        "residence_permit"
    )


def test_a_bare_age_from_someone_worried_or_at_work_gets_the_answer_for_that_persons_age():
    assert answer_for_their_age(CONCERNED, YOUNG) == "report_concern_child"
    assert answer_for_their_age(PROFESSIONAL, ADULT) == "professional_adult"  # "she is 82"
    assert answer_for_their_age(SUBJECTED, YOUNG) is None  # the writer's own age
    assert answer_for_their_age(CONCERNED, None) is None


def test_whether_the_family_learns_who_reported_is_answered_whatever_the_topic_read():
    question = "måste jag säga mitt namn om jag anmäla"
    for topic in ("first_call", "anonymity", "concerned", FALLBACK):
        assert with_premise(topic, question) == "reporter_anonymity", topic
    assert with_premise("danger_witness", question) == "danger_witness"


def test_a_man_hit_by_his_wife_who_says_he_never_hit_her_is_not_taken_for_the_one_who_hits():
    # round 45: "no i never hit her" after "my wife hits me" got Välj att sluta three times
    reading = doubted(guess(USES_VIOLENCE, 0.9), "no i never hit her", SUBJECTED)
    assert decide("uses_violence", reading, SUBJECTED).writer == SUBJECTED


def test_a_role_the_conversation_showed_becomes_the_one_who_hits_only_on_told_violence():
    # round 46: a teacher's "Men hur gör jag det utan att hon tappar förtroendet för mig?" read
    # 0.99 as one who uses violence, and a mother's "det är inte jag som blir slagen. det är min
    # dotter" kept the answer for those who hit
    certain = guess(USES_VIOLENCE, 0.99)
    for earlier in (PROFESSIONAL, CONCERNED, SUBJECTED):
        assert decide("uses_violence", certain, earlier).writer == earlier, earlier
        assert decide("uses_violence", certain, earlier, own_violence=True).writer == USES_VIOLENCE
    mother = "nej det ar inte jag som blir slagen. det ar min dotter"
    assert doubted(guess(CONCERNED, 0.57), mother, USES_VIOLENCE).role == CONCERNED
