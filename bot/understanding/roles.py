"""Whose answer to give: the topic classifier's intent checked against who is writing.

Many answers speak to one role: "Det är inte ditt fel" to the person subjected, "Det du gör är
ditt ansvar" to the one who uses violence, "Bra att du bryr dig" to someone worried about
another. An answer for the wrong role is worse than a question, so:
- the writer's role is the role model's guess (bot/understanding/role_model.py) when it is sure
  enough, else the role this conversation already showed (a sure guess or a button earlier), which a
  later message changes only when the model is all but certain;
- an intent whose answer speaks to another role than the writer's is switched to the writer's
  own general answer when the model is very sure, and otherwise the bot asks (`ROLE_QUESTION`);
- the answer for those who use violence needs evidence: without a role, the bot asks, and it
  switches another answer to that one only when the model is all but certain, or (for an
  answer that has a counterpart for them) when the conversation showed it and the message does
  not point elsewhere;
- whom 112 speaks to follows the same evidence; unsure, 112 for anyone and a question.

The cut-offs are set on the development set (`python -m bot evaluate --roles`); `decide` is pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.understanding.age_cues import ADULT, YOUNG, only_an_age, said_age
from bot.understanding.danger_dialogue import INTENTS as DANGER_INTENTS
from bot.understanding.danger_dialogue import NOT_A_TOPIC
from bot.understanding.danger_dialogue import (
    UNSURE as DANGER_UNSURE,  # 112 first, then "in danger?"
)
from bot.understanding.role_cues import (
    against_the_writer,
    asks_about_one_who_hits,
    asks_at_work,
    defended_self,
    denies_own_violence,
    guilty_bystander,
    hears_the_neighbours,
    hurt_by_own_child,
    keeps_a_girl_in_the_family,
    names_self_as_the_one_who_hits,
    points_away_from_own_violence,
    says_hit_back,
    says_it_is_someone_else,
    says_own_job,
    seeks_protection,
    someone_else_wants_to_stop,
    someone_hurts_writer,
    tells_it_is_the_writer,
    tells_mutual_violence,
    tells_of_a_friends_home,
    tells_of_someone_close,
    tells_of_violence,
    tells_own_violence,
)
from bot.understanding.role_model import (
    CONCERNED,
    PROFESSIONAL,
    SUBJECTED,
    UNCLEAR,
    USES_VIOLENCE,
    RoleGuess,
)
from bot.understanding.topic_cues import (
    about_honour,
    about_money,
    about_pregnancy,
    about_residence_permit,
    about_secret_address,
    about_sexual_violence,
    about_shelter,
    after_effects,
    ashamed_of_staying,
    asks_about_documenting,
    asks_about_injury_care,
    asks_about_language,
    asks_about_telling_the_family,
    asks_for_a_place_to_stay,
    asks_how_to_report_a_concern,
    asks_how_to_talk,
    asks_if_it_is_violence,
    asks_if_lawful,
    asks_if_men_may_write,
    asks_if_reportable,
    asks_if_reported,
    asks_if_someone_is_there,
    asks_if_the_reporter_is_known,
    asks_opening_hours,
    asks_own_duty_to_report,
    asks_something,
    asks_what_honour_is,
    asks_where_she_is,
    asks_where_to_refer,
    asks_whether_to_report,
    children_kept_abroad,
    children_taken_abroad,
    hits_own_child,
    married_off_or_sent_abroad,
    mentions_children,
    names_a_child_at_work,
    names_a_concern_report,
    names_adult_child,
    names_an_adult_at_work,
    names_another_municipality,
    names_kids,
    names_men,
    names_old_age,
    names_protected_details,
    names_restraining_order,
    names_virginity,
    order_against_writer,
    order_is_broken,
    reported_someone,
    reported_writer,
    reports_someone_else,
    tells_of_sexual_abuse,
    tells_of_threats_sent,
    trip_still_to_come,
    wants_to_see_own_children,
    wants_to_volunteer,
    worn_out_by_going_back,
    writer_is_a_man,
)

ROLE_QUESTION = "role_unclear"  # the intent whose answer asks who the message is about
CALM = "safe_now"  # "he has left, I'm safe now"
FALLBACK = "nlu_fallback"
# Questions outside violence (the answer names Servicecenter)
OUT_OF_SCOPE = frozenset({"out_of_scope", "municipal_other"})

# The role each answer speaks to; intents not listed answer anyone (opening hours, anonymity,
# police reports, the danger answers that put 112 first).
ANSWER_ROLE: dict[str, str] = {
    **dict.fromkeys(
        (
            "victim", "self_blame", "shelter", "shelter_young", "safety_plan", "digital_safety", "health_care",
            "men_victims", "lgbtq_victims", "older_victims", "disability_victims",
            "honour", "virginity", "forced_marriage", "honour_rights", "young_person",
            "sexual_violence", "threat_messages", "children_custody", "residence_permit",
            "economic_violence", "pregnancy", "protected_identity",
            "hit_back",  # "I hit back, now he says he'll report me": for the one attacked
            "adult_reports_concern",  # "if I tell at school": to a young person at home
            "forms_of_violence",  # "Känner du igen dig?": to the one it may happen to
            "feelings_after_violence", "restraining_order_broken", "children_kept_abroad",
            "sexual_violence_young", "ashamed_of_staying", "costs_and_anonymity_subjected",
        ),
        SUBJECTED,
    ),
    **dict.fromkeys(
        ("uses_violence", "uses_violence_young", "first_call", "perpetrator_children",
         "reported_for_violence", "uses_sexual_violence", "danger_caused", "controls_for_honour",
         "interpreter_uses_violence", "is_it_a_crime_uses_violence", "restraining_order_against_me",
         "outside_orebro_uses_violence", "contact_with_children"),
        USES_VIOLENCE,
    ),
    "danger_now": SUBJECTED,  # "get to a safe place": for the one in danger
    **dict.fromkeys(
        ("concerned", "concerned_young", "concerned_honour", "danger_witness", "report_for_someone",
         "sexual_violence_concerned", "outside_orebro_someone_else", "health_care_someone_else",
         "forms_of_violence_someone_else", "concerned_own_guilt", "concerned_worn_out"),
        CONCERNED,
    ),
    **dict.fromkeys(
        ("professional", "professional_adult", "professional_consult", "interpreter_professional",
         "professional_evidence", "professional_referral", "professional_other_municipality",
         "professional_virginity", "professional_forced_marriage"),
        PROFESSIONAL,
    ),
}  # fmt: skip

# The roles' names as staff read them (reports, the review page)
ROLE_NAMES = {
    SUBJECTED: "utsatt",
    USES_VIOLENCE: "utövar våld",
    CONCERNED: "orolig för någon",
    PROFESSIONAL: "i sitt arbete",
}
# Each role's general answer, given instead of an answer for another role.
ROLE_INTENT = {
    SUBJECTED: "victim",
    USES_VIOLENCE: "uses_violence",
    CONCERNED: "concerned",
    PROFESSIONAL: "professional",
}
YOUNG_INTENT = "young_person"  # the general answer for someone subjected who is under 18
# Buttons whose choice says who is writing: the roles' general answers
BUTTON_ROLES = frozenset({*ROLE_INTENT.values(), YOUNG_INTENT})
# A role's general answer for someone under 18
YOUNG_ANSWER = {
    SUBJECTED: YOUNG_INTENT,
    USES_VIOLENCE: "uses_violence_young",
    CONCERNED: "concerned_young",
}
# A few answers have a better counterpart for another role than the general one; the
# counterpart is given also for an answer to anyone ("will they take my children?" from a parent
# who has hit gets the answer for parents who use violence).
COUNTERPART = {
    ("perpetrator_children", CONCERNED): "report_concern_child",
    ("concerned_honour", SUBJECTED): "honour",
    ("children_social_services", USES_VIOLENCE): "perpetrator_children",
    # "can I report to social services even if I'm not the parent?": not the parents' answer
    ("children_social_services", CONCERNED): "report_concern_child",
    ("children_social_services", PROFESSIONAL): "professional",
    ("adult_reports_concern", CONCERNED): "report_concern_child",
    ("adult_reports_concern", PROFESSIONAL): "professional",
    ("adult_reports_concern", USES_VIOLENCE): "perpetrator_children",
    # "jag har kontaktförbud mot mitt ex" from the one it protects
    ("reported_for_violence", SUBJECTED): "restraining_order",
    ("children_custody", USES_VIOLENCE): "perpetrator_children",
    # "if I go to a shelter, will social services take my son?" from someone subjected: what
    # social services do, not the answer for parents who use violence (rounds 4 to 15 asked)
    ("perpetrator_children", SUBJECTED): "children_social_services",
    # "is there help for women who are violent?", "ja jag vet att det e fel": from someone the
    # conversation showed using violence, their answer (rounds 3 to 16 asked who it is about)
    ("men_victims", USES_VIOLENCE): "uses_violence",
    # "Jag har betett mig illa mot min sambo. Får jag skriva här?": yes, and their answer
    ("who_can_write", USES_VIOLENCE): "uses_violence",
    ("self_blame", USES_VIOLENCE): "uses_violence",
    # the cost, anonymity and interpreter answers name the lines for those subjected
    ("costs_and_anonymity", USES_VIOLENCE): "first_call",
    ("costs_and_anonymity", SUBJECTED): "costs_and_anonymity_subjected",
    # "I made my wife have sex when she didn't want to": that it is rape, also in a marriage
    ("sexual_violence", USES_VIOLENCE): "uses_sexual_violence",
    # "my friend was forced at a party, how do I support her?": not "it is not your fault"
    ("sexual_violence", CONCERNED): "sexual_violence_concerned",
    ("health_care", CONCERNED): "health_care_someone_else",
    # "I spread her pictures": not "it is not your fault, do not pay"
    ("image_abuse", USES_VIOLENCE): "uses_violence",
    # "several girls have had nude pictures spread by boys in their class, where do I send them?"
    # from a youth worker: not "it is not your fault, even if you sent them" (round 18)
    ("image_abuse", CONCERNED): "concerned",
    ("image_abuse", PROFESSIONAL): "professional_evidence",
    # "she hit back and now says she will report me": what happens to him now
    ("hit_back", USES_VIOLENCE): "reported_for_violence",
    ("interpreter", USES_VIOLENCE): "interpreter_uses_violence",
    # "bor i Karlskoga, finns det nåt för män som slår?": Välj att sluta, not the victims' lines
    ("outside_orebro", USES_VIOLENCE): "outside_orebro_uses_violence",
    # "must you report me?": from someone who hits, anonymity at Välj att sluta (not how to hide
    # traces); from a professional, their own duty to report
    ("anonymity", USES_VIOLENCE): "first_call",
    ("anonymity", PROFESSIONAL): "professional",
    ("reporter_anonymity", USES_VIOLENCE): "first_call",
    # "she says she will report me", "she has a restraining order against me"
    ("police_report", USES_VIOLENCE): "reported_for_violence",
    # "I hear the neighbours every night, should I call the police?": not the victim's own report
    ("police_report", CONCERNED): "report_for_someone",
    # "she writes to me herself, may I answer?": what the order means for the one it is against
    ("restraining_order", USES_VIOLENCE): "restraining_order_against_me",
    # "can we apply for her?", "can it cover our workplace?" (rounds 24 to 26 answered a cousin
    # with "the person may not contact you" and an employer with how to help an adult)
    ("restraining_order", CONCERNED): "restraining_order_someone_else",
    # "jag har kontaktförbud mot mitt ex men han står utanför ändå", told for someone else or by
    # the one it is against
    ("restraining_order_broken", CONCERNED): "restraining_order_someone_else",
    ("restraining_order_broken", PROFESSIONAL): "restraining_order_someone_else",
    ("restraining_order_broken", USES_VIOLENCE): "restraining_order_against_me",
    # "min svärson tog barnbarnen till Irak och nu kommer de inte tillbaka"
    ("children_kept_abroad", CONCERNED): "children_abroad_someone_else",
    ("children_kept_abroad", PROFESSIONAL): "children_abroad_someone_else",
    # "she sleeps on my sofa, where can she stay that he can't find?", "which number for
    # protected housing?" from a nurse (rounds 24 to 26: how to start a talk with her)
    ("shelter", CONCERNED): "shelter_someone_else",
    ("shelter", PROFESSIONAL): "shelter_someone_else",
    # "is it illegal to track her phone?": the law answer names the victims' line
    ("is_it_a_crime", USES_VIOLENCE): "is_it_a_crime_uses_violence",
    ("social_services", USES_VIOLENCE): "uses_violence",
    ("report_concern_child", USES_VIOLENCE): "perpetrator_children",
    # "is it really violence?", "I feel awful": the answers name Kvinnofridslinjen and speak to
    # the one subjected
    ("forms_of_violence", USES_VIOLENCE): "uses_violence",
    # "is it violence?" from someone worried or an employer: how to help, not "do you recognise
    # this?" (round 8)
    ("forms_of_violence", CONCERNED): "forms_of_violence_someone_else",
    ("forms_of_violence", PROFESSIONAL): "professional",
    ("feeling_bad", SUBJECTED): "feelings_after_violence",
    ("feeling_bad", USES_VIOLENCE): "uses_violence",
    ("feeling_bad", CONCERNED): "concerned",
    ("feeling_bad", PROFESSIONAL): "professional",  # "a client of 84 is afraid of her son"
    # a professional asking about reports, social services or interpreters in their work
    ("police_report", PROFESSIONAL): "professional",
    ("social_services", PROFESSIONAL): "professional",
    ("social_services", CONCERNED): "concerned",
    # "an employee has a restraining order against her ex, he turns up at our reception"
    ("restraining_order", PROFESSIONAL): "restraining_order_someone_else",
    ("interpreter", PROFESSIONAL): "interpreter_professional",
    # a father or brother who controls a daughter or sister for honour: the law and support for
    # them, not "nobody may decide who you love" (round 9 read them as helpers)
    **dict.fromkeys(
        (("honour", USES_VIOLENCE), ("virginity", USES_VIOLENCE), ("forced_marriage", USES_VIOLENCE),
         ("honour_rights", USES_VIOLENCE), ("concerned_honour", USES_VIOLENCE),
         ("honour_explained", USES_VIOLENCE)),
        "controls_for_honour",
    ),
    # pregnancy, money and a secret address: the general answer of the one who uses violence or
    # worries, and for a professional the answer on adults who can decide for themselves
    **{(topic, role): answer
       for topic in ("pregnancy", "economic_violence", "protected_identity")
       for role, answer in ((USES_VIOLENCE, "uses_violence"), (CONCERNED, "concerned"),
                            (PROFESSIONAL, "professional_adult"))},
    # "her bf takes her bank card and gives her 200kr a week, is that normal?" (round 35 asked who
    # it is about; rounds 32 to 34 told such friends how to start a talk): yes, it is violence
    ("economic_violence", CONCERNED): "forms_of_violence_someone_else",
    ("controls_for_honour", SUBJECTED): "honour",
    ("controls_for_honour", CONCERNED): "concerned_honour",
    ("controls_for_honour", PROFESSIONAL): "professional",
    # someone at work asking what a line costs, how to save threats, about a client from Kumla or
    # a virginity certificate: their own answers, not the one subjected's (rounds 27 and 28)
    **dict.fromkeys(
        (("costs_and_anonymity", PROFESSIONAL), ("open_now", PROFESSIONAL)), "professional_referral"
    ),
    **dict.fromkeys(
        (("threat_messages", PROFESSIONAL), ("digital_safety", PROFESSIONAL)), "professional_evidence"
    ),
    ("outside_orebro", PROFESSIONAL): "professional_other_municipality",
    # "min syster bor i Göteborg och hennes man har hotat henne med kniv": support where she lives
    ("outside_orebro", CONCERNED): "outside_orebro_someone_else",
    ("virginity", PROFESSIONAL): "professional_virginity",
    ("forced_marriage", PROFESSIONAL): "professional_forced_marriage",
}
# Answers for anyone that fit one who may use violence too: they name every line, Välj att sluta
# too, or speak only of the chat ("it cannot report you"). Given as they are, not asked about,
# when the writer may use violence but the model is not sure enough for their version (round 32
# asked "If I tell you what I did, will you report me to the police?", 0.89, who it is about).
FIT_EVERY_WRITER = frozenset({"outside_orebro", "costs_and_anonymity", "anonymity"})
# Answers for someone subjected who is under 18, and what an adult gets instead ("will the school
# nurse tell?" from a mother: what social services do when a parent asks for help)
FOR_YOUNG = {"adult_reports_concern": "children_social_services"}
# ... and the other way: "om jag berättar för skolkuratorn, måste hon ringa soc? jag vill inte att
# vi blir tagna", from a child at home, is what happens when an adult tells social services, not
# only BRIS (round 17 answered a 12-year-old as a parent)
YOUNG_VERSION = dict.fromkeys(
    ("children_social_services", "social_services", "report_concern_child"), "adult_reports_concern"
) | {
    "shelter": "shelter_young",  # "jag vågar inte gå hem, vart kan jag gå?": not women's shelters
    # "min styvpappa kommer in i mitt rum på nätterna, jag är 14": not "also in a marriage"
    "sexual_violence": "sexual_violence_young",
}
# What a young person's general answer gives way to when the message tells it: a safe place to
# sleep, sexual abuse (their young version; first match first)
YOUNG_TOPICS = (("shelter", asks_for_a_place_to_stay), ("sexual_violence", tells_of_sexual_abuse))
# Answers whose young version is given only when the conversation said the writer is under 18, not
# on the role model's reading of age: "min pojkvän tvingar mig till saker i sängen", from an adult
# read as young, got BRIS and the school nurse (round 37)
SAID_AGE_ONLY = frozenset({"sexual_violence"})
# Answers that tell the one subjected it is not their fault: a writer who may be the one who did
# it is asked first (Limits.doubt_not_your_fault), and so is anyone after the conversation showed
# someone who uses violence
NOT_YOUR_FAULT = frozenset(
    {"victim", "sexual_violence", "self_blame", "hit_back", "image_abuse", "feelings_after_violence",
     "sexual_violence_young", "men_victims", "ashamed_of_staying"}
)
# Answers reached only as another role's counterpart of a topic or from the message's own words
# (with_premise, specific_answer): no training examples of their own
COUNTERPART_ONLY = frozenset(
    {"uses_sexual_violence", "report_for_someone", "sexual_violence_concerned", "mutual_violence",
     "help_someone_stop", "interpreter_uses_violence", "interpreter_professional",
     "is_it_a_crime_uses_violence", "restraining_order_against_me", "restraining_order_someone_else",
     "shelter_young", "shelter_someone_else", "outside_orebro_uses_violence",
     "children_abroad_someone_else", "professional_evidence", "professional_referral",
     "professional_other_municipality", "professional_virginity", "outside_orebro_someone_else",
     "volunteer", "feelings_after_violence", "health_care_someone_else",
     "forms_of_violence_someone_else", "contact_with_children", "restraining_order_broken",
     "children_kept_abroad", "sexual_violence_young", "concerned_about_one_who_hits",
     "concerned_own_guilt", "ashamed_of_staying", "concerned_worn_out",
     "professional_forced_marriage", "costs_and_anonymity_subjected", "reporter_anonymity"}
)  # fmt: skip
# Answers that speak to something the message must say, and the answer when it does not: "he hit
# me and I'm afraid he comes back (tillbaka) tonight" is no self-defence; "how do I apply for a
# restraining order against my ex?" is not from someone who has one against them (round 8).
PREMISES = {
    "hit_back": (defended_self, "victim"),
    "reported_for_violence": (lambda text: not seeks_protection(text), "restraining_order"),
    # "Jag har blivit delgiven ett kontaktförbud som jag anser vara grundlöst" (round 27 told him
    # how to apply for one)
    "restraining_order": (lambda text: not order_against_writer(text), "restraining_order_against_me"),
    # "how much does a shelter cost? I cannot pay": the shelter, not the cost of calling (round 9)
    "costs_and_anonymity": (lambda text: not about_shelter(text), "shelter"),
    # "tar socialtjänsten barnen om jag ringer?": the answer on children and social services
    "social_services": (lambda text: not names_kids(text), "children_social_services"),
    # "vi har två barn 4 och 7 år", after telling of a partner's violence: the children, not the
    # answer on older people (round 23)
    "older_victims": (lambda text: names_old_age(text) or not names_kids(text), "children_custody"),
    # "min fru har slagit mig flera gånger och jag skäms": told violence against the writer is
    # more than a bad feeling without a topic
    "feeling_bad": (lambda text: not someone_hurts_writer(text), "feelings_after_violence"),
    # "is that true? can he do that?" read as thanks got a goodbye (round 19): a question is none
    # "Min man kräver samliv även när jag säger nej. Är det tillåtet?" read as "may I write
    # here?" (round 26): the answer on sexual violence
    "who_can_write": (lambda text: not about_sexual_violence(text), "sexual_violence"),
    # "ok tack. vad jag gör nu först", "ok tack. vart jag ringa, vilken nummer" (rounds 29 and 30
    # said goodbye): a question, also without "?"
    "thanks": (lambda text: not asks_something(text), FALLBACK),
    "goodbye": (lambda text: not asks_something(text), FALLBACK),
    # "hon har flytt till nåt skyddat boende med barnen, kan ni säga vilket?" (round 30 gave the
    # father the answer on protected housing): whose question is it?
    "shelter": (lambda text: not asks_where_she_is(text), ROLE_QUESTION),
    # "han pratar om att ta med dem till Turkiet i sommar. Kan jag vägra skriva på deras pass?"
    # (round 45 answered as if the children were already kept abroad): how to stop the trip
    "children_kept_abroad": (lambda text: not trip_still_to_come(text), "children_custody"),
    # "Kan jag ta barnen till Irak utan mamma skriva på? Hon har anmält mig för misshandel" (round
    # 31 told him how to flee with the children): whose question is it?
    "children_custody": (lambda text: not reported_writer(text), ROLE_QUESTION),
}
# "will social services take my children?" answered for a parent: with no child named in the
# conversation, what social services do (round 9 gave it to a 22-year-old asking about her salary
# and to a friend asking whether the family will learn who called)
FOR_PARENTS_ONLY = {"children_social_services": "social_services"}
# Violence told both ways ("Jag har slagit henne, hon har slagit mig. Är det ens våld?", "vi
# knuffas båda två", "idk who started it"): the answer for both, not self-defence or one side's
# (round 16 gave the first the answer on self-defence, the others the question who it is about)
BOTH_WAYS = frozenset(
    {"hit_back", "victim", "uses_violence", "forms_of_violence", "self_blame", "feeling_bad",
     FALLBACK, ROLE_QUESTION}
)  # fmt: skip
# Someone else uses violence and wants help to stop ("a man told me he hit his wife and wants to
# change, where can I refer him?"): where they can turn, and support for the one subjected (round
# 21 gave a priest the answer on adults subjected); the topics it replaces
HELP_SOMEONE_STOP = "help_someone_stop"
VOLUNTEER = "volunteer"  # an answer for anyone who asks how to volunteer
# Whether the family learns who made a report of concern: an answer for anyone who reports
REPORTER_ANONYMITY = "reporter_anonymity"
# Questions about honour violence or the chat itself that the classifier answered otherwise or not
# at all (round 29): "What counts as honour-related violence?" (the rights answer), "Is honour
# based violence a crime?", "Do you talk to men too or only women?", "what hours is someone
# here", "måste man boka en tid?"; (the answer, the answers it replaces, the words)
QUESTIONS_ABOUT_THE_SERVICE = (
    ("honour_explained",
     frozenset({FALLBACK, "forms_of_violence", "honour_rights", "honour", "victim"}),
     asks_what_honour_is),
    ("who_can_write", frozenset({FALLBACK}), asks_if_men_may_write),
    ("bot_identity", frozenset({FALLBACK, "costs_and_anonymity", "open_now"}), asks_if_someone_is_there),
    ("open_now", frozenset({FALLBACK, "costs_and_anonymity", "anonymity"}), asks_opening_hours),
)  # fmt: skip
ABOUT_SOMEONE_WHO_HITS = frozenset(
    {"concerned", "concerned_young", "report_for_someone", "professional", "professional_adult",
     "professional_consult", "uses_violence", "first_call", "victim", "forms_of_violence",
     "social_services", "police_report", "feeling_bad", FALLBACK, ROLE_QUESTION}
)  # fmt: skip
# What the message tells instead of what the answer speaks to: (the answer, the answers it
# replaces, what the message tells)
TOLD_INSTEAD = (
    # how to make a report of concern, not what happens to a parent after one (round 33)
    ("report_concern_child", frozenset({"social_services", "children_social_services"}),
     asks_how_to_report_a_concern),
    # "I left him but I still shake when my phone rings" (rounds 32 and 33)
    ("feelings_after_violence", frozenset({"feeling_bad", "self_blame", "victim"}), after_effects),
    # "Jag anmälde min bror för att han slog sin fru och nu hatar familjen mig" (round 33 told her
    # to get help to stop): the one who reported, worried about someone
    ("concerned", frozenset({"reported_for_violence"}), reported_someone),
    # "om jag ringer socialtjänsten får mina föräldrar veta att det var jag då?", "måste jag säga
    # mitt namn om jag anmäla" (rounds 44 and 45: the chat's privacy text, or not understood)
    # "om jag tipsar om min granne, kan han få reda på vem som ringt?" (round 39 gave two
    # neighbours the police answer for one who reports her own partner)
    ("report_for_someone",
     frozenset({"police_report", "anonymity", "victim", "concerned", "forms_of_violence", FALLBACK}),
     reports_someone_else),
    # "My sister ex keep sending her messages that he know where she live" (round 40: the chat's
    # privacy text)
    ("threat_messages", frozenset({"anonymity"}), tells_of_threats_sent),
    # "Jag tror att min son slår sin flickvän. Hur pratar jag med honom om det?" (rounds 32 to 34
    # told five parents and friends not to confront him)
    ("concerned_about_one_who_hits", ABOUT_SOMEONE_WHO_HITS, asks_about_one_who_hits),
    # "Jag har kontaktförbud mot mitt ex men han står utanför mitt jobb ändå" (rounds 32 to 34
    # told three how to apply for one)
    ("restraining_order_broken",
     frozenset({"restraining_order", "police_report", "victim", "threat_messages", "safety_plan",
                "forms_of_violence", "feeling_bad", "digital_safety", FALLBACK}),
     order_is_broken),
    # "såg min kompis kille slå henne o jag gjorde ingenting. kunde jag gjort nåt?" (rounds 32 to
    # 35 told how to start a talk)
    ("concerned_own_guilt",
     frozenset({"concerned", "concerned_young", "self_blame", "feeling_bad", "feelings_after_violence",
                "report_for_someone", FALLBACK}),
     guilty_bystander),
    # "min syster går tillbaka till honom hela tiden och jag orkar inte mer" (rounds 37 to 39 gave
    # the script for starting a talk)
    ("concerned_worn_out",
     frozenset({"concerned", "concerned_young", "self_blame", "feeling_bad", "feelings_after_violence",
                "victim", FALLBACK}),
     worn_out_by_going_back),
    # "jag älskar honom fortfarande och skäms så mycket" (rounds 36 to 39: a general answer)
    ("ashamed_of_staying",
     frozenset({"victim", "self_blame", "feeling_bad", "feelings_after_violence", "forms_of_violence",
                FALLBACK}),
     ashamed_of_staying),
    # "Min man vill ta barnen till Irak i sommar. Kan jag stoppa det? ... jag har bara
    # uppehållstillstånd" (round 45: her residence permit, not how to stop the trip)
    ("children_custody", frozenset({"residence_permit"}), children_taken_abroad),
    # "han tog barnen till Turkiet och nu säger han att dom inte kommer tillbaka" (rounds 32 to
    # 34: how to stop a trip)
    ("children_kept_abroad",
     frozenset({"children_custody", "police_report", "victim", "children_social_services",
                "social_services", FALLBACK}),
     children_kept_abroad),
)  # fmt: skip
# The answers on a child at risk, and a parent whose own son or daughter hurts them ("jag är 52 och
# min son slår mig när han inte får pengar"): the answer for the one subjected (round 16 told her
# how to report a concern for a child)
ON_A_CHILD_AT_RISK = frozenset(
    {"report_concern_child", "perpetrator_children", "children_social_services",
     "adult_reports_concern"}
)  # fmt: skip
# The answers on reporting a concern for a child, and a parent worried about a son or daughter
# who is an adult ("Min dotter på 20 berättade att hennes pojkvän har tvingat henne till sex"):
# the answer on helping an adult, on sexual violence when it is named (round 17 told two such
# parents how to report a concern for a child)
ABOUT_A_CHILD = frozenset({"report_concern_child", "adult_reports_concern"})
# "kan man skriva här?" is "can one write here?": the answer for men only when the conversation
# names a man or boy (round 14 gave it to four openers, one from someone who had hurt another);
# else the question who it is about
FOR_MEN_ONLY = {"men_victims": ROLE_QUESTION}
# General answers, and the topics with an answer of their own that a message naming them gets
# instead, first match first (bot/understanding/topic_cues.py): "he kicked me in the belly, I am
# pregnant", "he takes my whole salary, is that normal?", "how do I keep my new address from him?"
# Money is the topic only when no blow is told ("he hit me and took my money": the victim's answer).
GENERAL_ANSWERS = frozenset({"victim", "forms_of_violence", "feeling_bad"})
SPECIFIC_TOPICS = (
    ("pregnancy", about_pregnancy),
    ("protected_identity", about_secret_address),
    ("economic_violence", lambda text: about_money(text) and not tells_of_violence(text)),
    ("sexual_violence", about_sexual_violence),
    # "he says if I leave him I will be sent back and lose my son" (round 29: two women got the
    # answer on taking the children abroad)
    ("residence_permit", about_residence_permit),
    # "Jag är man, 42 år. Min fru slår mig ... Räknas det?" (rounds 32 to 35: the general answer,
    # which begins with the women's line)
    ("men_victims", writer_is_a_man),
)
# The worried writer's general answers, and sexual violence named in them ("min kompis blev
# våldtagen av sitt ex, hur stöttar jag henne?"): the answer on sexual violence, which a worried
# writer gets in their version (round 15 gave the general script on how to start a talk)
WORRIED_GENERAL_ANSWERS = frozenset({"concerned", "concerned_young"})
# The adults' general answers of each role, and the questions a message may ask in them with an
# answer of their own ("I hit my wife when I drink. Is there help in Polish?", "must you report
# me?", "is it illegal to track her phone?", "can you book an interpreter?": round 10 answered
# them with the role's general answer), first match first; the writer gets their counterpart.
ROLE_GENERAL_ANSWERS = frozenset({*ROLE_INTENT.values(), "professional_adult"})
NAMED_QUESTIONS = (
    ("interpreter", asks_about_language),
    ("anonymity", asks_if_reported),
    ("is_it_a_crime", asks_if_lawful),
    ("restraining_order", names_restraining_order),
    ("shelter", asks_for_a_place_to_stay),
    # "kan jag anmäla åt henne?", "ska ja anmäla eller snacka med henne först?" (rounds 27 and
    # 28: a friend and a mother got how to start a talk)
    ("police_report", asks_whether_to_report),
    # "hon blev strypt men säger att hon mår bra. är det farligt?" (round 32: how to start a talk)
    ("health_care", asks_about_injury_care),
    # "min kompis kille bestämmer vad hon får ha på sig, e det ändå typ våld?" (round 32)
    ("forms_of_violence", asks_if_it_is_violence),
)
# Someone at work asks one thing in their general answers, the not-understood one or the answer
# on reporting a concern for a child: "how should I document her injuries?", "is there a number
# I can give her discreetly?", "she is registered in Hallsberg, who is responsible?", "a girl
# asks me for a virginity certificate" (rounds 27 and 28: 10 and 14 of 36 good, most given the
# general text on the duty to report whatever they asked); first match first, the named
# questions above among them.
AT_WORK_GENERAL_ANSWERS = ROLE_GENERAL_ANSWERS | {
    "professional_consult", "interpreter_professional", "report_concern_child", FALLBACK
}
AT_WORK_QUESTIONS = (
    ("professional_virginity", names_virginity),
    ("restraining_order", names_restraining_order),
    ("shelter", asks_for_a_place_to_stay),
    ("interpreter", asks_about_language),
    ("professional_evidence", asks_about_documenting),
    ("professional_other_municipality", names_another_municipality),
    ("professional_referral", asks_where_to_refer),
    ("anonymity", asks_if_reported),
    ("is_it_a_crime", asks_if_lawful),
)
# Children named in a message the bot did not understand, from someone worried or asking at work
# ("there are two small kids in the apartment", "ja dom har två små barn": round 11 answered
# "I do not quite understand"): the answer on a concern for a child
CHILDREN_NAMED = {CONCERNED: "report_concern_child", PROFESSIONAL: "professional"}
# The answers that someone worried or at work, telling of a child who may be taken abroad, gets
# the answer on stopping the trip instead of
# (an honour case keeps its answers, which also warn against going to the family)
TAKEN_ABROAD_INSTEAD_OF = ROLE_GENERAL_ANSWERS | {"report_concern_child", "report_for_someone", FALLBACK}
# The answers on reporting to the police, and the questions asked in them that have an answer of
# their own: "are your conversations confidential, or must you report my own violence?", "can the
# police help me if I don't speak Swedish?" (round 11); "I hit my wife once, is it secret or you
# tell police?" is no police report yet (round 17 told him what happens after one)
ASKED_ABOUT_THE_POLICE = {
    "police_report": ("interpreter", "anonymity", "restraining_order"),
    "reported_for_violence": ("anonymity", "restraining_order"),
}
# Questions of one who uses violence that have an answer of their own: (the answer, the answers
# it replaces, what the message asks)
ASKED_BY_ONE_WHO_HITS = (
    # "jag skickade hotfulla sms när jag var full, kan jag bli anmäld?" (rounds 31 to 33)
    ("is_it_a_crime_uses_violence", ROLE_GENERAL_ANSWERS, asks_if_reportable),
    # "my ex won't let me see our kids because I pushed her once" (round 32 gave him the general
    # answer): how contact is decided, and that the court weighs the risk of violence
    ("contact_with_children",
     ROLE_GENERAL_ANSWERS | {"perpetrator_children", "reported_for_violence", FALLBACK},
     wants_to_see_own_children),
)  # fmt: skip
# The answers that tell someone at work about their duty to report
ON_THE_DUTY_TO_REPORT = frozenset({"professional", "professional_adult", "report_concern_child"})
# "Should I talk to her parents?": the answer for someone worried, which says not to go to the
# family behind the person's back, and in an honour case the one that says never to (round 10
# answered a friend in an honour case with "it sounds hard, call Kvinnofridslinjen"); their
# counterparts answer someone subjected or asking in their work
HONOUR_TOPICS = frozenset(
    {"honour", "forced_marriage", "virginity", "honour_rights", "honour_explained"}
)
# Someone at work whose pupil or client is to be married off or sent abroad: how to act before the
# trip, instead of the general answers at work or an answer to the one at risk
MARRIED_OFF_INSTEAD_OF = (
    HONOUR_TOPICS | AT_WORK_GENERAL_ANSWERS | {"report_concern_child", "children_custody", FALLBACK}
)
ASKED_ABOUT_THE_FAMILY = GENERAL_ANSWERS | HONOUR_TOPICS | {"concerned", "concerned_young", FALLBACK}
# A parent or brother who keeps a daughter or sister from things often writes as if worried, or
# is read as a parent who hits: the answer for the one who controls, whose counterparts answer a
# writer the role model reads otherwise
SEEN_FROM_OUTSIDE = GENERAL_ANSWERS | {
    "uses_violence", "concerned", "concerned_honour", "perpetrator_children"
}
# Answers that speak to a parent: someone subjected who is under 18 gets the young people's.
FOR_PARENTS = frozenset({"children_social_services", "children_custody"})
# Besides a role's general answer, the answers for adults that someone under 18 gets the young
# people's answer instead of (Välj att sluta is not said to take calls from under-18s)
FOR_ADULTS = {
    # a child asking what social services do, or about money or a secret address: BRIS, TRIS and
    # the school counsellor
    # (round 19: "jag e 15 ... då tar soc min lillebror" got how to report a concern)
    SUBJECTED: FOR_PARENTS
    | {"social_services", "economic_violence", "protected_identity", "report_concern_child", "shelter",
       "feelings_after_violence", "sexual_violence", "self_blame", "ashamed_of_staying"},
    USES_VIOLENCE: frozenset(
        {"first_call", "reported_for_violence", "uses_sexual_violence", "controls_for_honour",
         "interpreter_uses_violence", "is_it_a_crime_uses_violence", "restraining_order_against_me",
         "outside_orebro_uses_violence"}
    ),
    # a child at home: BRIS, not "report a concern" (round 19: a 16-year-old afraid for a little
    # brother got the answer on reporting)
    CONCERNED: frozenset({"report_for_someone", "report_concern_child"}),
}

# Intents that never change: danger (bot.rasa_plugins.nlu_components.DangerDetector has the last
# word: the bot never asks before 112), the question itself and "radera". Only the addressee of a
# danger answer may change, 112 first still: someone subjected gets the answer for danger now,
# someone worried about another the answer for a witness.
UNTOUCHED = frozenset(
    {"danger_now", "suicidal", "danger_medical", DANGER_UNSURE, CALM, ROLE_QUESTION,
     "delete_conversation"}
)  # fmt: skip
# Not instead of 112, nor of a child's own question about telling an adult (REPORTER_ANONYMITY)
NOT_THE_REPORTERS = UNTOUCHED | set(DANGER_INTENTS) | {"adult_reports_concern", "young_person"}
DANGER_FOR_WRITER = {
    ("danger_caused", SUBJECTED): "danger_now",
    ("danger_witness", SUBJECTED): "danger_now",
    ("danger_caused", CONCERNED): "danger_witness",  # "my son has hit his girlfriend"
    ("danger_now", CONCERNED): "danger_witness",  # not "get to a safe place" to a worried friend
    ("danger_now", PROFESSIONAL): "danger_witness",
    ("danger_now", USES_VIOLENCE): "danger_caused",  # 112, then Välj att sluta
}


@dataclass(frozen=True)
class Limits:
    """Cut-offs on the role model's probabilities (set on dev, see `bot evaluate --roles`)."""

    sure: float = 0.5  # a guess at least this sure says who is writing
    switch: float = 0.9  # this sure, a conflicting intent becomes the writer's general answer
    switch_to_uses_violence: float = 0.95  # ... and this sure for the answer to those who hit
    # not understood, but a disclosure and this sure who is writing: the writer's own answer (a
    # judgement: the role scores cannot tell)
    fallback: float = 0.9
    uses_violence: float = 0.5  # evidence needed for the answer to those who use violence
    # a writer nobody knows, this likely to be the one who did it, is asked before "it is not
    # your fault" (set on dev: "she just lay there, is that rape?" was 0.09-0.42, the victims'
    # own questions mostly below 0.08)
    doubt_not_your_fault: float = 0.15
    young: float = 0.6  # someone subjected this likely under 18 gets the answer for young people
    adult: float = 0.05  # ... and this unlikely gets the adults' answer instead of the young one
    change: float = 0.97  # a role the conversation showed changes only on a guess this sure
    # ... but a role shown less surely than a switch needs changes to the one who uses violence on
    # a guess this sure when the message tells the writer's own violence (a judgement: round 17's
    # man who threw his phone at the wall by his pregnant wife's head, 0.87, after a first message
    # read as the pregnant wife's, 0.77)
    told_own: float = 0.8
    # the answer for one who uses violence, when topic and model agree on it but the message tells
    # of no violence of their own (role_cues.tells_own_violence errs towards yes): a judgement on
    # used final sets, rounds 18 to 33: of those answered so, 4 of 5 wrong readings were below
    # this, and 20 of 53 right ones
    unsaid_violence: float = 0.85
    # a reading of the one subjected this unsure, of a message about someone close with no
    # violence done to or by the writer, is torn with someone worried (a judgement on used final
    # sets and dev: below it 15 such readings were someone worried and 9 the one subjected)
    torn: float = 0.7
    # nobody surely writing and someone worried this likely: asked before "it is not your fault"
    # (a judgement: a torn reading gives each of the two just under `sure`)
    torn_worried: float = 0.4


