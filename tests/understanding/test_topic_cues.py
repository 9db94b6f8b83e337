"""Cues in bot/understanding/topic_cues.py that need no model."""

from bot.understanding.topic_cues import asks_if_the_reporter_is_known, opens_with_a_greeting


def test_an_opening_line_begins_with_a_greeting():
    for text in ("hej. jag undrar en sak", "Hejsan! kan jag fråga", "salaam, är detta för män", "hi"):
        assert opens_with_a_greeting(text), text
    for text in ("hejdå", "hjälp han har en kniv", "they said hi to me", "min man slår mig. hej"):
        assert not opens_with_a_greeting(text), text


def test_asking_whether_the_family_learns_who_reported():
    # rounds 44 and 45 answered these with the chat's privacy text, or not at all
    for text in ("om jag ringer socialtjänsten får mina föräldrar veta att det var jag då?",
                 "måste jag säga mitt namn om jag anmäla",
                 "Can I report it to social services without my name?",
                 "If I tip off social services about my neighbour, will she find out it was me?",
                 "if i tell a teacher will her parents find out it was me",
                 "Får föräldrarna veta att det är vi som har anmält?"):  # fmt: skip
        assert asks_if_the_reporter_is_known(text), text
    # the chat's own privacy, a restraining order, and a tip to the police (its own answer)
    for text in ("kan man vara anonym här?", "is it anonymous? i dont want my name anywhere",
                 "far dom veta att det var jag som ansokte om kontaktforbud",
                 "om jag tipsar polisen om min granne, kan han få reda på vem som ringt?",
                 # the writer's own report of the one who hurts them, or being reported
                 "om jag anmäler honom får han veta att det var jag?",
                 "asså om man anmäler sin pappa, får han veta att det var jag då?",
                 "Om jag berättar att jag har slagit min flickvän, anmäler ni mig då? Är det anonymt?",
                 "I want to stop but I'm scared of being reported. Is it anonymous?"):  # fmt: skip
        assert not asks_if_the_reporter_is_known(text), text
