"""The deterministic danger detector: what must and must not be flagged."""

import pytest

from bot.understanding.danger import (
    DANGER_NOW,
    MEDICAL,
    SUICIDAL,
    anothers_suicide,
    asks_what_to_do,
    detect,
    normalise,
    own_violence,
    spoken_forms,
)

DANGER_MESSAGES = [
    "Han slår mig nu",
    "han slar mig nu",
    "HAN SLÅR MIG JUST NU!!",
    "nu slår han mig igen",
    "han har en kniv",
    # a weapon in a compound, threats to kill in everyday words (rounds 31 and 32)
    "han har ett jaktgevär i garderoben",
    "han sa att om jag tar barnen och går ska han se till att ingen av oss lever",
    "om jag lämnar honom tar han livet av sig. och av mig",
    "he said he would kill himself and then me",
    "my family say if i am not virgin when i marry i bring shame and they will kill me",
    "Han tog strypgrepp på mig igår",
    "min pappa hotar att döda mig",
    "han ska ta livet av mig",
    "jag är inlåst i badrummet",
    "han står utanför dörren",
    "de ska gifta bort mig i sommar",
    "jag är rädd att de tar mig till hemlandet, de ska skicka mig utomlands",
    "he is hitting me right now",
    "he has a gun",
    "he threatened to kill me",
    "ska jag ringa 112 eller är det överdrivet",  # round 27's BG12, mid-conversation
    "should I call 112?",
    "they locked me in",
    "he is outside my door",
    "they want to send me back home to marry",
    "my family is taking me abroad next week",
    "يضربني",  # Arabic: he hits me
    "منو میزنه",  # Persian: he hits me
    "wuu i garaacayaa",  # Somali: he is beating me
    "ሓገዝ",  # Tigrinya: help
    "mąż mnie bije, pomocy",  # Polish
]

SUICIDAL_MESSAGES = [
    "jag vill inte leva längre",
    "Ibland tänker jag att det vore bättre om jag inte fanns.",  # round 46
    "sometimes I think everyone would be better off if I was dead",
    "Jag vill dö",
    "jag tänker på självmord",
    "sjalvmord",
    "jag vill ta livet av mig",
    "har tänkt ta livet av mig",
    "I want to kill myself",
    "i don't want to live",
    "أفكر في الانتحار",  # Arabic
    "chcę umrzeć",  # Polish
]

MEDICAL_MESSAGES = [
    "Jag är rädd att jag ska skada min bebis. Hon skriker hela nätterna och igår skakade jag henne.",
    "my baby would not stop crying and I shook her",
    "hon andas inte",
    # a shaken baby may be hurt without a mark (round 31's parent got no 112)
    "jag skakade min bebis igår när hon inte slutade skrika. hon verkar ok nu",
    "I shook my baby last night",
    "jag har tagit en massa tabletter",
    "svalde typ 30 alvedon",
    "blöder från huvudet",
    "han slog henne i huvudet och nu är hon förvirrad och kräks",
    "jag är gravid och han sparkade mig i magen, det gör ont",
    "bebisen har inte rört sig sen i morse",
    "hon svimmade när han slog henne och nu vet hon inte vilken dag det är",
    "he is not breathing",
    "she passed out and won't wake up",
    "i took a whole bottle of pills",
    # red flags for which 1177 says to call 112
    "pappa är sned i munnen och kan inte lyfta armen",
    "mamma sluddrar helt plötsligt",
    "han har ont i bröstet och svettas",
    "jag får ingen luft",
    "hon krampar och svarar inte",
    "he collapsed in the kitchen",
    "her lips are turning blue",
    "jag tog alla som var kvar i burken",
    "lillebror har druckit diskmedel",
    "paracetamol, hur farligt är det? tog 30 st i natt",
    "idag fick jag inte luft när han tog mig om halsen",
]

# Defused: long ago, a dream, a joke, a denial. The model weighs these, not the patterns.
DEFUSED_MESSAGES = [
    "han ströp mig för två år sedan, nu bor jag själv",
    "jag drömde att han hade en kniv",
    "mamma kommer döda mig när hon ser betyget",
    "min bror sa han ska döda mig i fifa ikväll lmaooo",
    "jag vill inte dö, jag är bara trött",
    "jag hade självmordstankar i nian men mår bra nu",
]

SAFE_MESSAGES = [
    "Hej",
    "my gf said she'll kill me if i watch the next episode without her",
    "ska jag ringa polisen och anmäla det som hände förra året?",  # a report, not 112
    "jag tar min medicin varje dag",
    "jag har migrän och kräks",
    "Är det här anonymt?",
    "Hur gör jag en polisanmälan?",
    "min man kontrollerar mina pengar",
    "jag har använt våld och vill sluta",
    "vem kan jag ringa nu",
    "nu vet jag inte vad jag ska göra",
    "Is this anonymous?",
    "jag har svårt att andas när jag får panik ibland",
    "han sluddrar när han är full",
    "he is not responding to my texts",
    "jag har ätit 10 st ipren i veckan mot ryggvärken",
]


@pytest.mark.parametrize("text", DANGER_MESSAGES)
def test_immediate_danger_is_detected(text):
    verdict = detect(text)
    assert verdict is not None and verdict.kind == DANGER_NOW


@pytest.mark.parametrize("text", SUICIDAL_MESSAGES)
def test_suicidal_thoughts_are_detected(text):
    verdict = detect(text)
    assert verdict is not None and verdict.kind == SUICIDAL