LIMITS = Limits()


@dataclass(frozen=True)
class Decision:
    """What to answer: the intent (maybe changed), the writer's role as far as known, and why."""

    intent: str
    writer: str | None
    reason: str  # kept | switched | asked | untouched | shown before | said enough


# A reply of a word or two ("ja", "ok", "vet inte") shows no role; the model's guess on it is noise.
MIN_WORDS = 3
NO_GUESS = RoleGuess({UNCLEAR: 1.0}, 0.0)


def readable(text: str) -> bool:
    """Whether `text` is long enough for its role to be guessed."""
    return len(text.split()) >= MIN_WORDS


def with_premise(intent: str, text: str, earlier: Iterable[str] = ()) -> str:
    """`intent`, unless `text` tells of violence both ways (BOTH_WAYS), of someone else who uses
    violence and wants help to stop (ABOUT_SOMEONE_WHO_HITS), or of a parent hurt by
    their own child (ON_A_CHILD_AT_RISK), or an answer on a child names an adult son or daughter
    (ABOUT_A_CHILD), or its answer speaks to something `text` does not say
    (PREMISES), or to a parent when neither the message nor the `earlier` messages of the
    conversation name a child (FOR_PARENTS_ONLY), or to a man when they name no man or boy
    (FOR_MEN_ONLY), or `text` asks
    whether to talk to the family of the one it is about (ASKED_ABOUT_THE_FAMILY), or it is a
    general answer and `text` names a topic with its own answer (SPECIFIC_TOPICS; for the
    worried writer's general answers, sexual violence), or it asks how to volunteer or about the
    service (QUESTIONS_ABOUT_THE_SERVICE)."""
    if wants_to_volunteer(text) and intent not in UNTOUCHED:  # never a danger answer
        return VOLUNTEER  # "Tar ni emot volontärer?" (round 28 answered one as subjected)
    for answer, replaces, asks in QUESTIONS_ABOUT_THE_SERVICE:
        if intent in replaces and asks(text):
            return answer
    if intent in BOTH_WAYS and tells_mutual_violence(text):
        return "mutual_violence"
    if intent in ABOUT_SOMEONE_WHO_HITS and someone_else_wants_to_stop(text):
        return HELP_SOMEONE_STOP
    if intent in ON_A_CHILD_AT_RISK and hurt_by_own_child(text):
        return "victim"
    if intent in ABOUT_A_CHILD and names_adult_child(text):
        return "sexual_violence_concerned" if about_sexual_violence(text) else "concerned"
    if asks_if_the_reporter_is_known(text) and intent not in NOT_THE_REPORTERS:
        # "om jag ringer socialtjänsten får mina föräldrar veta att det var jag då?", "måste jag
        # säga mitt namn om jag anmäla" (rounds 44 and 45: the chat's privacy text, the answer on
        # a first call, or not understood): the classifier's topic varies, the question does not
        return REPORTER_ANONYMITY
    for answer, replaces, tells in TOLD_INSTEAD:
        if intent in replaces and tells(text):
            return answer
    says, otherwise = PREMISES.get(intent, (None, intent))
    if says and not says(text):
        return otherwise
    said = (text, *(line for line in earlier if not line.startswith("/")))  # not button payloads
    if intent in FOR_PARENTS_ONLY and not any(map(mentions_children, said)):
        return FOR_PARENTS_ONLY[intent]
    if intent in FOR_MEN_ONLY and (
        not any(map(names_men, said)) or names_self_as_the_one_who_hits(text)
    ):  # "bara för kvinnor ... eller om man själv är den som gör fel?" (round 26): not for men hit
        return FOR_MEN_ONLY[intent]
    if intent in SEEN_FROM_OUTSIDE and keeps_a_girl_in_the_family(text):
        # "my daughter has a boyfriend, I have taken her phone": read as worry, told as control
        return "controls_for_honour"
    if intent in ASKED_ABOUT_THE_FAMILY and asks_about_telling_the_family(text):
        honour = intent in HONOUR_TOPICS or any(map(about_honour, said))
        return "concerned_honour" if honour else "concerned"
    if intent in GENERAL_ANSWERS:
        return next((topic for topic, names in SPECIFIC_TOPICS if names(text)), intent)
    if intent == "children_custody" and about_residence_permit(text) and not children_taken_abroad(text):
        return "residence_permit"  # (TOLD_INSTEAD turns it back when a trip abroad is the question)
    if intent in WORRIED_GENERAL_ANSWERS and about_sexual_violence(text):
        return "sexual_violence"
    named = names_protected_details(text)
    if named and intent not in UNTOUCHED and intent not in NOT_A_TOPIC:  # never a danger answer
        return "protected_identity"  # asked by name: "how do I get protected personal details?"
    return intent


