"""What a message says outright of the writer's age: "jag är 14", "vi går i nian", "I'm 16".

The role model's probability that a writer is under 18 cannot tell "jag är 13 och orolig för min
bästis" from a man who grabbed his old mother's arm (round 6 of the final sets), so the answers for
young people who worry about someone or use violence need the writer to have said it
(bot/understanding/roles.py). Only the writer's own age counts: "min dotter är 15" says nothing of
the writer; "min man" or "mina barn" says an adult is writing. Swedish and English only: messages in
other languages get the crisis card, whatever the age. Matched against
`bot.understanding.danger.normalise`d text (lower case, no accents).
"""

from __future__ import annotations

import re

from bot.understanding.danger import normalise

YOUNG = "young"
ADULT = "adult"

_YOUNG_AGES = "1[0-7]|[6-9]"
_ADULT_AGES = "1[89]|[2-9][0-9]"
# the writer (or a group the writer belongs to) is: "jag är", "ja e", "vi e", "I'm", "we're",
# "om man e" (a question about oneself), or at the start of a sentence "e 16" (not "Är 15 000
# kr", not "ja det är barn i familjen": "ja" as "yes")
_WRITER_IS = (
    r"(\b(jag|ja|vi)( (bara|typ|ju|nog|bada|ocksa))? (ar|e)|\b(nu|snart) (ar|e) (jag|ja)|"
    r"\b(i am|i'm|im|iam|we are|we're)|\b(om|nar) man (ar|e)|(^|[.!?] )e)"
)
_FILLER = r"( (bara|typ|nastan|snart|endast|only|just|almost|like|barely|both|bada))?"
# an age as a number, not "jag är 15 minuter bort", "8 månader gravid", "15 000 kr", "17.30",
# "16 år äldre än henne", "12 år sen", "6 personer" or "I'm 6'2"
_NOT_AGE = (
    r"(?! ?(min|minuter|minutes?|km|kr|mil|meter|m|cm|ft|feet|foot|ganger|ggr|veckor|weeks?|"
    r"dagar|days?|timmar|hours?|manader|months?|personer|people|st|\w*th)\b|'|%|[.:,]\d| \d{3}\b|"
    r" (ar|years?) (aldre|yngre|older|younger|sedan|sen|ago|tillsammans|together)\b)"
)
_SCHOOL_YEAR = (
    r"(sexan|sjuan|attan|nian|(ettan|tvaan) pa gymnasiet|femman|fyran|6an|7an|8an|9an|"
    r"(ak|arskurs|klass|grade|year) ?[4-9]|[4-9](th)? grade|hogstadiet|mellanstadiet|gymnasiet|"
    r"high ?school|middle school)\b"
)
# "jag går i nian", "vi går i samma klass", "går första året på gymnasiet", "I'm in 9th grade";
# not "Är gymnasiet skyldigt att anmäla?" nor "min dotter 15, går i nian"
_AT_SCHOOL = (
    r"(\b(jag|ja|vi|i|we)( bara| typ)? (gar|pluggar|ar|e|am|are|go)|(^|[.!?] )(gar|pluggar)|"
    r"\b(i'm|im|i am|we're|we are))"
    rf"( (i|pa|in|to|samma|forsta|andra|aret|the|same|both|bada))* {_SCHOOL_YEAR}"
)
_MINOR = (
    rf"{_WRITER_IS}{_FILLER} (ett barn|barn|minderarig|under 18|inte myndig|inte 18|tonaring|"
    r"a (kid|child|minor|teen|teenager)|underage|not 18)\b"
)
# afraid social services will take the writer from home: only a child can be placed ("tar soc
# mig härifrån om jag snackar me kuratorn?", "will they take me away from my mum?"; round 8)
_PLACED = (
    r"\b(soc|socialen|socialtjansten)\b[^.!?]{0,15}\b(ta|tar|tog|placera\w*|flytta\w*|"
    r"omhanderta\w*) mig\b|\b(tar|tog|placerar|flyttar) (soc|socialen|socialtjansten) mig\b|"
    r"\b(ta|tar|tog) mig (harifran|hemifran|fran (mamma|pappa|mina foraldrar|familjen|morsan|"
    r"farsan))\b|\b(take|put) me (away|into care|in care|from (my|our) (mom|mum|dad|parents|"
    r"family|home))\b"
    # "jag vill inte att vi blir tagna", "tar soc oss från mamma?" (round 17, a child of 12)
    r"|\b(vi|jag|ja) (blir|kommer bli|kommer att bli|ska bli) (tagna|tagen|omhandertagna|"
    r"omhandertagen|placerade|placerad)\b(?! av polisen)|\b(soc|socialen|socialtjansten) (tar|ta) oss\b"
    r"|\b(tar|ta) (soc|socialen|socialtjansten) oss\b"
    r"|\b(tar|ta|tog) oss (fran|from) (mamma|pappa|morsan|farsan|mom|mum|dad)\b"
)
# an age said outright: "jag är 15", "I'm 16", "hej jag 15 år"
_YOUNG_AGE = (
    rf"{_WRITER_IS}{_FILLER} (a (girl|boy) and )?({_YOUNG_AGES})\b{_NOT_AGE}|"
    rf"\bjag ({_YOUNG_AGES}) ar\b{_NOT_AGE}"
)
# a classmate, or a friend of a young age: "min klasskompis", "min bästis e 15", "hon e 14 o ja med"
_SCHOOLMATE = (
    rf"\b(min|mina|my) (klasskompis\w*|klasskamrat\w*|classmates?)\b|\b(kille|tjej) i min klass\b|"
    rf"\b(min|my) (kompis|bastis|basta kompis|best friend|bff) (som |who )?(ar|e|is) "
    rf"({_YOUNG_AGES})\b{_NOT_AGE}|\b({_YOUNG_AGES}) (o|och) (jag|ja) med\b|"
    rf"\b({_YOUNG_AGES}) som (mig|jag)\b"
)
# the writer works with young people ("en elev i min klass" is a teacher's) or studies as an adult
_NOT_A_PUPIL = (
    r"\b(elev\w*|larare|mentor|pupils?|students?|teacher|sfi|komvux|uni|universitet\w*|"
    r"university|college|hogskola\w*)\b"
)
# asks whether to tell an adult or someone at school: "ska ja säga till nån lärare?", "should I tell
# the school counselor?" (round 11 gave such friends the adults' answer, without BRIS), unless the
# writer works there
_TELL_AN_ADULT = (
    r"\b((saga|sager|beratta|berattar|snacka|snackar|prata|pratar)( det)? (till|for|med|me)|tell"
    r"|telling|talk to)"
    r"( (en|nan|nagon|min|var|a|an|my|our|the|some))? (vuxen|vuxna|larare|mentor|mentorn|kurator"
    r"|kuratorn|skolkuratorn|skolskoterska|skolskoterskan|adult|grown.?up|teacher|school counsel+or"
    r"|school nurse)\b"
)
# ... unless the writer works, studies as an adult, or is the parent: "Jag är hennes mamma. Ska jag
# berätta för kuratorn?", "Jag går på SFI", "kuratorn på vårdcentralen"
_NOT_AT_SCHOOL = (
    r"\b(jobba\w*|arbeta\w*|jobb\w*|personal|kollega\w*|work|works|working|colleagues?|staff|sfi"
    r"|komvux|universitet\w*|university|uni|college|hogskola\w*|vardcentral\w*)\b"
    r"|\b(jag ar|ja e|i am|i'm|im) (en |an? )?(larare|mentor|kurator|skolskoterska|rektor|pedagog"
    r"|fritidsledare|teacher|counsel+or|nurse)\b"
    r"|\b(jag ar|ja e|i am|i'm|im) (hennes|hans|hens|deras|her|his|their) (mamma|pappa|mor|far"
    r"|foralder|mom|mum|dad|mother|father|parent)\b"
)
_ADULT_AGE = rf"{_WRITER_IS}{_FILLER} ({_ADULT_AGES})\b{_NOT_AGE}"
# a spouse or children of one's own: an adult is writing
_ADULT_LIFE = (
    r"\b(min (man|make|fru|hustru|exman|exfru|svarmor|svarfar|son|dotter)|mina (barn|barnbarn)|"
    r"vara barn|vart barn|mitt barnbarn|my (husband|wife|ex-husband|ex-wife|kids|children|son|"
    r"daughter|grandchild\w*|mother-in-law)|our (kids|children|son|daughter))\b"
)