@pytest.mark.parametrize("text", MEDICAL_MESSAGES)
def test_medical_emergencies_are_detected(text):
    verdict = detect(text)
    assert verdict is not None and verdict.kind == MEDICAL


@pytest.mark.parametrize("text", SAFE_MESSAGES + DEFUSED_MESSAGES)
def test_ordinary_messages_are_not_danger(text):
    assert detect(text) is None


def test_a_defuser_reaches_only_its_own_sentence():
    assert detect("han slog mig för två år sedan. nu står han utanför dörren") is not None


def test_first_person_violence_is_told_apart():
    assert own_violence("jag slog henne nyss och nu blöder hon")
    assert own_violence("i just hit my wife")
    assert not own_violence("han slog mig och jag är rädd")
    # a slap given, not one received (round 23: a brother read as a worried relative)
    assert own_violence("i fredags kom hon hem 23 och jag gav henne en lavett")
    assert own_violence("jag gav min son en smäll")
    assert not own_violence("han gav mig en lavett") and not own_violence("jag fick en örfil")
    assert not own_violence("jag gav henne en present")
    # hitting back is no violence of one's own to the danger answer either (round 27)
    assert own_violence("I punched him back last night")  # the pattern; triage removes it
    # "ja" for "jag", the verb without its ending (round 26)
    assert own_violence("Ja e inte nån kvinnomisshandlare men ja knuffa henne o hon ramla")
    assert not own_violence("ja, han knuffa mig igen") and not own_violence("ja hon slog mig")
    # the writer's anger, then a violent act, with "jag" dropped (round 24's BV08)
    assert own_violence("hon sa att hon ska lamna mig. blev skitarg och tog hennes mobil och "
                        "knuffade henne mot soffan")  # fmt: skip
    assert not own_violence("han blev arg och slog mig") and not own_violence("blev arg och slog mig")
    # "jag" left out at the start of a sentence, and English verbs of grabbing and throwing
    assert own_violence("tappade det mot sambon igår, tog strypgrepp typ en sekund")
    assert own_violence("kastade mobilen på lillbrorsan och han blödde")
    assert own_violence("i grabbed my boyfriend by the throat")
    assert own_violence("last night i threw a glass at my husband")
    # ... but not the writer's story of what someone else did
    assert not own_violence("igår kastade han min telefon i väggen")
    assert not own_violence("min kille tog min mobil och kastade den i väggen")
    # "hurt" done to someone, not a pain of one's own (round 18: a woman pushed into a wall)
    assert own_violence("I hurt her last night and I hate myself")
    assert not own_violence("ok he is sleeping now. he push me to the wall. i am ok just my arm hurt")
    # a bump against something (round 22: a 13-year-old pushed by her mother got the answer for
    # someone who has hurt another)
    assert not own_violence("my mum pushed me and I hit my head on the table, I feel dizzy")
    assert not own_violence("han knuffade mig så jag slog i huvudet i bordet")
    assert own_violence("jag slog honom i huvudet")
    assert own_violence("I hit him in the head")
    assert not own_violence("slog mig i huvudet när jag ramlade")


def test_normalise_removes_swedish_diacritics_case_and_spaces():
    assert normalise("  Hjälp   MIG, han SLÅR  ") == "hjalp mig, han slar"


@pytest.mark.parametrize(
    "hidden", ["han har en k\u200bniv", "han har en k\u00adniv", "HAN HAR EN ＫＮＩＶ"]
)
def test_invisible_and_fullwidth_characters_do_not_hide_danger(hidden):
    assert detect(hidden) is not None


def test_normalise_unifies_persian_zero_width_joiner():
    assert normalise("می\u200cزند") == normalise("میزند")


def test_spoken_spellings_of_me_are_read_as_written():
    # round 8: "han har hotat att döda mej ..." got no 112 at all
    threat = "han har hotat att döda mej om ja lämnar honom, ja e så rädd att ja inte vågar sova"
    verdict = detect(threat)
    assert verdict is not None and verdict.kind == "danger_now"
    assert detect("han har hotat att döda dej") is not None
    assert spoken_forms("han slar mej") == "han slar mig"
    assert spoken_forms("mejl och dejting") == "mejl och dejting"  # only the whole words


def test_someone_elses_suicide_is_told_apart_from_the_writers_own():
    for text in ("nej hon vill inte. hon sa att hon hellre dör", "min syster vill inte leva längre",
                 "han säger att han tar livet av sig om jag lämnar honom",
                 "my brother says he wants to die"):  # fmt: skip
        assert anothers_suicide(text), text
    for text in ("jag vill dö", "I want to die, my mum doesn't know",
                 "hon vill inte leva med honom längre"):  # fmt: skip
        assert not anothers_suicide(text), text


def test_someone_elses_wish_to_die_told_by_a_moderator_is_theirs():
    # round 36 asked a Discord moderator whether his own life was in danger
    assert anothers_suicide("someone in my discord server keeps saying they wanna die. im just a mod")
    assert not anothers_suicide("i wanna die")


def test_violence_going_on_now_and_a_question_where_to_run_are_told_apart():
    # round 40: a neighbour's "det låter som det håller på just nu" got how control works, and
    # "kan jag gå till grannen?" while he was on his way home got the anonymity text
    assert detect("ok. det låter som det håller på just nu faktiskt").kind == DANGER_NOW
    assert detect("vi håller på att separera just nu") is None
    assert asks_what_to_do("kan jag gå till grannen?")
    assert asks_what_to_do("should i run to the neighbours?")
    assert not asks_what_to_do("kan jag gå till kuratorn och prata om det som hände förra året när han slog mig")