def specific_answer(decision: Decision, text: str, earlier: Iterable[str] = ()) -> Decision:
    """`decision`, unless it is a role's general answer (or the answer on the police) and `text`
    asks a question that has an answer of its own (NAMED_QUESTIONS, ASKED_ABOUT_THE_POLICE): then
    that answer, in the writer's version; or it is the
    professionals' answer, which begins with children, to someone asking about an adult at work
    when neither the message nor the `earlier` ones name a child: the answer on adults (round 10:
    "an employee came in with a bruised face, must I tell anyone?"); or it is the answer on
    partner violence to a parent who hits their own child: the answer on children; or it is not
    understood and names children, from someone worried or at work (CHILDREN_NAMED; round 11);
    or someone at work asks about their own duty to report: the professionals' answer; or
    someone worried or at work tells of a child who may be taken abroad: how to stop the trip;
    or someone under 18 asks where to sleep: the young people's answer on a safe place; or
    someone worried asks how to bring it up, not understood: how to start that talk. Someone at
    work is asked about in their own general answers with AT_WORK_QUESTIONS ("how do I document
    her injuries?")."""
    if asks_about_telling_the_family(text):
        return decision  # "should I contact her parents? they need an interpreter": the warning
    if (
        decision.writer == PROFESSIONAL
        and decision.intent not in ON_THE_DUTY_TO_REPORT
        and asks_own_duty_to_report(text)
    ):  # "har jag anmälningsplikt fast jag bara är kock?"; adults at work are switched below
        decision = Decision("professional", decision.writer, "switched")
    if decision.intent == FALLBACK and decision.writer == CONCERNED and (
        asks_how_to_talk(text) or says_it_is_someone_else(text)
    ):
        # "hur ska jag prata med henne utan att hon drar sig undan", not understood in a worried
        # parent's conversation (round 29), "det gäller min syster" (round 35): how to help
        return Decision("concerned", decision.writer, "switched")
    if decision.intent == FALLBACK and decision.writer in CHILDREN_NAMED and names_kids(text):
        return Decision(CHILDREN_NAMED[decision.writer], decision.writer, "switched")
    if (
        decision.writer == PROFESSIONAL
        and decision.intent in MARRIED_OFF_INSTEAD_OF
        and married_off_or_sent_abroad(text)
    ):  # "En elev ska giftas bort under sommarlovet. Vilka steg bör jag ta?" (rounds 38 and 39)
        return Decision("professional_forced_marriage", decision.writer, "switched")
    if (
        decision.writer in (CONCERNED, PROFESSIONAL)
        and decision.intent in TAKEN_ABROAD_INSTEAD_OF
        and children_taken_abroad(text)
        and not about_honour(text)
    ):  # "han ska ta barnbarnen till Libanon", from a grandmother (rounds 24 to 26)
        return Decision("children_abroad_someone_else", decision.writer, "switched")
    if decision.intent == YOUNG_INTENT:
        # "vågar inte gå hem, finns det nånstans man kan sova? e 14": Socialjouren tonight;
        # "min styvpappa kommer in i mitt rum på nätterna": that it is abuse, never their fault
        for topic, tells in YOUNG_TOPICS:
            if tells(text):
                return Decision(YOUNG_VERSION[topic], decision.writer, "switched")
    if decision.intent == "interpreter_professional" and not asks_about_language(text):
        # "ER doctor here, swedish is not my first language. ... a routine for seeing her
        # alone?" (round 30): the writer's own language, not an interpreter for someone
        decision = Decision("professional", decision.writer, "switched")
    if decision.writer == PROFESSIONAL and decision.intent in AT_WORK_GENERAL_ANSWERS:
        # "räcker det för en orosanmälan?" is about the duty to report, not documenting (round 30)
        asked = () if names_a_concern_report(text) else AT_WORK_QUESTIONS
    elif decision.intent in ROLE_GENERAL_ANSWERS:
        asked = NAMED_QUESTIONS
    else:
        named = ASKED_ABOUT_THE_POLICE.get(decision.intent, ())
        asked = tuple(question for question in NAMED_QUESTIONS if question[0] in named)
    topic = next((topic for topic, asks in asked if asks(text)), None)
    if topic is not None:
        # the writer, or whom the answer spoke to: "jag har kontaktförbud mot mig", read as
        # reported to the police, is from the one the order is against
        writer = decision.writer or ANSWER_ROLE.get(decision.intent, "")
        answer = COUNTERPART.get((topic, writer), topic)
        if ANSWER_ROLE.get(answer, writer) == writer:
            # never another role's answer: "hon har dragit till nåt skyddat boende med kidsen"
            # from one who uses violence is no question about a shelter for him (round 27)
            return Decision(answer, decision.writer, "switched")
    said = (text, *(line for line in earlier if not line.startswith("/")))
    # "en brukare, 81 år, är rädd för sin son": an old client's son is no child (round 28 told two
    # home-care workers about the duty to report for children)
    adult = names_an_adult_at_work(text) and (
        names_old_age(text) or not any(map(names_a_child_at_work, said))
    )
    if decision.intent == "professional" and adult:
        return Decision("professional_adult", decision.writer, "switched")
    if decision.writer == USES_VIOLENCE:
        for answer, replaces, asks in ASKED_BY_ONE_WHO_HITS:
            if decision.intent in replaces and asks(text):
                return Decision(answer, decision.writer, "switched")
    if decision.intent == "uses_violence" and hits_own_child(text):
        return Decision("perpetrator_children", decision.writer, "switched")
    return decision