_SAYS_ADULT_AGE = re.compile(_ADULT_AGE)
_SAYS_YOUNG_AGE = re.compile(_YOUNG_AGE)
_SAYS_YOUNG = re.compile("|".join((_MINOR, _AT_SCHOOL, _PLACED)))
_SAYS_SCHOOLMATE = re.compile(_SCHOOLMATE)
_SAYS_NOT_A_PUPIL = re.compile(_NOT_A_PUPIL)
_SHOWS_ADULT_LIFE = re.compile(_ADULT_LIFE)
_ASKS_TO_TELL_AN_ADULT = re.compile(_TELL_AN_ADULT)
_SAYS_NOT_AT_SCHOOL = re.compile(_NOT_AT_SCHOOL)


# a message that is nothing but the writer's age, typed after their story: "16", "e 22", "jag är
# 15 år", "I'm 17" (round 19: "16" and "e 22" got the not-understood answer)
_ONLY_AGE = re.compile(
    rf"^({_WRITER_IS}{_FILLER} )?(?P<age>[1-9][0-9]?)( ar( gammal)?| years?( old)?| yo)?[ .!]*$"
)


def only_an_age(text: str) -> str | None:
    """`YOUNG` or `ADULT` when the whole message is the writer's age, else None."""
    match = _ONLY_AGE.match(normalise(text).strip())
    if not match or int(match["age"]) < 6:
        return None
    return YOUNG if int(match["age"]) < 18 else ADULT


def said_age(text: str) -> str | None:
    """`YOUNG` if `text` says the writer is under 18, `ADULT` if it says an adult is writing, else
    None. An age said outright wins ("jag är 16 och min kille..." is young); then a spouse or
    children of one's own ("min man", "my kids": an adult); then asking whether to tell a teacher
    or an adult; then school ("vi går i nian")."""
    if bare := only_an_age(text):
        return bare
    norm = normalise(text)
    if _SAYS_ADULT_AGE.search(norm):
        return ADULT
    if _SAYS_YOUNG_AGE.search(norm):
        return YOUNG
    if _SHOWS_ADULT_LIFE.search(norm):
        return ADULT
    if _ASKS_TO_TELL_AN_ADULT.search(norm) and not _SAYS_NOT_AT_SCHOOL.search(norm):
        return YOUNG
    if _SAYS_NOT_A_PUPIL.search(norm):
        return None
    if _SAYS_YOUNG.search(norm) or _SAYS_SCHOOLMATE.search(norm):
        return YOUNG
    return None
