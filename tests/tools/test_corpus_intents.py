"""The role corpus as topic training data: each message's writer and need name an answer."""

import yaml

from bot.tools.corpus_intents import BY_NEED, intent_for, nlu_data, write_nlu
from bot.tools.training import INPUTS
from bot.understanding.role_model import TRAIN_DIR, RoleExample, corpus_files, load_examples


def example(text: str, role: str, need: str, young: bool = False, lang: str = "sv") -> RoleExample:
    return RoleExample(text=text, role=role, need=need, young=young, lang=lang)


def test_the_same_need_gets_the_answer_for_who_is_writing():
    need = "children_and_social_services"
    assert intent_for(example("tar soc mina barn?", "subjected", need)) == "children_social_services"
    assert intent_for(example("tar soc mina barn?", "uses_violence", need)) == (
        "perpetrator_children"
    )
    assert intent_for(example("min granne slår sina barn", "concerned", need)) == (
        "report_concern_child"
    )
    assert intent_for(example("han slår mig", "subjected", "support")) == "victim"
    assert intent_for(example("pappa slår mig", "subjected", "support", young=True)) == (
        "young_person"
    )


def test_a_few_words_choose_between_two_answers_to_one_need():
    need = "anonymity_or_hiding_traces"
    assert intent_for(example("syns det att jag ringt?", "unclear", need)) == "anonymity"
    assert intent_for(example("hur raderar jag historiken", "unclear", need)) == "hide_traces"
    concern = "how_to_help_someone"
    assert intent_for(example("min vän blir slagen", "concerned", concern)) == "concerned"
    assert intent_for(example("min kusin ska giftas bort", "concerned", concern)) == (
        "concerned_honour"
    )
    assert intent_for(example("min kompis blir slagen", "concerned", concern, young=True)) == (
        "concerned_young"
    )
    stop = "stop_own_violence"
    assert intent_for(example("ja slog min lillebror", "uses_violence", stop, young=True)) == (
        "uses_violence_young"
    )
    asked = "is_it_violence"
    assert intent_for(example("räknas det som hedersvåld?", "unclear", asked)) == "honour_explained"
    assert intent_for(example("är det våld om han skriker?", "unclear", asked)) == "forms_of_violence"
    work = "how_to_help_someone"
    patient = "jag är sjuksköterska och en patient säger att maken slår henne"
    assert intent_for(example(patient, "professional", work)) == "professional_adult"
    pupil = "jag är lärare och en elev säger att hennes pappa slår mamma"
    assert intent_for(example(pupil, "professional", work)) == "professional"
    assert intent_for(example("finns det rådgivning för oss", "professional", work)) == (
        "professional"
    )
    # the one who hit back and fears a report; nude pictures spread
    police = "police_or_report"
    back = "jag slog tillbaka när han tog strypgrepp, nu ska han polisanmäla MIG"
    assert intent_for(example(back, "subjected", police)) == "hit_back"
    assert intent_for(example("i hit him back once, am i the abuser", "subjected", "support")) == (
        "hit_back"
    )
    assert intent_for(example("kan jag polisanmäla honom?", "subjected", police)) == "police_report"
    threats = "digital_or_threat_messages"
    nudes = "mitt ex hotar att lägga ut mina nakenbilder"
    assert intent_for(example(nudes, "subjected", threats)) == "image_abuse"
    assert intent_for(example("han skickar hot på sms", "subjected", threats)) == "threat_messages"
    forced = "jag fortsatte fast hon sa nej"  # the topic; the role check gives him his own answer
    assert intent_for(example(forced, "uses_violence", "sexual_violence")) == "sexual_violence"
    # a father or brother who controls a girl for honour; remorse alone is no honour
    guard = "vår dotter ska inte dra skam över familjens rykte, jag tar hennes telefon"
    assert intent_for(example(guard, "uses_violence", "stop_own_violence")) == "controls_for_honour"
    marry = "we found a good man for our daughter, how do we make her say yes"
    assert intent_for(example(marry, "uses_violence", "forced_marriage_or_abroad")) == (
        "controls_for_honour"
    )
    ashamed = "I hit my wife when I was drunk and I am so ashamed"
    assert intent_for(example(ashamed, "uses_violence", "stop_own_violence")) == "uses_violence"


def test_what_the_mapping_cannot_place_is_left_out():
    assert intent_for(example("hej", "unclear", "other")) is None
    assert intent_for(example("jag vill sluta slå", "uses_violence", "leave_or_shelter")) is None
    assert intent_for(example("زوجي يضربني", "subjected", "support", lang="ar")) is None


def test_every_mapped_intent_is_one_the_bot_answers():
    domain_intents = set()
    for path in (TRAIN_DIR.parents[2] / "domain").glob("*.yml"):
        domain_intents |= set(yaml.safe_load(path.read_text(encoding="utf-8")).get("intents") or [])
    mapped = {intent for by_role in BY_NEED.values() for intent in by_role.values()}
    assert mapped <= domain_intents


def test_the_written_training_data_is_rasa_nlu_with_the_corpus_messages(tmp_path):
    out = tmp_path / "nlu.yml"
    count = write_nlu(out)
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    examples = [line for item in data["nlu"] for line in item["examples"].splitlines()]
    assert data["version"] == "3.1" and count == len(examples) > 1000
    corpus = load_examples(corpus_files(TRAIN_DIR))
    placed = [e for e in corpus if intent_for(e)]
    assert sorted(examples) == sorted(f"- {' '.join(e.text.split())}" for e in placed)
    assert nlu_data([])["nlu"] == []
    # the model is retrained when the corpus or the mapping changes
    assert "data/roles/train" in INPUTS and "bot/tools/corpus_intents.py" in INPUTS