def doubted(
    guess: RoleGuess, text: str, earlier: str | None, limits: Limits = LIMITS, evidence: float = 0.0
) -> RoleGuess:
    """`guess`, unless `text` names the writer as the one who uses violence ("det är jag som slår",
    "finns det nån grupp för killar som slår?": then read so, as surely as the answer for them
    needs, unless it tells of violence against the writer), or it reads the writer as subjected
    while `text` tells only of the writer's own violence (then a doubt, as below), or it reads
    the writer as someone who uses violence while `text` tells of
    nothing violent the writer may have done (role_cues.tells_own_violence errs towards yes) and
    either tells of violence against the writer ("det är inte en vän det är jag. min fru slår
    mig") or follows a conversation that showed the writer as subjected or worried about someone
    (`earlier`: "Hon blir arg på mig om jag frågar", from a mother). A reading all but certain
    (`change`) of a message that tells of violence needs the message itself to point that way:
    violence against the writer, having locked themselves in ("i locked myself in the bedroom
    with her now"), or a threat to blame them ("she will tell the police I'm the one hitting
    her"). Then the reading is kept only as a doubt, exactly as likely as
    `doubt_not_your_fault`, so the bot still asks before "it is not your fault" but never
    answers as to one who hits; the model's own figure is kept for the rest of the conversation
    (bot.rasa_plugins.nlu_components: `violence_shown`). Round 12 read a man hit by his wife and
    a mother locked in with her baby as the one who hits, for the rest of the talk. A reading
    less sure than a switch needs, of a message that names the writer's job and someone met in it
    (`asks_at_work`), becomes someone asking at work, as surely as a switch needs; a reading of
    someone worried, less sure than that, of a message about someone close to the writer with no
    violence done to or by them (`tells_of_someone_close`), becomes as sure; so does any reading
    of a message saying it is about someone else close ("det gäller inte mig, det gäller min
    syster"). After a conversation that showed, as surely as a switch needs (`evidence`), the
    writer using violence, a reading of someone else whom the message itself does not point to
    (`points_away_from_own_violence`) says nothing of who is writing: "hon är ok tror jag. hon
    sover hos sin mamma nu", from a man who had told he pushed her, is still his story; so is a
    reading of the one subjected after a conversation that surely showed someone worried, unless
    the message tells it is the writer (`tells_it_is_the_writer`). A writer who hears it at the
    neighbours' (`hears_the_neighbours`), of violence in a friend's home
    (`tells_of_a_friends_home`) or of reporting someone else (`reports_someone_else`) is someone
    worried, as surely as a switch needs."""
    if names_self_as_the_one_who_hits(text) and not (against_the_writer(text) or says_hit_back(text)):
        # "det är jag som slår i vårt förhållande", "hur slutar man slå", "finns det nån grupp för
        # killar som slår?" (round 39 asked who it is about, or told what the victims' lines cost):
        # the one who hits, as surely as the answer for them needs
        return surely(guess, USES_VIOLENCE, limits)
    others = (SUBJECTED, CONCERNED, PROFESSIONAL)
    shown_hitting = earlier == USES_VIOLENCE and evidence >= limits.switch
    if shown_hitting and guess.role in others and not points_away_from_own_violence(text):
        # round 36 answered such a man as someone worried for five turns, and a woman who slapped
        # her boyfriend ("No he did not hit back. He just left") as the one in danger
        return unclear_instead(guess)
    shown_subjected = earlier == SUBJECTED and evidence >= limits.switch
    if shown_subjected and guess.role == CONCERNED and not says_it_is_someone_else(text):
        # "Min syster bor i en etta med sin kille, jag kan inte vara där", from a woman who had
        # told of her partner, read 0.98 as worried (round 42 answered her about her sister for
        # three turns): someone close named is no change of writer unless she says so
        return unclear_instead(guess)
    shown_worried = earlier == CONCERNED and evidence >= limits.switch
    if shown_worried and guess.role == SUBJECTED and not tells_it_is_the_writer(text):
        # "min dotters sambo skriker på henne jämt", from a grandmother who said who she is
        # (round 37 told her to get to a safe place and lock herself in)
        return unclear_instead(guess)
    if says_it_is_someone_else(text):
        # "nej inte mig, det gäller min syster" after a first message read as hers (round 39 kept
        # her brother as the one subjected): worried, as surely as a change of writer needs
        return surely(guess, CONCERNED, limits, level=limits.change)
    someone_elses = (
        hears_the_neighbours(text) or tells_of_a_friends_home(text)
        or (reports_someone_else(text) and not against_the_writer(text))
    )  # fmt: skip
    if guess.role != CONCERNED and someone_elses:
        # "nej, det gäller inte mig. det gäller min syster" (round 35 told her it was not her
        # fault), "Jag hör skrik från lägenheten under mig" (round 37 likewise), "kompisens morsa
        # slår han", "om jag tipsar om min granne" (round 39): worried about someone, as surely
        # as a switch needs
        return surely(guess, CONCERNED, limits)
    if guess.confidence < limits.switch and asks_at_work(text):
        # "I'm a family lawyer. My client fears ..." read 0.89 as at work, "Jag är SFI-lärare. En
        # av mina elever ..." 0.87 (round 29 asked both who it is about): at work, as surely as a
        # switch needs, the other readings scaled down to make room
        return surely(guess, PROFESSIONAL, limits)
    if guess.role == CONCERNED and guess.confidence < limits.switch and tells_of_someone_close(text):
        # "jag såg min kusin få en örfil av sin man" read 0.74 as worried (round 29 asked five
        # such writers who it is about): worried, as surely as a switch needs
        return surely(guess, CONCERNED, limits)
    if guess.role == SUBJECTED and guess.confidence < limits.torn and tells_of_someone_close(text):
        # "min polare har typ dödshot från sitt ex på snap" read 0.60 as the one threatened
        # (round 33 told the friend to get to a safe place): torn between the one subjected and
        # someone worried, so the bot asks
        return torn(guess, SUBJECTED, CONCERNED, limits)
    if guess.role == SUBJECTED and tells_own_violence(text) and not (
        someone_hurts_writer(text) or says_hit_back(text)
    ):
        # "har jag tagit tag i min man så hårt att han fått märken" read as subjected (round 25
        # said it was not her fault): a doubt, so the bot asks before "it is not your fault"
        violence = max(guess.probabilities.get(USES_VIOLENCE, 0.0), limits.doubt_not_your_fault)
        return RoleGuess(guess.probabilities | {USES_VIOLENCE: violence}, guess.young)
    if guess.role == USES_VIOLENCE and says_hit_back(text):
        # "I punched him back last night", "jag har börjat slå tillbaka när han tar tag i mig"
        # (round 27 answered both as ones who hit): a doubt, so the bot asks
        return as_doubt(guess, limits)
    if guess.role != USES_VIOLENCE or tells_own_violence(text):
        return guess
    if earlier == SUBJECTED and denies_own_violence(text):
        # "no i never hit her", after the conversation showed him hit by his wife (round 45 gave
        # him Välj att sluta three times): it says nothing new of who is writing
        return unclear_instead(guess)
    points_to_subjected = against_the_writer(text)  # the writer's own violence is ruled out above
    unsure = (
        guess.confidence < limits.change or not tells_of_violence(text)
        or denies_own_violence(text)  # "jag har aldrig slagit tillbaka": round 16's man
    )  # fmt: skip
    shown = earlier in (SUBJECTED, CONCERNED) and unsure
    if not (points_to_subjected or shown):
        return guess
    return as_doubt(guess, limits)


