"""The one reader of the dialogue files (bot/core/dialogue_files.py), on a small made-up project."""

from bot.core import dialogue_files


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_intents_rules_and_examples_as_the_files_say(tmp_path):
    write(tmp_path / "domain" / "b_help.yml", "intents:\n  - help\n  - stop: {use_entities: []}\n")
    write(tmp_path / "domain" / "a_empty.yml", "")
    write(
        tmp_path / "data" / "rules" / "help.yml",
        "rules:\n"
        "  - rule: help or stop\n"
        "    steps:\n"
        "      - or: [{intent: help}, {intent: stop}]\n"
        "      - action: utter_help\n"
        "      - action: action_log\n"
        "  - rule: two turns\n"
        "    steps: [{intent: help}, {action: utter_help}, {intent: stop}, {action: utter_stop}]\n",
    )
    write(
        tmp_path / "data" / "nlu" / "help.yml",
        "nlu:\n  - intent: help\n    examples: |\n      - hjälp\n      - help me\n"
        "  - lookup: places\n    examples: |\n      - Örebro\n",
    )
    declared = dialogue_files.declared_intents(tmp_path)
    assert list(declared) == ["help", "stop"] and declared["stop"].topic == "b_help"
    rules = dialogue_files.one_turn_rules(tmp_path)  # the two-turn rule answers no single intent
    assert rules["stop"].label == "help.yml: help or stop"
    assert rules["help"].actions == ["utter_help", "action_log"]
    assert dialogue_files.answered_intents(tmp_path) == {"help", "stop"}  # no stories: fine
    assert dialogue_files.examples(tmp_path) == {"help": ["hjälp", "help me"]}