def unclear_instead(guess: RoleGuess) -> RoleGuess:
    """`guess` with its top reading moved to UNCLEAR: the message says nothing of who is
    writing, so the role the conversation showed holds."""
    unclear = guess.probabilities.get(UNCLEAR, 0.0) + guess.confidence
    return RoleGuess(guess.probabilities | {guess.role: 0.0, UNCLEAR: unclear}, guess.young)


def surely(
    guess: RoleGuess, role: str, limits: Limits = LIMITS, level: float | None = None
) -> RoleGuess:
    """`guess` with `role` as sure as a switch to its answer needs (or `level`), at least, the
    other readings scaled down to make room."""
    needed = switch_needed(role, limits) if level is None else level
    sure = max(guess.probabilities.get(role, 0.0), needed)
    rest = 1.0 - guess.probabilities.get(role, 0.0)
    scale = (1.0 - sure) / rest if rest > 0 else 0.0
    scaled = {other: p * scale for other, p in guess.probabilities.items()}
    return RoleGuess(scaled | {role: sure}, guess.young)


def torn(guess: RoleGuess, one: str, other: str, limits: Limits = LIMITS) -> RoleGuess:
    """`guess` with `one` and `other` equally likely, each less than a sure guess needs (the rest
    unclear), so that nobody is known to be writing and the bot asks."""
    probabilities = guess.probabilities
    share = min((probabilities.get(one, 0.0) + probabilities.get(other, 0.0)) / 2, limits.sure - 0.01)
    unclear = 1.0 - 2 * share - sum(p for r, p in probabilities.items() if r not in (one, other, UNCLEAR))
    return RoleGuess(probabilities | {one: share, other: share, UNCLEAR: unclear}, guess.young)


def as_doubt(guess: RoleGuess, limits: Limits = LIMITS) -> RoleGuess:
    """`guess` with the reading of one who uses violence kept only as a doubt, exactly as likely
    as `doubt_not_your_fault`; the rest of its weight goes to unclear."""
    violence = guess.probabilities[USES_VIOLENCE]
    kept = min(violence, limits.doubt_not_your_fault)
    unclear = guess.probabilities.get(UNCLEAR, 0.0) + violence - kept
    return RoleGuess(guess.probabilities | {USES_VIOLENCE: kept, UNCLEAR: unclear}, guess.young)


def writer_role(
    guess: RoleGuess,
    earlier: str | None,
    limits: Limits = LIMITS,
    evidence: float = 1.0,
    own_violence: bool = False,
) -> str | None:
    """Who is writing: a sure guess of this message, else what the conversation showed. Once
    the conversation has surely shown who is writing, a later message changes it only when the
    model is all but certain ("she has gone to her sister's with our daughter", from someone who
    said he hit her, is still his story); a role shown only by a guess less sure than a switch
    needs (`evidence`) changes on a guess as sure as a switch needs ("I think I might be the
    problem", then "I scream at my girlfriend and I have pushed her": round 8), unless it was
    someone who uses violence (a parent who hits, then "my father hit me a lot"). A message that
    tells the writer's own violence (`own_violence`: role_cues.tells_own_violence) changes such a
    role on a guess `told_own` sure; no other message changes a role to the one who uses
    violence."""
    if earlier in (None, guess.role):
        needed = limits.sure
    elif guess.role == USES_VIOLENCE and not own_violence:
        # a role the conversation showed becomes the one who uses violence only on a message that
        # tells the writer's own violence (round 46: a teacher's "hur gör jag det utan att hon
        # tappar förtroendet för mig?", 0.99, got Välj att sluta for four turns)
        return earlier
    elif evidence < limits.switch and earlier != USES_VIOLENCE:
        told = own_violence and guess.role == USES_VIOLENCE
        needed = limits.told_own if told else switch_needed(guess.role, limits)
    else:
        needed = limits.change
    if guess.role != UNCLEAR and guess.confidence >= needed:
        return guess.role
    return earlier


def danger_writer(
    writer: str | None,
    guess: RoleGuess,
    earlier: str | None,
    own_violence: bool,
    evidence: float = 1.0,
    limits: Limits = LIMITS,
) -> str | None:
    """The `writer` an answer after 112 may speak to: someone who uses violence only when the
    message tells of their own violence, the conversation showed it as surely as a switch needs,
    or the model is as sure as the answer for those who hit needs; else nobody known, so that
    the lines while asking fit both the one in danger and someone worried (rounds 30 and 31: a
    mother whose daughter came home with a black eye, read 0.63 as one who hits, got Välj att
    sluta after 112)."""
    if writer != USES_VIOLENCE or own_violence:
        return writer
    shown = earlier == USES_VIOLENCE and evidence >= limits.switch
    sure = guess.role == USES_VIOLENCE and guess.confidence >= limits.switch_to_uses_violence
    return writer if shown or sure else None


def may_have_hit(guess: RoleGuess, limits: Limits = LIMITS) -> bool:
    """Whether the role model reads the writer as someone who may have used violence, likely
    enough (`doubt_not_your_fault`) that "it is not your fault" is asked about first."""
    return guess.probabilities.get(USES_VIOLENCE, 0.0) >= limits.doubt_not_your_fault


def decide(
    intent: str,
    guess: RoleGuess,
    earlier: str | None = None,
    limits: Limits = LIMITS,
    disclosure: bool = False,
    age: str | None = None,
    evidence: float = 1.0,
    violence_shown: float = 0.0,
    own_violence: bool = False,
) -> Decision:
    """The intent to answer, given the topic classifier's `intent` and the role model's guess
    (`_decide`; `own_violence`: see `writer_role`); never "it is not your fault" in a
    conversation that showed someone who hits, also when the bot was not sure enough of it to
    answer on ("I know it's wrong, my father hit me a lot", from a parent who said they hit their
    child: round 8): the question instead. But never the question again to a writer the
    conversation surely showed (`shown_surely`): their not-understood lines instead."""
    decision = _decide(
        intent, guess, earlier, limits, disclosure, age, evidence, violence_shown, own_violence
    )
    shown_hitting = earlier == USES_VIOLENCE or violence_shown >= limits.uses_violence
    # ... nor the victims' lines for a message not understood ("I am alone with him and two
    # younger kids ... I just lose it", after "I have been hitting my son": round 19)
    victims_lines = decision.intent == FALLBACK and decision.writer == SUBJECTED
    if shown_hitting and (decision.intent in NOT_YOUR_FAULT or victims_lines):
        return Decision(ROLE_QUESTION, decision.writer, "asked")
    if decision.intent == ROLE_QUESTION and shown_surely(
        decision.writer, guess, earlier, limits, evidence, shown_hitting
    ):
        # "who is it about?" in the middle of a conversation that surely showed who is writing
        # is a dead end (round 23: a father who told he hits his son, then "is there somewhere
        # for fathers to learn another way?"): the writer's not-understood lines, which for
        # someone who uses violence also name the line for the one subjected
        return Decision(FALLBACK, decision.writer, "shown before")
    return decision


def shown_surely(
    writer: str | None,
    guess: RoleGuess,
    earlier: str | None,
    limits: Limits,
    evidence: float,
    shown_hitting: bool,
) -> bool:
    """Whether the conversation showed `writer` as surely as a switch needs and this message
    (`guess`) does not point elsewhere: for someone who uses violence, whose lines also name the
    line for the one subjected, not as surely as a switch needs; for anyone else, not as surely
    as a sure guess, and neither this message nor an earlier one (`shown_hitting`) hints at
    someone who hits."""
    if writer is None or writer != earlier or evidence < limits.switch:
        return False
    other = guess.role not in (writer, UNCLEAR)
    if writer == USES_VIOLENCE:
        return not (other and guess.confidence >= limits.switch)
    return not (
        (other and guess.confidence >= limits.sure) or may_have_hit(guess, limits) or shown_hitting
    )


def _decide(
    intent: str,
    guess: RoleGuess,
    earlier: str | None,
    limits: Limits,
    disclosure: bool,
    age: str | None,
    evidence: float,
    violence_shown: float,
    own_violence: bool = False,
) -> Decision:
    """The intent to answer, given the topic classifier's `intent` and the role model's guess.
    `disclosure`: the message tells of violence (danger triage's probability reached the level
    that makes a conversation's context danger, or a violent verb has a subject or an object:
    bot.understanding.role_cues). `age`: what the conversation said of the writer's age
    (bot.understanding.age_cues). `evidence`: how surely the conversation showed the `earlier`
    role (`evidence_for`); `violence_shown`: how surely an earlier message was read as written by
    someone who uses violence (`violence_shown`)."""
    writer = writer_role(guess, earlier, limits, evidence, own_violence)
    # this message does not point elsewhere than the role the conversation showed: read as that
    # role, as nobody's, as someone's less surely than a sure guess needs, or, for someone worried
    # or asking at work, as the other of those two (professionals often write as if worried:
    # round 4's counsellor, "She has a younger sister at home. Does that change anything?")
    helpers = (CONCERNED, PROFESSIONAL)
    consistent = earlier == writer and (
        guess.role in (writer, UNCLEAR) or guess.confidence < limits.sure
        or (writer in helpers and guess.role in helpers)
    )  # fmt: skip
    addressee = DANGER_FOR_WRITER.get((intent, writer))
    if addressee:
        sure_now = guess.role == writer and guess.confidence >= danger_switch(addressee, limits)
        if intent == "danger_witness" and not sure_now:
            # "Nu håller det på igen. Det lilla barnet gråter och hon skriker sluta" from a
            # neighbour the first message was misread as subjected: what a witness does, not
            # "lock yourself in" (round 26's TV10); the one in danger only on this message
            return Decision(intent, writer, "untouched")
        if sure_now or (consistent and writer != USES_VIOLENCE):
            # 112 first still; "get to a safe place" only to the one in danger, also when the
            # conversation showed earlier that the writer is worried about someone or asks in
            # their work (the answer for someone who has hurt another only on this message's
            # evidence)
            return Decision(addressee, writer, "switched")
        # the answer's addressee and the writer may differ, and the model is not sure: 112 for
        # anyone first, then "are you or someone else in danger right now?"
        return Decision(DANGER_UNSURE, writer, "asked")
    # the role the conversation showed holds unless this message points elsewhere as surely as a
    # switch needs ("Police left. It's quiet now." reads 0.6 as the one subjected)
    shown_or_read = guess.role == writer or (
        earlier == writer and (guess.role == UNCLEAR or guess.confidence < limits.switch)
    )
    if intent == CALM and writer in (CONCERNED, PROFESSIONAL) and shown_or_read:
        # "my daughter has left him, now he writes threats about her": not "good that you are
        # safe now" to her parent (round 8), nor "Police left. It's quiet now." to the neighbour
        # who called them (round 17); the danger triage has read it as calm already
        return Decision(ROLE_INTENT[writer], writer, "switched")
    if intent in UNTOUCHED or intent in {danger for danger, _ in DANGER_FOR_WRITER}:
        return Decision(intent, writer, "untouched")
    if intent in OUT_OF_SCOPE and writer:
        # after someone told who they are, "only questions about violence, call Servicecenter" is a
        # dead end: the not-understood answer for them instead
        # (bot.understanding.roles.NOT_UNDERSTOOD)
        return Decision(FALLBACK, writer, "switched")
    # a child at home: the model may hesitate between the two (not when it may be one who hits)
    hits = may_have_hit(guess, limits)
    child = writer or (None if hits else guess.role)
    if intent == FALLBACK and disclosure and age == YOUNG and child in (SUBJECTED, CONCERNED):
        # not understood, but a child told of violence and their age ("pappa slår mamma när han
        # tror att vi sover. jag är 13"): the young people's answer, not the adults' lines or the
        # menu (round 8; for one who uses violence only on the evidence below)
        return Decision(YOUNG_ANSWER[child], writer, "switched")
    if intent == FALLBACK and disclosure and writer and guess.role == writer:
        # not understood, but someone told of violence and who they are: their own answer, not
        # "I did not understand" (for those who use violence only when the model is all but certain)
        needed = limits.switch_to_uses_violence if writer == USES_VIOLENCE else limits.fallback
        if guess.confidence >= needed:
            return Decision(own_answer(intent, writer, guess, limits, age), writer, "switched")
    new_user_of_violence = writer == USES_VIOLENCE and earlier is None
    if intent == FALLBACK and (new_user_of_violence or (disclosure and writer is None)):
        # someone told of violence, or may have used it, and it is unclear who they are: ask,
        # not "I did not understand"
        return Decision(ROLE_QUESTION, writer, "asked")
    speaks_to = ANSWER_ROLE.get(intent)
    counterpart = COUNTERPART.get((intent, writer))
    # the counterpart of an answer to anyone: this message as sure as a switch needs, or the
    # conversation showed the role and this message does not point elsewhere
    sure = guess.role == writer and guess.confidence >= switch_needed(writer, limits)
    if speaks_to is None and counterpart:
        # someone read as worried or asking in their work gets their counterpart on this reading:
        # the police or social-services answer speaks to the one subjected ("the police can
        # protect you" to a home-care worker: round 10)
        helper = writer in (CONCERNED, PROFESSIONAL) and guess.role == writer
        # ... also when the conversation showed them and this message tells of no violence and
        # is not sure of another role: a doctor's "am I obliged to report this to the police? he
        # is an adult" reads as someone subjected (round 12 gave him "the police can protect
        # you"); "it is really me, can the police protect me?" tells of violence
        shown_helper = (
            earlier == writer and writer in (CONCERNED, PROFESSIONAL) and not disclosure
            and guess.confidence < limits.switch
            and not (guess.role == USES_VIOLENCE and guess.confidence >= limits.sure)
        )  # fmt: skip
        if counterpart in NOT_YOUR_FAULT and writer == SUBJECTED and hits:
            # "Jag har slagit min man ... jag skäms" read 0.93 as the one subjected (round 34 said
            # it was not her fault): ask first
            return Decision(ROLE_QUESTION, writer, "asked")
        if sure or consistent or helper or shown_helper:
            return Decision(for_age(counterpart, writer, guess, limits, age), writer, "switched")
        if writer == USES_VIOLENCE and intent not in FIT_EVERY_WRITER:
            # "she says she will go to the police": whose answer?
            return Decision(ROLE_QUESTION, writer, "asked")
    if intent in NOT_YOUR_FAULT and writer == SUBJECTED and hits:
        # "it is not your fault" to one who may have done it (`doubted`): ask first (round 25)
        return Decision(ROLE_QUESTION, writer, "asked")
    if speaks_to == USES_VIOLENCE == writer and earlier != writer and not own_violence and (
        guess.confidence < limits.unsaid_violence
    ):
        # the topic and the model agree on one who uses violence, but the message tells of no
        # violence of their own: "jag är 14 ... han slog henne igår. jag är så rädd" (0.60),
        # "jag anmälde min bror för att han slog sin fru" (0.77) got Välj att sluta (round 33)
        return Decision(ROLE_QUESTION, writer, "asked")
    if speaks_to is None or speaks_to == writer:
        answer = for_age(intent, writer, guess, limits, age)
        return Decision(answer, writer, "kept" if answer == intent else "switched")
    if writer is None:
        needs_evidence = speaks_to == USES_VIOLENCE
        uses_violence = guess.probabilities.get(USES_VIOLENCE, 0.0)
        if needs_evidence and uses_violence < limits.uses_violence:
            return Decision(ROLE_QUESTION, None, "asked")
        if intent in NOT_YOUR_FAULT and uses_violence >= limits.doubt_not_your_fault:
            return Decision(ROLE_QUESTION, None, "asked")
        if intent in NOT_YOUR_FAULT and guess.probabilities.get(CONCERNED, 0.0) >= limits.torn_worried:
            # "my friend was raped at a party", read as torn between her and a friend (round 41
            # told the friend it was not her fault): ask
            return Decision(ROLE_QUESTION, None, "asked")
        if intent in YOUNG_ANSWER.values():  # an answer for young people needs their age
            answer = for_age(intent, speaks_to, guess, limits, age)
            return Decision(answer, None, "kept" if answer == intent else "switched")
        return Decision(intent, writer, "kept")
    if sure:
        return Decision(own_answer(intent, writer, guess, limits, age), writer, "switched")
    if counterpart and consistent:
        # the conversation showed who is writing and this message does not say otherwise
        return Decision(for_age(counterpart, writer, guess, limits, age), writer, "switched")
    # a guess of another role less sure than a switch needs does not point elsewhere ("what can
    # I do if she never wants to leave him", from a worried mother, is 0.5-0.8 subjected), unless
    # it points to someone who uses violence; and "it is not your fault" only when nothing in the
    # message hints at that
    holds = consistent or (guess.role != USES_VIOLENCE and guess.confidence < limits.switch)
    # an answer for those who use violence hints at them only when this message is read as
    # someone else's: "om jag ringer polisen blir mamma arg på mig", from a 14-year-old who told
    # of her mother's partner, is no first call to Välj att sluta (round 16 asked)
    may_hit = (
        speaks_to == USES_VIOLENCE and guess.role not in (writer, UNCLEAR)
    ) or may_have_hit(guess, limits)
    shown_here = writer != USES_VIOLENCE and earlier == writer and holds
    if shown_here:
        # the conversation showed who is writing and this message hardly points elsewhere: their
        # general answer ("should I tell her he is abusive?" from a worried mother), not the
        # question who it is about again (round 8 asked it three times in a row); someone who
        # uses violence only gets a counterpart. "It is not your fault" only when nothing in the
        # message hints at the one who hits; the young people's answer (BRIS) says no such thing
        # ("om jag ringer polisen blir mamma arg på mig", from a 14-year-old: round 16 asked)
        answer = for_age(ROLE_INTENT[writer], writer, guess, limits, age)
        if not (writer == SUBJECTED and may_hit and answer in NOT_YOUR_FAULT):
            return Decision(answer, writer, "switched")
    return Decision(ROLE_QUESTION, writer, "asked")


# An answer given this many times in a conversation is not given again: "no answer repeats
# itself three times" (#18); the not-understood answer for the writer comes instead (their lines,
# then people to talk to). The question who it is about is left alone: for a writer nobody knows,
# the menu instead of it is a dead end.
SAID_ENOUGH = 2


# A topic answered in the bot's last turn and read again from the next message: the next step on
# it for the same writer, not the same text again. In the judged rounds 3-19, 199 conversation
# answers repeated the one before, and 22 of those were good ("jag vill inte va sån, min mamma var
# sån" after the answer to those who use violence got that answer again). Only where one step
# plainly follows.
NEXT_STEP = {
    "uses_violence": "first_call",  # how a first call to Välj att sluta goes: anonymous, free
    "forms_of_violence": "victim",  # "it is not your fault", who to talk to
    "concerned": "report_for_someone",  # what a relative or witness can do, and the police
    "professional": "professional_consult",  # consult social services without naming the child
    # rounds 24 to 26: "16", "im 14" or more of the story after the answer for young people got
    # it again word for word; what happens if they tell an adult comes next
    "young_person": "adult_reports_concern",
    "victim": "safety_plan",  # ... and "it is not your fault" again: how to be safer
}


def next_step(decision: Decision, said: Sequence[str]) -> Decision:
    """`decision`, or the next step on its topic (`NEXT_STEP`) when the bot's last turn (`said`:
    the responses so far, oldest first; a turn ends with at most one line after the answer) gave
    that topic's answer and the next step has not been given in this conversation."""
    step = NEXT_STEP.get(decision.intent)
    if step is None or f"utter_{decision.intent}" not in said[-2:] or f"utter_{step}" in said:
        return decision
    return Decision(step, decision.writer, "next step")


def not_asked_twice(
    decision: Decision, said: Sequence[str], general: str | None, told_own: str | None = None
) -> Decision:
    """`decision`, unless it asks who the message is about right after the bot asked it (`said`:
    the responses so far, oldest first) and the person wrote on instead of choosing: then the
    writer's `general` answer (general_answer), or their not-understood answer when that is the
    question too. Round 10 asked a man twice in a row after he told that his wife throws things
    at him. When nobody knows who is writing, or it may be someone who uses violence and the
    bot is not sure enough for their answer, the question stands, unless this message told
    their own violence (`told_own`: `answer_for_own_violence`)."""
    asked_just_now = said[-1:] == [f"utter_{ROLE_QUESTION}"]
    if decision.intent != ROLE_QUESTION or not asked_just_now or decision.writer is None:
        return decision
    if general not in (None, ROLE_QUESTION):
        return Decision(general, decision.writer, "asked before")
    if decision.writer == USES_VIOLENCE:  # not Välj att sluta's lines to a misread victim
        return Decision(told_own, USES_VIOLENCE, "asked before") if told_own else decision
    return Decision(FALLBACK, decision.writer, "asked before")


def answer_for_own_violence(
    guess: RoleGuess, own_violence: bool, age: str | None = None, limits: Limits = LIMITS
) -> str | None:
    """The general answer for one who uses violence (for their age) when this message tells the
    writer's own violence (`own_violence`) and the model reads it so `told_own` surely; else
    None. Round 40 asked "who is it about?" twice in a row of a young man who, asked, wrote "jag
    kollar hennes snap och insta och säger till om hon ska träffa nån kille"."""
    if not (own_violence and guess.role == USES_VIOLENCE and guess.confidence >= limits.told_own):
        return None
    return for_age(ROLE_INTENT[USES_VIOLENCE], USES_VIOLENCE, guess, limits, age)


def in_honour_case(general: str | None, said: Iterable[str]) -> str | None:
    """The worried writer's `general` answer in its honour version when the conversation so far
    (`said`: the texts) tells of honour, a marriage arranged for her or the family's name: that
    one says never to go to the family (round 11 gave a friend in an honour case the general one)."""
    if general == "concerned" and any(map(about_honour, said)):
        return "concerned_honour"
    return general


def after_witnessing(general: str | None, said: Iterable[str]) -> str | None:
    """The worried writer's `general` answer as what to do on hearing violence when the bot has
    already answered them as a witness of danger now (`said`: the responses so far): calling 112
    even when unsure, telling the police afterwards, a concern for children. Round 15's neighbour
    got "I do not quite understand" to "it got quiet now" and "what can I do after tonight?"."""
    if general == "concerned" and "utter_danger_witness" in said:
        return "report_for_someone"
    return general


def calm_after_witnessing(decision: Decision, said: Sequence[str]) -> Decision:
    """`decision`, unless it is "safe now" from someone worried whom the bot has answered as a
    witness of danger now (`said`: the responses so far): "it went quiet" is no safety for the
    one next door, so what to do on hearing violence, once (round 15: "good that you are safe")."""
    witnessed = "utter_danger_witness" in said and "utter_report_for_someone" not in said
    if decision.intent == CALM and decision.writer == CONCERNED and witnessed:
        return Decision("report_for_someone", decision.writer, "after witnessing")
    return decision


def general_before_not_understood(
    decision: Decision, said: Sequence[str], general: str | None, guess: RoleGuess = NO_GUESS
) -> Decision:
    """`decision`, unless it is "I do not quite understand" to a writer the conversation showed
    and the bot has not yet given their `general` answer (general_answer; `said`: the responses
    so far): then that answer. Round 11's later turns ("Okej. Men vad ska jag göra då?", "nej hon
    har inte anmält nåt än") got the not-understood answer where the writer's own answer says more.
    Not when this message's `guess` points to another role ("it is really me he hits", from one
    who wrote as a friend), nor for someone read as using violence (round 12: a man hit by his wife,
    misread, got "what you do is your responsibility" again for "tack, jag sparar det"): the
    not-understood answer, with lines for both, stays."""
    if decision.intent != FALLBACK or general in (None, ROLE_QUESTION):
        return decision
    if decision.writer == USES_VIOLENCE:
        return decision
    if guess.role not in (decision.writer, UNCLEAR):
        return decision
    if f"utter_{general}" in said:
        return decision
    return Decision(general, decision.writer, "not understood")


def lines_for_writer(writer: str | None, general: str | None, said: Sequence[str]) -> str | None:
    """What follows a second 112 when the message itself has no answer: the writer's `general`
    answer (general_answer) if the bot has not given it yet (`said`), else their not-understood
    answer with their lines; None when nobody knows who is writing (round 11: "jag e 15", "hon är
    17" after 112 got only the lines). Someone read as using violence keeps the not-understood
    answer, which also names Kvinnofridslinjen for a misread victim (round 12)."""
    if writer == USES_VIOLENCE:
        return NOT_UNDERSTOOD[writer]
    if general not in (None, ROLE_QUESTION) and f"utter_{general}" not in said:
        return f"utter_{general}"
    return NOT_UNDERSTOOD.get(writer or "")


def said_enough(intent: str, said: Iterable[str]) -> bool:
    """Whether `intent`'s answer is among the responses already `said` in this conversation
    (Rasa's `utter_action` names) `SAID_ENOUGH` times; only topic answers and the answer to
    questions for the rest of the municipality count."""
    if intent in OUT_OF_SCOPE:  # both answered by Servicecenter's number
        answer = "utter_municipal_other"
    elif intent in NOT_A_TOPIC or intent in UNTOUCHED:
        return False
    else:
        answer = f"utter_{intent}"
    return sum(response == answer for response in said) >= SAID_ENOUGH


def settle_close_call(
    candidates: list[str],
    guess: RoleGuess,
    earlier: str | None = None,
    limits: Limits = LIMITS,
    disclosure: bool = False,
    age: str | None = None,
    evidence: float = 1.0,
    violence_shown: float = 0.0,
) -> Decision | None:
    """Rasa's fallback when the two top topics are too close to choose between: if both lead to
    the same answer for this writer ("tar soc mina barn nu?" from a father who has hit: social
    services or his children, the answer for parents who use violence either way), that answer;
    if one is the writer's general answer and the other an answer for the writer's role on the
    same matter ("I forced my wife to have sex": using violence, or sexual violence as its
    counterpart for him), the specific one; else None (not understood stays)."""
    decisions = [
        decide(intent, guess, earlier, limits, disclosure, age, evidence, violence_shown)
        for intent in candidates
    ]
    answers = {decision.intent for decision in decisions}
    if len(candidates) != 2 or ROLE_QUESTION in answers:
        return None
    if len(answers) == 1:
        return decisions[0]
    writer = decisions[0].writer
    general = {ROLE_INTENT.get(writer or ""), YOUNG_ANSWER.get(writer or "")}
    specific = [d for d in decisions if d.intent not in general]
    if writer and len(specific) == 1 and ANSWER_ROLE.get(specific[0].intent) == writer:
        return specific[0]
    return None


def switch_needed(writer: str, limits: Limits) -> float:
    """How sure the role model must be to give `writer`'s answer instead of another's."""
    return limits.switch_to_uses_violence if writer == USES_VIOLENCE else limits.switch


def danger_switch(addressee: str, limits: Limits) -> float:
    """How sure the role must be to give a danger answer to another addressee (112 stays first)."""
    if addressee == "danger_caused":
        return limits.switch_to_uses_violence
    return limits.switch if addressee == "danger_witness" else limits.sure


def writer_age(
    writer: str | None, guess: RoleGuess, said: str | None, limits: Limits
) -> str | None:
    """`YOUNG`, `ADULT` or None (not known): what the conversation said of the writer's age
    (bot.understanding.age_cues), else for someone subjected the role model's reading (children hit
    at home write "pappa slår mig", seldom their age). For the others only a said age counts: the
    model
    cannot tell a 13-year-old worried about a friend from a mother worried about her daughter."""
    if said or writer != SUBJECTED:
        return said
    if guess.young >= limits.young:
        return YOUNG
    if guess.role == writer and guess.young < limits.adult:
        return ADULT
    return None


def for_age(
    intent: str, writer: str | None, guess: RoleGuess, limits: Limits, said: str | None = None
) -> str:
    """`intent`, or the answer for the writer's age (`writer_age`): a role's answer for young
    people to someone under 18 (for someone subjected also instead of the answers for parents),
    the adults' answer to an adult (a parent's answer on social services becomes the one on an
    adult telling them, YOUNG_VERSION); a young people's answer to someone worried or who uses
    violence only when the conversation said the writer is under 18."""
    young_answer = YOUNG_ANSWER.get(writer or "")
    if young_answer is None:
        # nobody knows who is writing, but they said they are under 18: not the answer on social
        # services for adults ("jag vill inte att soc tar oss ifrån mamma": round 23)
        return YOUNG_VERSION.get(intent, intent) if writer is None and said == YOUNG else intent
    age = writer_age(writer, guess, said, limits)
    if writer == SUBJECTED and intent in FOR_YOUNG and age == ADULT:
        return FOR_YOUNG[intent]
    for_adults = intent == ROLE_INTENT[writer] or intent in FOR_ADULTS.get(writer or "", ())
    if intent in SAID_AGE_ONLY and said != YOUNG:
        return intent
    if for_adults and age == YOUNG:
        return YOUNG_VERSION.get(intent, young_answer) if writer == SUBJECTED else young_answer
    if intent == young_answer and (age == ADULT or (age is None and writer != SUBJECTED)):
        return ROLE_INTENT[writer]
    return intent


def general_answer(
    writer: str | None,
    guess: RoleGuess,
    earlier: str | None = None,
    limits: Limits = LIMITS,
    age: str | None = None,
    evidence: float = 1.0,
    violence_shown: float = 0.0,
) -> str | None:
    """Where "no, not in danger right now" leads after a message with no topic of its own, and
    the answer instead of asking who it is about a second time: the writer's general answer as
    `decide` gives it (for their age), when the conversation showed the writer or this message is
    as sure as a switch needs (round 10 showed the menu to a man who had just told that his
    girlfriend hits him). None when nobody knows who is writing, for someone who uses violence
    without that certainty (a misread victim must not get Välj att sluta), and for "it is not
    your fault" when this message may be from the one who hits."""
    if writer is None:
        return None
    sure_now = guess.role == writer and guess.confidence >= switch_needed(writer, limits)
    shown = earlier == writer and (writer != USES_VIOLENCE or evidence >= limits.switch)
    if not (sure_now or shown):
        return None
    answer = decide(
        ROLE_INTENT[writer], guess, earlier, limits, age=age, evidence=evidence,
        violence_shown=violence_shown,
    ).intent  # fmt: skip
    return None if answer in NOT_YOUR_FAULT and may_have_hit(guess, limits) else answer


def own_answer(
    intent: str, writer: str, guess: RoleGuess, limits: Limits, said: str | None = None
) -> str:
    """The writer's own answer instead of `intent`: a counterpart of it, the answer for young
    people, or the role's general answer."""
    if writer == SUBJECTED and writer_age(writer, guess, said, limits) == YOUNG:
        return YOUNG_INTENT
    answer = COUNTERPART.get((intent, writer)) or ROLE_INTENT[writer]
    return for_age(answer, writer, guess, limits, said)


def earlier_role(parses: Iterable[dict]) -> str | None:
    """The role the conversation showed most recently: a button for a role's answer (the
    person chose it) or a message whose writer was known. A message after which the bot asked
    who it is about does not show someone who uses violence: that guess was not sure enough to
    answer on, and a misread victim must not get Välj att sluta next. `parses` newest first."""
    for parse in parses:
        intent = (parse.get("intent") or {}).get("name")
        if (parse.get("text") or "").startswith("/"):
            if intent in BUTTON_ROLES:
                return ANSWER_ROLE[intent]
            continue
        reading = parse.get("role") or {}
        if reading.get("writer") and not unsure_of_violence(reading):
            return reading["writer"]
    return None


def evidence_for(role: str | None, parses: Iterable[dict]) -> float:
    """How surely the conversation showed `role`: 1.0 for a button the person chose or, for a
    professional, a message naming their job (round 45: a GP's "I'm a GP", read 0.84, gave way
    to a later 0.92 for someone worried), else the highest probability the role model gave it on
    a message read as written by it (1.0 when no such message is among `parses`: the role then
    came from further back)."""
    surest = None
    for parse in parses:
        intent = (parse.get("intent") or {}).get("name") or ""
        text = parse.get("text") or ""
        if text.startswith("/"):
            if intent in BUTTON_ROLES and ANSWER_ROLE[intent] == role:
                return 1.0
            continue
        if role == PROFESSIONAL and says_own_job(text):
            return 1.0
        reading = parse.get("role") or {}
        if role and reading.get("guess") == role:
            surest = max(surest or 0.0, (reading.get("probabilities") or {}).get(role, 0.0))
    return 1.0 if surest is None else surest


def violence_shown(parses: Iterable[dict]) -> float:
    """The highest probability with which an earlier message was read as written by someone who
    uses violence, also when the bot asked instead of answering on it, or only kept it as a doubt
    (`doubted`: the model's figure is in the reading as `doubted`)."""
    readings = [parse.get("role") or {} for parse in parses]
    return max(
        (
            reading.get("doubted")
            or (reading.get("probabilities") or {}).get(USES_VIOLENCE, 0.0)
            for reading in readings
            if reading.get("guess") == USES_VIOLENCE or reading.get("doubted")
        ),
        default=0.0,
    )


def writers_age(text: str, earlier: str | None) -> str | None:
    """What `text` says of the writer's age (age_cues.said_age). A bare age ("14 år") after the
    conversation showed someone worried or asking at work is the age of the one they write about
    (round 45: a mother's "14 år" about her daughter's friend made her a child, then BRIS)."""
    if earlier in (CONCERNED, PROFESSIONAL) and only_an_age(text):
        return None
    return said_age(text)


# The answer when someone worried or at work gives the age of the one they write about (`YOUNG`
# or `ADULT`): round 45's mother ("14 år") got BRIS, a home-care worker ("she is 82") the duty to
# report a child
AGE_OF_THE_ONE_WRITTEN_ABOUT = {
    (CONCERNED, YOUNG): "report_concern_child",
    (CONCERNED, ADULT): "concerned",
    (PROFESSIONAL, YOUNG): "professional",
    (PROFESSIONAL, ADULT): "professional_adult",
}


def answer_for_their_age(writer: str | None, bare_age: str | None) -> str | None:
    """The answer to a bare age (age_cues.only_an_age) from someone worried or at work, else None."""
    return AGE_OF_THE_ONE_WRITTEN_ABOUT.get((writer or "", bare_age or ""))


def earlier_age(parses: Iterable[dict]) -> str | None:
    """What the conversation said most recently of the writer's age (bot.understanding.age_cues): "jag är 15"
    still holds when the next message asks "kostar det?". `parses` newest first."""
    for parse in parses:
        said = (parse.get("role") or {}).get("age")
        if said:
            return said
    return None


def young_writer(parses: Sequence[dict], limits: Limits = LIMITS) -> bool:
    """Whether the conversation said the writer is under 18 (`earlier_age`), or, when it said
    nothing of their age, the latest message was read as from someone subjected who is likely
    under 18 (`writer_age`). `parses` newest first."""
    said = earlier_age(parses)
    if said:
        return said == YOUNG
    reading = (parses[0].get("role") or {}) if parses else {}
    return reading.get("writer") == SUBJECTED and reading.get("young", 0.0) >= limits.young


def unsure_of_violence(reading: dict) -> bool:
    """Whether a message's reading took the writer for someone who uses violence but asked."""
    return reading.get("writer") == USES_VIOLENCE and reading.get("reason") == "asked"


# Not understood, but the conversation showed who is writing: their next step, not the menu alone.
# The one for those who use violence names Kvinnofridslinjen too, in case the role was misread.
NOT_UNDERSTOOD = {
    SUBJECTED: "utter_default_subjected",
    USES_VIOLENCE: "utter_default_uses_violence",
    CONCERNED: "utter_default_concerned",
    PROFESSIONAL: "utter_default_professional",
}


# ... and for someone under 18 who is subjected or worried: BRIS and an adult they trust (round 16
# gave a 15-year-old, afraid to go home tonight, Kvinnofridslinjen's and Brottsofferjouren's lines)
NOT_UNDERSTOOD_YOUNG = "utter_default_young"
NOT_UNDERSTOOD_RESPONSES = frozenset(
    {*NOT_UNDERSTOOD.values(), NOT_UNDERSTOOD_YOUNG, "utter_default"}
)
# After this many in a row, a third "not understood" would repeat itself: people to talk to.
# (Round 44 tried it after one: the judges took "Förlåt att jag inte förstår dig" with only a
# button back for a dead end twice, where the writer's own text again was acceptable.)
NOT_UNDERSTOOD_BEFORE_PERSON = 2
NOT_UNDERSTOOD_AGAIN = "utter_not_understood_again"


def not_understood_response(
    writer: str | None, in_a_row: int = 0, said: Sequence[str] = (), young: bool = False
) -> str:
    """The response when a message was not understood: for the writer's role (the `role` slot)
    and, when subjected, worried, using violence or nobody knows who is writing, their age (`young`:
    `young_writer`; round 23's 15-year-old whose stepdad comes into her room got the menu);
    after `NOT_UNDERSTOOD_BEFORE_PERSON` of them in a row, or when the conversation already had
    that response `SAID_ENOUGH` times (`said`: the responses so far), people to talk to instead
    (the action adds the lines open now); when that too was said enough, the start menu. Only
    when all of them were said enough does one come a third time."""
    own = NOT_UNDERSTOOD.get(writer or "", "utter_default")
    if young and writer in (SUBJECTED, CONCERNED, USES_VIOLENCE, None):
        own = NOT_UNDERSTOOD_YOUNG  # also a 14-year-old who hits: BRIS, not the adults' line
    options = [NOT_UNDERSTOOD_AGAIN, "utter_default"]
    if in_a_row < NOT_UNDERSTOOD_BEFORE_PERSON:
        options.insert(0, own)
    counts = list(said)
    return next((o for o in options if counts.count(o) < SAID_ENOUGH), NOT_UNDERSTOOD_AGAIN)
