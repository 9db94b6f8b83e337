"""Grammatical cues to who does what to whom, as extra features of the role model.

A bag of n-grams sees nearly the same words in "jag slog min flickvän" and "min flickvän slog mig";
the difference is who is the subject and who the object of the violent verb. Each cue is a yes/no
feature; the role model learns from the corpus how much each one counts
(bot/understanding/role_model.py), so no cue decides anything alone. Matched against
`bot.understanding.danger.normalise`d text (lower case, no accents).
"""

from __future__ import annotations

import re

from bot.understanding.danger import DROPPED_I_VIOLENCE, normalise, spoken_forms, without_bumps
from bot.understanding.topic_cues import about_honour, blames_self_for_not_helping, names_virginity

_SV_VERBS = (
    r"(sla|slar|slog|slagit|sla till|sparka\w*|knuffa\w*|stryp\w*|strop|skada\w*|hota\w*|"
    r"kontrollera\w*|tvinga\w*|nyp\w*|nop|river|rev|rivit|orfila\w*|misshandla\w*|valdta\w*|"
    r"kasta\w*|lasa|laser|laste in|last in|trakassera\w*|tog strypgrepp|tar strypgrepp|"
    r"gor illa|gjorde illa|skrek|skriker|forfoljer|forfoljde|kranker|krankte|tafsa\w*)"
)
_EN_VERBS = (
    r"(hit|hits|hitting|punch\w*|kick\w*|push\w*|shov\w*|chok\w*|strangl\w*|slap\w*|hurt\w*|"
    r"beat|beats|beating|threat\w*|control\w*|rap\w*|grab\w*|yell\w*|scream\w*|stalk\w*|"
    r"lock\w*|abus\w*|attack\w*|forc\w*)"
)
_VERBS = rf"({_SV_VERBS}|{_EN_VERBS})"
_I = r"\b(jag|ja|i|ive|i've|im|i'm)\b"
# ... also a parent named bare ("pappa slog mamma igår": round 21 read the grown son as subjected)
_THEY = (
    r"\b(han|hon|hen|de|dom|he|she|they|min \w+|mitt \w+|mina \w+|my \w+|her \w+|his \w+|"
    r"pappa|mamma|farsan|morsan|styvpappa|styvmamma|dad|mom|mum|stepdad|stepmom)\b"
)
_ME = r"\b(mig|mej|me|oss|us)\b"
_SOMEONE_ELSE = (
    r"\b(henne|honom|hen|dem|dom|min|mitt|mina|barnen|barnet|her|him|them|my|the kids?|"
    r"the children)\b"
)
_UP_TO_3_WORDS = r"( \S+){0,3} "
_PASSIVE = r"(blev|blir|blivit|ar|var|was|were|got|get|gets|am|been|being|is)"
_ACTIVE_GAP = rf"( (?!{_PASSIVE}\b)\S+){{0,3}} "  # up to 3 words, none of them "blir", "was" ...
# "I have been hitting my son", "I've been pushing her": "been" is active before an -ing form
# (round 19: a mother who said so was read as subjected)
_EN_PROGRESSIVE = (
    r"( (have|has|had|'ve))? been (hitting|punching|kicking|pushing|shoving|choking|strangling|"
    r"slapping|hurting|beating|threatening|controlling|grabbing|yelling at|screaming at|"
    r"stalking|abusing|attacking|forcing)"
)
_WE_OR_I = r"\b(jag|ja|i|vi|we)"
_PERCEIVES = r"(hor|horde|hort|hear|heard|hears|ser|sag|sett|see|saw|seen)"
_NEIGHBOUR_WORDS = r"\b(granne|grannen|grannar|grannarna|grannens|neighbou?rs?|neighbou?r's)\b"
_COUPLE_NEAR = r"\bett par (under|ovanfor|bredvid) (mig|oss)\b"
_WITNESSED = (
    r"(henne|honom|hen|dem|dom|han|hon|her|him|them|he|she|paret|the couple|"
    r"grann\w*|the neighbou?rs?|my neighbou?rs?)"
)
_SAYS = r"(sager|sa|sagt|kallar|tycker|menar|says|said|calls|called|thinks|claims|accuses|tells me)"
_TRAIT = (
    r"(kontrollerande|kontrollerar|valdsam|svartsjuk|elak|aggressiv|farlig|misshandlare|"
    r"controlling|abusive|violent|jealous|aggressive|an abuser|toxic|scary|possessive)"
)
_WE = r"\b(jag|vi|we)\b"  # "i" and "ja" are also Swedish for "in" and "yes":
_I_WROTE = r"\b(i|i'?ve|ive)( have| had| always| just)?"  # English "I" only right before the verb
_TAKES = r"(tar|tog|tagit|kollar|kollade|gar igenom|gick igenom|took|take|taken|check|checked|go through|went through)"
_HER_THINGS = (
    r"(hennes|her|min dotters|var dotters|min systers|var systers|my daughter'?s|my sister'?s) "
    r"(telefon|mobil|mobiltelefon|pass|dator|phone|mobile|passport|laptop)"
)
_FORBIDS = (
    r"(later inte|lat inte|forbjud\w*|forbjod|don'?t let|won'?t let|didn'?t let|do not let|"
    r"will not let|forbid\w*|forbade)"
)
_HER = (
    r"(henne|her|min dotter|var dotter|min syster|var syster|min lillasyster|my daughter|"
    r"our daughter|my sister|my little sister)"
)
_VICTIM_PARTICIPLES = (
    r"(slagen|slagna|misshandlad|hotad|kontrollerad|valdtagen|tvingad|inlast|knuffad|"
    r"hit|beaten|abused|threatened|raped|hurt|choked|controlled|forced|locked)"
)

_HELP_VERBS = (
    r"(hjalpa|stotta|stodja|overtala|na fram till|help|support|convince|persuade|reach)"
)
_THE_OTHER = (
    r"(henne|honom|hen|dem|dom|min \w+|mitt \w+|mina \w+|var \w+|her|him|them|my \w+|our \w+)"
)

CUES: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern)
    for name, pattern in {
        # "jag slog", "I hit", "kastade mobilen på honom": the writer does it (not "jag blir
        # slagen", "I was hit")
        "writer acts": (
            rf"{_I}{_ACTIVE_GAP}{_VERBS}\b|{_I}{_EN_PROGRESSIVE}\b|{DROPPED_I_VIOLENCE.pattern}"
        ),
        # "jag slog min flickvän", "I pushed her": the writer does it to someone else
        "writer acts on someone": (
            rf"{_I}({_ACTIVE_GAP}{_VERBS}|{_EN_PROGRESSIVE})( \S+){{0,2}} {_SOMEONE_ELSE}"
        ),
        # "slog mig", "hits me": it is done to the writer
        # "she throws things at me" (round 20; as the writer's own act, throwing is no cue:
        # "I threw his laptop" is told by both)
        # ... and "he threw a glass at me", "han kastade ett glas på mig" (round 46 read it as
        # the one who hits)
        "done to writer": (
            rf"\b({_VERBS}|throws|threw|throwing)( \S+){{0,2}} {_ME}"
            rf"|\b(throws|threw|throwing|thrown|kastar|kastade|kastat)( \S+){{0,3}} (at|pa|mot) {_ME}"
        ),
        # "jag blev slagen", "I was beaten"
        "writer suffers": (
            rf"{_I}( \S+){{0,3}} (blev|blir|har blivit|was|got|get|am|have been|been) "
            rf"(\S+ )?{_VICTIM_PARTICIPLES}\b"
        ),
        # "vi tar hennes telefon varje kväll", "I don't let my sister go out": the writer (or the
        # family, "vi") restricts a girl; parents and brothers who control for honour seldom
        # name a violent verb
        "writer restricts her": (
            rf"({_I_WROTE}|{_WE}( \S+){{0,3}}) {_TAKES}( \S+)? {_HER_THINGS}\b|"
            rf"({_I_WROTE}|{_WE}( \S+){{0,3}}) {_FORBIDS}( \S+)? {_HER}\b"
        ),
        # "han slår", "min man hotar", "she controls": someone else does it
        "someone else acts": rf"{_THEY}{_UP_TO_3_WORDS}{_VERBS}\b",
        # "jag hörde henne gråta", "ett par under mig", "my neighbour": the writer hears or sees
        # it happen to others, or it is about neighbours (round 19 read a neighbour as the one in
        # danger for a whole conversation; in the corpus 65% worried, 18% subjected)
        "writer witnesses": (
            rf"{_WE_OR_I}( \S+){{0,2}} {_PERCEIVES}( \S+)? {_WITNESSED}\b|"
            rf"{_NEIGHBOUR_WORDS}|{_COUPLE_NEAR}"
        ),
        # "hur får jag henne att söka vård?", "kan jag hjälpa henne flytta", "I want to help my
        # sister": the writer wants to help someone else (round 21 read two grown children
        # worried about their mother as the one subjected)
        "writer helps someone": (
            rf"\b(jag|vi|i|we)( \S+){{0,2}} {_HELP_VERBS} {_THE_OTHER}\b|"
            rf"\b(hur|how) (kan|ska|far|can|do|should) (jag|vi|i|we)( fa| get| make)? "
            r"(henne|honom|hen|dem|dom|her|him|them|min \w+|my \w+) (att|to) (soka|ga till|ringa|"
            r"prata med|anmala|seek|go to|see a|call|talk to|report)\b"
        ),
        # "min fru säger att jag är kontrollerande", "he says I'm the abusive one": the writer is
        # accused (in the corpus twice as often by someone they control as by someone who
        # controls them: a cue, not a verdict)
        "writer accused": (
            rf"{_THEY}( \S+){{0,2}} {_SAYS}( att| that)? {_I}( \S+){{0,2}} {_TRAIT}\b|"
            rf"\b{_SAYS} (mig|me) (for |a |an )?{_TRAIT}\b"
        ),
    }.items()
}
CUE_NAMES = tuple(CUES)


def cues_of(text: str) -> list[int]:
    """The indices (in CUE_NAMES) of the cues that `text` shows."""
    norm = without_bumps(normalise(text))
    return [i for i, pattern in enumerate(CUES.values()) if pattern.search(norm)]


# Cues that are no telling of violence: an accusation alone ("she says I'm jealous"), keeping
# a girl from things (a parent or a brother, but also a protective friend), and neighbours or
# hearing someone ("jag hör grannarna")
NOT_TELLING = frozenset(
    CUE_NAMES.index(name) for name in ("writer accused", "writer restricts her", "writer witnesses")
)


def tells_of_violence(text: str) -> bool:
    """Whether a violent verb in `text` has a subject or an object."""
    return any(cue not in NOT_TELLING for cue in cues_of(text))


# "i lördags slog jag tillbaka", "I pushed him off me", "jag bet honom", "försvarade mig": the
# writer was attacked and hit back or defended themselves ("ska jag slå tillbaka?", "I never hit
# back" are not). Not a feature of the role model: the premise of the answer on self-defence
# (bot.understanding.roles.PREMISES), and what chooses that answer in the role corpus
# (bot.tools.corpus_intents).
_SV_DID = (
    r"(slog|slagit|sparkade|sparkat|knuffade|knuffat|puttade|puttat|rev|rivit|klos|kloste|klost|"
    r"bet|bitit|tog tag i|tog tag pa|holl fast|greppade)"
)
_EN_DID = r"(hit|pushed|shoved|kicked|slapped|punched|scratched|bit|grabbed|fought|push)"
_DEFENDED_SELF = re.compile(
    rf"\bjag( \S+){{0,3}} {_SV_DID}\b|\b{_SV_DID} jag\b|\bi( \S+){{0,2}} {_EN_DID}\b|"
    r"\bforsvara\w* (mig|sig)\b|\bdefend\w* (myself|my self|themselves|yourself)\b|"
    r"\bself.?defen[cs]e\b|\bsjalvforsvar|\bnodvarn\b|\bfought back\b"
)
_NOT_DONE = re.compile(
    r"\b(ska|skall|borde|bor|vagar|maste|should|shall|dare|must|never|aldrig|inte|not|"
    r"don'?t|didn'?t|cant|can'?t|will)( \S+){0,2} (sla|slag|slog|hit|push|kick|fight|"
    r"forsvara|defend|knuffa|sparka)\w*"
)


def defended_self(text: str) -> bool:
    """Whether the writer says they hit back or defended themselves."""
    norm = normalise(text)
    return _DEFENDED_SELF.search(norm) is not None and _NOT_DONE.search(norm) is None


_SEEKS_PROTECTION = re.compile(
    r"\b(ansok\w*|soka|soker|fa|far|apply\w*|get|request\w*|begar\w*|ask for)\b[^.!?]{0,25}"
    r"\b(kontaktforbud|restraining order|contact ban|protection order)"
)


def seeks_protection(text: str) -> bool:
    """Whether the writer asks how to get a restraining order (for themselves, against someone)."""
    return _SEEKS_PROTECTION.search(normalise(text)) is not None


RESTRICTS = CUE_NAMES.index("writer restricts her")
_GIRL_IN_FAMILY = re.compile(
    r"\b(dotter\w*|dottrar\w*|syster\w*|systrar\w*|lillasyster\w*|brorsdotter\w*|systerdotter\w*"
    r"|daughters?|sisters?|niece)\b"
)


# "om man kollar sin syrras mobil är det våld?" (round 30 told a brother he was not overreacting)
_ONE_CHECKS_HER = re.compile(
    r"\bman (kollar|tar|gar igenom|laser|kontrollerar) (sin|sina) (syrras|systers|lillasysters"
    r"|dotters) (mobil|telefon|sms|meddelanden|snap|dator)"
)


def keeps_a_girl_in_the_family(text: str) -> bool:
    """Whether the writer keeps a daughter or sister from things ("vi tar hennes telefon, vår
    dotter får inte träffa honom"), not a partner."""
    norm = normalise(text)
    if _ONE_CHECKS_HER.search(norm):
        return True
    return _GIRL_IN_FAMILY.search(norm) is not None and RESTRICTS in cues_of(text)


# For a guard (bot.understanding.roles.doubted) that must err towards "the writer may have done
# it": any violent verb a few words after "jag"/"I" counts as the writer's own act ("jag är den
# som slår henne", "jag blev så arg att jag slog henne"), except where the writer is its object
# ("han slår mig"), a participle after "blev"/"was" ("jag blev misshandlad"), locking oneself in
# to hide, hitting back (that span only), or what a third person claims the writer did ("hon
# säger att det är jag som slår", up to the end of that clause). "i" before a Swedish verb is the
# preposition ("i lördags slog hon mig").
_SV_ALSO = (
    r"(tog tag|tar tag|tog \S+ (om|i) halsen|tar \S+ (om|i) halsen|greppade|holl fast|haller fast|"
    r"drog i|puttade|puttat|smallde|smallt|kvavde|kvavt|valdtog|tagit tag|vred|vridit|"
    r"utovat|utovar|utovade|"
    r"(gav|gett|ger)( \S+){1,2} (en|ett par) (lavett|lavetter|orfil|orfilar|small|smallar|snyting"
    r"|kaftsmall|dask|daskar|smisk))"
)  # "jag gav henne en lavett" (round 23), "jag har gett honom en dask" (29); "har jag tagit tag i min man", "utövat psykiskt våld" (25)
_EN_ALSO = r"(threw|throw\w*|smack\w*)"
# "jag är våldsam mot min fru", "I have anger issues"
_OWN_TRAIT = re.compile(
    r"\b(jag|ja|jg)( \S+){0,3} (valdsam|aggressiv|kontrollerande|farlig|forovaren|problemet)\b|"
    r"\b(i|im|i'm|ive|i've)( \S+){0,3} (violent|abusive|controlling|aggressive|dangerous|"
    r"the abuser|the problem)\b|\b(ilskeproblem|aggressionsproblem|anger (issues|problems?))\b"
)
_AFTER_BE = (
    r"(?<!\bblev )(?<!\bblir )(?<!\bblivit )(?<!\bwas )(?<!\bwere )(?<!\bgot )(?<!\bget )"
    r"(?<!\bam )(?<!\bis )"
)
_NOT_TO_WRITER = r"(?! (mig|mej|me|oss|us)\b(?! (pa|on|upon)\b))"  # not "tvingade mig på henne"
_GAP = r"( [^\s.!?]+){0,4}"  # up to four words of the same sentence
_HIDING = re.compile(r"\b(lasa|laser|laste|last|lock\w*) (in )?(mig|mej|myself|oss|ourselves)\b")
_OWN_ACT = re.compile(
    rf"\b(jag|ja|jg)\b{_GAP} {_AFTER_BE}({_SV_VERBS}|{_SV_ALSO})\b{_NOT_TO_WRITER}|"
    rf"\b({_SV_VERBS}|{_SV_ALSO}) (jag|ja|jg)\b|"  # "igår slog jag henne"
    r"\b(tog|tar|holl|haller) (jag|ja|jg) (tag|fast)\b|"
    rf"\b(i|ive|i've|im|i'm)\b{_GAP} {_AFTER_BE}({_EN_VERBS}|{_EN_ALSO})\b{_NOT_TO_WRITER}"
)
_CLAIMED = re.compile(
    r"(\b(han|hon|hen|de|dom|he|she|they|min \w+|mitt \w+|my \w+|her \w+|his \w+|mamma|pappa|morsan"
    r"|farsan|familjen|mom|mum|dad)"
    r"( \S+){0,3} (sager|saga|sagt|pastar|pastod|anklagar|anklagade|tror|trodde|says|said|claims|"
    r"claimed|think|thinks|thought|tells \w+|told \w+|accuses \w+|accused \w+)|"
    # "tror de nog att", "nu säger mamma att det är jag som är våldsam" (round 41: her own words)
    r"\b(sager|pastar|tror|trodde) (han|hon|hen|de|dom|polisen|alla|mamma|pappa|morsan|farsan"
    r"|familjen|skolan)( nog)?)"
    # to the end of the claim: "och att …", "and that …" go on with it ("han säger att han ska
    # polisanmäla mig och att det är jag som är våldsam": round 28 read it as her own words)
    r"\b.*?(?=[.!?,;]| (och|men|for|eftersom|and|but|because) (?!att\b|that\b)|$)"
)
_STRUCK = (
    r"\b(slog|slagit|sla|slar|knuffade|knuffat|sparkade|sparkat|rev|bet|hit|hits|pushed|shoved"
    r"|punched|slapped|kicked|scratched|bit|fought)"
)
_HITTING_BACK = re.compile(
    # not "han slår aldrig tillbaka" (round 34 read a woman who hits her husband as hitting back)
    # ... within one sentence ("one time I hit her. Back home it was normal": round 41)
    rf"{_STRUCK} ((?!(aldrig|inte|int|never|not|doesn'?t|don'?t)\b)[^\s.!?]+ ){{0,2}}(tillbaka|back)\b|"
    r"\bforsvara\w* (mig|sig)\b|\bdefend\w* (myself|my self)\b|\bself.?defen[cs]e\b|"
    r"\bsjalvforsvar\w*|\bnodvarn\w*|"
    # "jag sparkade honom för att komma loss" (round 31 gave her Välj att sluta)
    rf"{_STRUCK} (\S+ ){{0,3}}(for att|to) ((komma|ta mig|slita mig|get|break|pull|wriggle) (loss"
    r"|undan|ifran|fri|free|away|loose)|get (him|her|them) off( of)? me)\b"
)


# "han tog tag i mitt hår, då slog jag honom i ansiktet", "he grabbed my throat so i hit him":
# the writer's blow right after violence against them (round 40 gave her Välj att sluta)
_THEN_I_STRUCK = re.compile(
    r"\b(da|sa|och da)( \S+)? (slog|sparkade|knuffade|bet|klos|rev|puttade|orfilade) (jag|ja)\b"
    r"|\b(so|then|and then) i (hit|punched|slapped|kicked|pushed|bit|scratched|shoved)\b"
)
# ... and the violence against them may be told by the part of the body ("tog tag i mitt hår")
_HOLDS_MY_BODY = re.compile(
    r"\b(tog tag i|tar tag i|drog i|drar i|slet i|holl (fast|om)|grep|grabbed|pulled|held|squeezed"
    r"|twisted|choked) (mitt|min|mina|my) (har|hals|nacke|arm|armar|handled|ansikte|hair|throat|neck"
    r"|arms?|wrists?|face)\b"
)


def says_hit_back(text: str) -> bool:
    """Whether the writer says in so many words that they hit back or defended themselves ("jag
    slog tillbaka", "self-defence"), or struck right after violence told against them ("han tog
    tag i mitt hår, då slog jag honom"), not only that they hit (defended_self errs towards yes)."""
    norm = normalise(text)
    if _NOT_DONE.search(norm) is not None:
        return False
    against_me = someone_hurts_writer(text) or _HOLDS_MY_BODY.search(norm) is not None
    struck_then = _THEN_I_STRUCK.search(norm) is not None and against_me
    return struck_then or _HITTING_BACK.search(norm) is not None


_AGAINST_WRITER = frozenset({CUE_NAMES.index("done to writer"), CUE_NAMES.index("writer suffers")})
# "hon hotar att anmäla mig", "she threatened to report me": no violence against the writer
_THREAT_TO_REPORT = re.compile(
    r"\b(hota\w*|threat\w*) (med )?(att |to )?(polis)?(anmala|lamna|ga ifran|ta barnen|report|"
    r"leave|call|take the kids)\w*"
)
# "om jag går ska hon säga till polisen att det är jag som slår", "she will tell them I'm the one
# hitting her": a threat to blame the writer (round 12's men hit by their partners)
_THREAT_TO_BLAME = re.compile(
    r"(\b(ska|skall|kommer|will|would|gonna|going to|threaten\w*|hotar)( \S+){0,3} "
    r"(saga|say|tell|anmala|report)\b|\bsa sager (hon|han|hen)\b)[^.!?]{0,50}"
    r"(det ar jag som|det var jag som|att jag (har )?(slar|slog|slagit|ar valdsam|misshandlar|"
    r"misshandlat|skadat)|i'?m the one|i am the one|i was the one|that i (hit|abuse|beat|hurt))"
)


# "fast det är inte jag som slår", "it's not me who hits" (round 34 read a mother hit by her
# partner as the one who hits): a denial, not a telling
_NOT_ME = re.compile(
    r"\bdet (ar|e|var) inte (jag|ja|mig) som( blir| blev| har blivit| har| far| fick)? \w+"
    r"|\b(it'?s|it is|it was|i'?m|i am) not (me|the one) (who|that)( is| was| gets| got| has been)? \w+"
)


def tells_own_violence(text: str) -> bool:
    """Whether the writer may be telling of something violent they did ("jag slog henne", "I am
    the one who hits her", "vi tar hennes telefon"): errs towards yes."""
    norm = _THREAT_TO_BLAME.sub(" ", without_bumps(spoken_forms(normalise(text))))
    norm = _HIDING.sub(" ", _HITTING_BACK.sub(" ", _CLAIMED.sub(" ", _NOT_ME.sub(" ", norm))))
    norm = _DENIED.sub(" ", norm)  # "no i never hit her" (round 45 took a man hit by his wife)
    own = _OWN_ACT.search(norm) or _OWN_TRAIT.search(norm) or DROPPED_I_VIOLENCE.search(norm)
    return own is not None or RESTRICTS in cues_of(text)


# "Jag har aldrig slagit tillbaka", "I have never touched her", "I would never hit her back"
# (round 20): the writer denies violence of their own, which the cues (a violent verb after
# "jag") count as telling of it
# ("nej aldrig slagit henne", round 44, drops the "I"; "aldrig slagit henne så hårt förut" and "I
# never hit her before today" tell of it)
_DENIED = re.compile(
    r"(\b(jag|ja|i|i'?ve|ive)( har| have| would| will| could| skulle| ska| kommer)?|"
    r"\b(nej|no|nope)[,.!]?) (aldrig|inte|"
    r"never|not|didn'?t|haven'?t|did not|have not)( \S+){0,2} (slagit|slag|slog|sla|rort|ror|"
    r"skadat|hit|touched|hurt|laid a (hand|finger))\b"
    r"(?!( \S+){0,2} (sa hart|so hard|this hard|that hard|forut|before|innan|tidigare|forran))"
)


def denies_own_violence(text: str) -> bool:
    """Whether the writer says they have never hit or hurt anyone ("jag har aldrig slagit")."""
    return _DENIED.search(normalise(text)) is not None


def threatened_with_blame(text: str) -> bool:
    """Whether someone threatens to tell others that the writer is the one who hits."""
    return _THREAT_TO_BLAME.search(normalise(text)) is not None


def hides_from_someone(text: str) -> bool:
    """Whether the writer has locked themselves in ("i locked myself in the bedroom with her")."""
    return _HIDING.search(normalise(text)) is not None


# "no he does not hit me back", "han har aldrig slagit mig" (round 40 took a woman who had said she
# hits her partner for the one hit)
_NOT_AGAINST_ME = re.compile(
    r"\b(does not|doesn'?t|did not|didn'?t|never|has never|hasn'?t|won'?t|will not|inte|aldrig|int)"
    r"( \S+)? (hit|hits|slap\w*|push\w*|touch\w*|hurt\w*|kick\w*|sla|slar|slog|slagit|rort|ror"
    r"|knuffa\w*|skada\w*|sparka\w*) (me|mig|mej)\b( back| tillbaka)?"
    r"|\b(slar|slog|knuffar|knuffade|ror|rorde) (mig|mej) (inte|aldrig|int)\b( tillbaka)?"
)


def someone_hurts_writer(text: str) -> bool:
    """Whether someone does something violent to the writer ("min fru slår mig", "I was hit"),
    not a threat to report or leave them, nor a denial ("he does not hit me back")."""
    norm = _NOT_AGAINST_ME.sub(" ", _THREAT_TO_REPORT.sub(" ", normalise(text)))
    norm = _NOT_ME.sub(" ", norm)  # "nej det är inte jag som blir slagen. det är min dotter"
    return any(cue in _AGAINST_WRITER for cue in cues_of(norm))


def tells_violence_against_writer(text: str) -> bool:
    """Whether someone hurts the writer and the writer tells of nothing violent of their own."""
    return someone_hurts_writer(text) and not tells_own_violence(text)


# "vi slåss båda två", "we hit each other", "jag vet inte vem som började": violence both ways,
# which neither the answer on self-defence nor the one for the writer alone fits (round 16 gave
# "I have hit her, she has hit me, is that even violence?" the self-defence answer)
_MUTUAL = re.compile(
    r"\b(sla|slar|slog|slagit|knuffa|knuffar|knuffade|knuffat|sparkar|sparkade|puttar|puttade|"
    r"river|rev|skadar|skadade) varandra\b|"
    r"\b(vi|ni)( \S+){0,3} (slass|slas|slogs|knuffas|knuffades|puttas|blir handgripliga)\b|"
    r"\bbada( tva)?( \S+){0,3} (slar|slog|slagit|knuffa\w*|sparka\w*|slass|slas|gar pa varandra)\b|"
    r"\bomsesidig\w*( \S+){0,2} vald\w*|"
    r"\b(hit|hitting|push|pushing|shove|shoving|slap|slapping|punch|kick|hurt|attack)\w* each other\b|"
    r"\b(we|both of us) (both |all )?(hit|push|shove|slap|punch|kick|get physical|got physical)\w*|"
    r"\bmutual\w*( \S+){0,2} (violence|abuse|fighting)\b|"
    r"\b(not|inte) (so )?one.?sided\b|\binte ensidig\w*|"
    # "sometimes it gets physical from both sides" (round 35: "you are not overreacting")
    r"\b(physical|violent|rough|handgripligt?|fysiskt?|vald\w*) (from|on) both sides\b"
    r"|\bfran bada (hall|sidor)\b"
)
# "idk who started it", not "who started working here first" (a worried colleague's message)
_WHO_STARTED = re.compile(
    r"\b(vem som (borjade|borjar|startade)|who started)\b(?! (att |to |at |in |on |pa |i |med att "
    r"|jobba|arbeta|plugga|skolan|working|work|school|dating|here|the (job|school|company|course)))"
)


_HITS = r"(har )?(slagit|slog|slar|knuffat|knuffade|knuffar|sparkat|sparkade|sparkar)"
_EN_HITS = r"(have |has )?(hit|hits|pushed|pushes|shoved|slapped|slaps|kicked|kicks|punched)"
_HIT_BY_BOTH = (
    re.compile(rf"\b(jag|ja)( \S+){{0,2}} {_HITS}( \S+)? (henne|honom|hen)\b|"
               rf"\bi( \S+){{0,2}} {_EN_HITS}( \S+)? (her|him|them)\b"),
    re.compile(rf"\b(hon|han|hen)( \S+){{0,2}} {_HITS}( \S+)? (mig|mej)\b|"
               rf"\b(she|he|they)( \S+){{0,2}} {_EN_HITS}( \S+)? me\b"),
)
# ... nor while being held: "jag knuffade honom när han höll fast mig" (round 36: "for what you
# do yourself")
_DEFENDING = re.compile(
    rf"{_HITTING_BACK.pattern}|\b(loss|off me|away from me|ifran mig)\b"
    r"|\b(nar|medan|when|while) (han|hon|hen|he|she) (holl|haller|hade|tog) (fast|tag i|strypgrepp pa)"
    r" mig\b|\b(nar|medan|when|while) (han|hon|hen|he|she) (was )?(holding|held|grabbed|choking|choked)"
    r" me\b"
)


def tells_mutual_violence(text: str) -> bool:
    """Whether the writer tells of violence both ways: in so many words ("vi knuffas båda två",
    "we hit each other", "vem som började"), or that they hit the other and the other hit them,
    not in defence ("jag har slagit henne, hon har slagit mig")."""
    norm = _THREAT_TO_BLAME.sub(" ", _CLAIMED.sub(" ", normalise(text)))  # what others say he did
    if _MUTUAL.search(norm) or _WHO_STARTED.search(norm):
        return True
    both = all(pattern.search(norm) for pattern in _HIT_BY_BOTH)
    return both and _DEFENDING.search(norm) is None


# "min son slår mig när han inte får pengar", "my adult daughter threatens me": a parent hurt by
# their own child, whom the answers on children at risk do not speak to (round 16)
_HURT_BY_OWN_CHILD = re.compile(
    r"\b(min|mitt|my|var|our) (vuxna |vuxen |adult |grown.up |tonariga |teenage )?"
    r"(son|dotter|pojke|grabb|daughter|boy|kid|child)\b( [^\s.!?]+){0,4} (har )?"
    r"(slar|slog|slagit|sparkar|sparkade|knuffar|knuffade|hotar|hotade|misshandlar|misshandlade|"
    r"hits|hit|beats|beat|kicks|kicked|pushes|pushed|threatens|threatened|hurts|attacks|attacked)"
    r" (mig|mej|me)\b"
)


def hurt_by_own_child(text: str) -> bool:
    """Whether the writer's own son or daughter hurts or threatens them."""
    return _HURT_BY_OWN_CHILD.search(normalise(text)) is not None


# "en man har berättat att han slagit sin hustru. Han vill ha hjälp att förändras. Vart kan jag
# hänvisa honom?", "my brother hits his girlfriend and wants to stop, where can he get help?":
# someone else uses violence and wants help to stop (round 21 gave a priest the answer on adults
# subjected, with no Välj att sluta)
_TO_STOP = r"(sluta|forandr\w*|andra sig|bli battre|stop|change)\b"
_WANTS_HELP_TO_STOP = re.compile(
    rf"{_THEY}( \S+){{0,5}} (vill|onskar|behover|forsoker|ber om|bad om|wants?|needs?|"
    rf"is trying|tries|asked( me)? for|asks for|would like)( \S+){{0,3}} {_TO_STOP}"
    rf"|\b(hur|var|how|where) (kan|can|could) (han|hen|he|they|min \w+|my \w+) (fa|soka|ta|get|"
    rf"find|seek) (hjalp|help) (att|to|with) {_TO_STOP}"
)
# "Jag vill att han ska få hjälp att sluta", "finns det nån hjälp för honom?", "var kan han få
# hjälp?", told of a son, brother or friend who hits (round 28 gave four parents and friends "how
# to support her"), with the one he hurts someone else: a man or boy close to the writer is the
# one who acts, and the help asked for is his
_HIM = r"(han|he|min son|min bror|min kompis|min van|my son|my brother|my friend|sonen|brodern)"
_HELP_FOR_HIM = re.compile(
    rf"\b(att|so that|that) {_HIM}( ska| kan| should| can| could| would)? (fa|get|soka|seek)"
    rf" (hjalp|help|stod|support)\b"
    rf"|\b(hjalp|stod|help|support) (for|till|to) (honom|him|min son|min bror|my son|my brother)\b"
    rf"|\b(hur|var|vart|how|where) (kan|can|could|ska|should) {_HIM} (fa|soka|ta|get|find|seek"
    rf"|vanda sig|turn)\b"
)
_HE_ACTS = re.compile(rf"\b{_HIM}{_UP_TO_3_WORDS}{_VERBS}\b")
# ... not "han vill inte sluta", nor "hon vill att det ska sluta" (the violence, not her)
_REFUSES = re.compile(
    r"\b(vill|onskar|wants?) (inte|aldrig|not|never|att det|that it|it to)\b|"
    r"\b(doesn'?t|does not|won'?t|refuses to)\b"
)


def someone_else_wants_to_stop(text: str) -> bool:
    """Whether `text` tells of someone else's violence and that they want help to stop, with the
    writer neither the one who did it nor the one it was done to."""
    norm = normalise(text)
    asks_help_for_him = _HELP_FOR_HIM.search(norm) and _HE_ACTS.search(without_bumps(norm))
    if not (_WANTS_HELP_TO_STOP.search(norm) or asks_help_for_him) or _REFUSES.search(norm):
        return False
    if tells_own_violence(text) or someone_hurts_writer(text):
        return False
    return CUE_NAMES.index("someone else acts") in cues_of(text)


# "Jag tror att min son slår sin flickvän. Hur pratar jag med honom om det?", "Polare till mig
# slår sin tjej, hur tar man snacket med en sån", "finns det nån han kan prata med?": a son,
# brother or friend hurts or controls his own partner, and the writer asks how to speak to him or
# where he can get help (rounds 32 to 34 gave five such parents and friends the script for helping
# the one subjected, which says not to confront him); not a parent who hits ("pappa slår sin
# sambo"), which a child writes
_CLOSE_ONE = (
    r"(son|sonen|bror|brorsa|brodern|brother|kompis|polare|van|friend|kollega|colleague"
    r"|arbetskamrat|kusin|cousin|svager|brother-in-law|kille|grabb|guy|han|he)"
)
_HURTS_OWN_PARTNER = re.compile(
    rf"\b{_CLOSE_ONE}( \S+){{0,5}} (slar|slog|har slagit|kontrollerar|hotar|behandlar|behandla"
    r"|misshandlar|knuffar|trycker ner|kollar|hits|hit|is hitting|controls|threatens|abuses|hurts"
    r"|treats|beats|pushes)( \S+){0,3} (sin|sina|his) (tjej|flickvan|fru|hustru|sambo|partner"
    r"|kvinna|pojkvan|girlfriend|gf|wife|boyfriend|bf)\b"
)
_HIM_TO_TALK_TO = (
    r"(honom|han|en san|min son|sonen|min bror|min kompis|min van|min polare|sin egen \w+|him"
    r"|my son|my brother|my friend)"
)
_TALK_TO_HIM = re.compile(
    rf"\bhur\b[^.?!]{{0,30}}\b(prata\w*|snack\w*|ta upp|tar upp|saga|sager|konfrontera\w*"
    rf"|narma)\b[^.?!]{{0,40}}\b{_HIM_TO_TALK_TO}\b"
    rf"|\bhow\b[^.?!]{{0,30}}\b(talk|speak|bring (it|this) up|raise|approach|confront|say)\b"
    rf"[^.?!]{{0,40}}\b{_HIM_TO_TALK_TO}\b"
    r"|\b(nan|nagon|nagot stalle|someone|somewhere|anyone|anywhere)( \S+){0,2} (han|he|min son"
    r"|my son)( \S+){0,2} (kan|can|could) (prata|snacka|vanda sig|ga|talk|go|turn)\b"
)
_PARENT_HITS = re.compile(
    r"\b(pappa|styvpappa|far|dad|father|stepdad|stepfather)( \S+){0,4} (slar|slog|hits|hit|beats)\b"
)
_I_HIT = re.compile(r"\b(jag|ja|i) (har |have )?(slar|slog|slagit|hit|hits|hurt|pushed|knuffade)\b")


def asks_about_one_who_hits(text: str) -> bool:
    """Whether someone close to the writer (a son, a brother, a friend) hurts or controls his own
    partner and the writer asks how to speak to him or where he can get help; not the writer's
    own violence, nor a parent's."""
    norm = normalise(text)
    if not (_HURTS_OWN_PARTNER.search(norm) and _TALK_TO_HIM.search(norm)):
        return False
    # not tells_own_violence: "jag tror att min son slår" reads as the writer's own
    return not (_PARENT_HITS.search(norm) or _I_HIT.search(norm) or someone_hurts_writer(text))


# "det är jag som slår i vårt förhållande", "I'm the one who hits": the writer names themselves
# as the one who uses violence (round 22: a woman who said so got the lines for those subjected);
# not what others say or threaten to say ("hon säger att det är jag som slår")
_SELF_NAMED = re.compile(
    r"\bdet (ar|e|var) (jag|ja) som (slar|slog|har slagit|ar valdsam|var valdsam|knuffar|hotar|"
    r"misshandlar|utovar vald|ar den valdsamma|gor illa)\b"
    r"|\bjag (ar|e) (den|personen) som (slar|har slagit|ar valdsam|knuffar|hotar|utovar)\b"
    # "om man typ har hotat sin syster är man då våldsutövare" (round 30)
    r"|\b(ar|blir|e) man (da |ens |typ )?(en )?(valdsutovare|forovare|valdsam|misshandlare)\b"
    # "hur funkar det om man själv e problemet" (round 25)
    r"|\bom man sjalv (ar|e) (problemet|den som (slar|ar valdsam|utovar vald|gor fel|gor illa"
    r"|har gjort illa|skadar))\b"
    r"|\b(i'?m|i am|it'?s me|it is me|it was me) (the one )?(who|that) (hits|hit|has been hitting|"
    r"is violent|abuses|hurts|pushes|is abusive)\b|\bi'?m the (abuser|abusive one|violent one)\b"
    # "what if I'm the one who does it", "I think I am the problem in my relationship" (round 31
    # and 32 gave both the victims' lines)
    r"|\b(i'?m|i am|it'?s me|it is me) (the one )?(who|that) (does|did|is doing) (it|this|that)\b"
    # "räknas det som våld om man kollar sin flickväns mobil" (round 36: "do you recognise this?")
    r"|\b(om|nar) man (kollar|laser|gar igenom|kontrollerar|sparar|slar|knuffar|hotar|tar)( \S+)?"
    r" (sin|sina) (flickvans|pojkvans|partners|frus|mans|sambos|tjejs|killes|flickvan|pojkvan"
    r"|partner|fru|sambo|tjej|kille)\b"
    # "jag är rädd att jag ska skada bebisen", "I'm afraid I'll hurt her" (round 36: the victims'
    # answer to a parent who clenches his fists when the baby screams)
    r"|\b(jag|ja) (ar |e )?(radd|rad) (att|for att) (jag|ja) (ska|kommer att|kan) (skada|sla|gora illa"
    r"|tappa kontrollen)\b|\b(i'?m|i am|im) (afraid|scared) (that )?i('?ll| will| might| could)"
    r" (hurt|hit|harm|lose control)\b|\b(jag|ja) (star och )?knyter navarna\b"
    # "need to talk to someone before i do smth stupid to her" (round 37: the victims' lines)
    r"|\bbefore i do (something|smth|sth|somethin) (stupid|bad|i regret)( to (her|him|them))?\b"
    r"|\binnan (jag|ja) gor (nagot|nat|nagonting) (dumt|jag angrar)( mot (henne|honom))?\b"
    # "är jag en dålig pappa om jag ger barnen en örfil ibland?" (round 37)
    r"|\b(om|nar) (jag|ja) (ger|gav) (barnen|mina barn|ungarna|min son|min dotter|sonen|dottern)"
    r" (en )?(orfil|small|dask|smisk)\b"
    # "no, he is not hurting me, i am the one doing it" (round 35: the victims' lines)
    r"|\b(i'?m|i am|it'?s me|it is me) (the one )?doing (it|this|that)\b"
    r"|\b(i'?m|i am) the problem\b|\bdet (ar|e) (jag|ja) som gor (det|sa)\b|\bjag (ar|e) problemet\b"
    # "how do i stop checking my boyfriends phone" (round 33 told her it was not her fault)
    r"|\bhow (do|can|should) i stop (checking|reading|going through|controlling|tracking|hitting"
    r"|yelling at|screaming at|shouting at|pushing|grabbing|threatening|hurting)\b"
    r"|\bhur (slutar|ska|kan) (jag|ja|man) (sluta )?(att )?(kolla|lasa|ga igenom|kontrollera|sla|skrika pa"
    r"|hota|knuffa|spara)\b"
    # "hur slutar man slå", "kan jag få hjälp att sluta utan att det hamnar hos polisen?" (round
    # 35 asked who it is about, and answered the second as not understood)
    r"|\b((kan|vill|behover) (jag|ja) (fa |ha )?|(jag|ja) (vill|behover) (fa |ha )?)(hjalp|stod)"
    r" (med )?att sluta( att)?(?=\s*([.,?!]|$|utan\b|innan\b|sla\b|anvanda vald|vara valdsam|hota\b"
    r"|skrika\b|knuffa\b|kontrollera\b))"
    r"|\b((can|could) i get|i (want|need)) help to stop( being)?(?=\s*([.,?!]|$|without\b|before\b"
    r"|hitting\b|violent\b|using violence|abusing\b|hurting\b|threatening\b|yelling\b))"
    # "jag behöver hjälp med mitt beteende mot min familj", "help with my anger" (round 40: the
    # anonymity text and a line for those subjected)
    r"|\b(hjalp|stod|prata med nagon|prata med nan) (med|om) (mitt|min) (beteende|ilska|aggression"
    r"|aggressivitet|humor|temperament)\b|\bhelp (with|for) my (anger|behaviou?r|temper|aggression)\b"
    # "i put a tracking app on my girlfriend phone" (round 40: 112 and the victims' lines, twice)
    r"|\b(i|jag|ja)( have| har)? (put|installed|placed|installerade|installerat|satte|satt|lade|lagt)"
    r"( \S+){0,3} (app|apps|tracker|tracking app|gps|spyware|sparningsapp|sparare|spionapp)\b[^.?!]{0,25}"
    r"\b(her|hennes|min (flickvans|frus|tjejs|sambos|partners)|my (girlfriend'?s?|wife'?s?|partner'?s?"
    r"|gf'?s?))\b"
)


# asks for a group, treatment or talks for those who hit ("finns det nån grupp för killar som
# slår? kostar de nåt?", "treatment for men who use violence, how long is the wait?": round 39
# gave three what calling the victims' lines costs), naming no partner or relative of their own
_PROGRAM_FOR_THOSE_WHO_HIT = re.compile(
    r"\b(grupp\w*|samtal\w*|behandling\w*|hjalp|program\w*|kurs\w*|stod|terapi|groups?|therapy"
    r"|treatment|programs?|programmes?|courses?|counsel+ing|help|support) (for|till) (man|killar|kvinnor"
    r"|tjejer|personer|folk|foraldrar|pappor|mammor|sana|guys|men|women|people|parents|dads|mums|moms)"
    r" (som|who|that) (slar|har slagit|utovar vald|anvander vald|ar valdsamma|hotar|hit|are violent"
    r"|use violence|abuse|hurt)\b"
)
_NAMES_THEIR_OWN = re.compile(
    r"\b(min|mitt|my) (man|make|pojkvan|kille|sambo|son|bror|brorsa|pappa|far|partner|husband"
    r"|boyfriend|brother|father|dad|ex)\b"
)


def names_self_as_the_one_who_hits(text: str) -> bool:
    """Whether the writer says in so many words that they are the one who uses violence, or asks
    for a group or treatment for those who hit, naming no one close of their own."""
    norm = _THREAT_TO_BLAME.sub(" ", _CLAIMED.sub(" ", normalise(text)))
    if _SELF_NAMED.search(norm) is not None:
        return True
    return _PROGRAM_FOR_THOSE_WHO_HIT.search(norm) is not None and not _NAMES_THEIR_OWN.search(norm)


# "Jag är kurator på gymnasiet. En elev ...", "Polis här. Vi har en målsägande ...", "I'm a family
# lawyer. My client ...": the writer names their job and someone they meet in it (round 29 asked
# a lawyer and an SFI teacher who it is about; rounds 27 and 28 two more)
_JOB = (
    r"(larare|mentor|kurator|skolkurator|skolskoterska|sjukskoterska|underskoterska|lakare"
    r"|tandlakare|tandhygienist|barnmorska|socialsekreterare|handlaggare|bistandshandlaggare"
    r"|polis|advokat|jurist|forskollarare|fritidsledare|tranare|familjebehandlare|psykolog|prast"
    r"|imam|diakon|sfi-larare|bvc-skoterska|teacher|counsel+or|nurse|doctor|gp|dentist|midwife"
    r"|social worker|police officer|lawyer|solicitor|coach|physio\w*|psychologist|priest"
    r"|youth worker|hr manager|caseworker|case worker|therapist"
    # round 35: a librarian, an interpreter, an IT admin at a school
    r"|bibliotekarie|librarian|rektor|principal|elevassistent|fritidspedagog|barnskotare"
    r"|vardbitrade|personlig assistent|tolk|interpreter|kontaktperson|it-admin|it admin"
    r"|ungdomsledare|pastor|coordinator|samordnare|akutlakare|distriktslakare|overlakare)"
)
_SAYS_OWN_JOB = re.compile(
    rf"\b(jag ar|jag jobbar som|jag arbetar som|ja e|jobbar som|arbetar som|i am|i'?m|im"
    rf"|i work as|work as)( en| ett| an?)?( \w+)? {_JOB}\b"
    rf"|(^|[.!?] ){_JOB}( har| here)?[.,:]|^{_JOB}( (pa|i|at|in) \w+){{1,2}}[.,:]"
    r"|\b(jag )?(jobbar|arbetar) (i|pa) (hemtjansten|forskola\w*|akuten|vardcentral\w*|skola\w*"
    r"|socialtjansten|bvc|mvc|ungdomsmottagning\w*|aldreboende\w*|fritidsgard\w*)"
    r"|\bi work (in|at) (a |an |the )?(school|hospital|health cent(re|er)|care home|home care|hemtjanst"
    r"|preschool|social services|emergency department|clinic)"
)
# someone met at work: a client, patient or pupil (a child of the writer's own is no one's at work)
_MET_AT_WORK = re.compile(
    r"\b(patient\w*|klient\w*|brukare\w*|brukaren|elev\w*|malsagande|vardtagare\w*|kund|kunden"
    r"|min(a)? anstallda?|en anstalld|medarbetar\w*|clients?|patients?|pupils?|students?|employees?"
    r"|customers?|residents?|service users?|en kvinna|ett barn|a woman|a child|en tjej|en flicka"
    r"|en kille|en pojke|a girl|a boy|a student|en student|(en|ett par) av vara|one of our"
    r"|vi (ser|traffar|moter|far in) (man|kvinnor|manga|flera)|we see (men|women|many))\b"
)

# the writer's own partner or ex ("min man", "my ex")
_OWN_PARTNER = (
    r"\b(min|mitt) (man|sambo|fru|kille|tjej|pojkvan|flickvan|make|maka|partner|exman|exfru|ex)\b"
    r"|\bmy (husband|wife|partner|boyfriend|girlfriend|ex)\b"
)
# ... not one who tells of their own partner or shame ("Jag är läkare, jag har själv gett patienter
# era nummer. Ändå har jag bott i fyra år med en man som ...": her own story)
_OWN_LIFE = re.compile(
    rf"{_OWN_PARTNER}|\b(en man|en kvinna) som\b"
    r"|\b(skams|skammes|skammer|ashamed)\b|\bhar (ju )?sjalv\b|\bi have myself\b"
)


def says_own_job(text: str) -> bool:
    """Whether the writer names their job ("Hello, I'm a GP at a health centre", "i work in
    hemtjänst") and tells nothing of their own partner, shame or violence done to or by them."""
    norm = normalise(text)
    if not _SAYS_OWN_JOB.search(norm) or _OWN_LIFE.search(norm):
        return False
    return not (someone_hurts_writer(text) or tells_own_violence(text))


def asks_at_work(text: str) -> bool:
    """Whether the writer names their job and someone they met in it, and tells of no violence
    done to them or by them ("Jag är sjuksköterska och min man slår mig" is the nurse's own)."""
    return says_own_job(text) and _MET_AT_WORK.search(normalise(text)) is not None


# "Min bror har slagit sin fru", "jag såg min kusin få en örfil av sin man", "my friend's ex
# posts her pictures": someone close to the writer, and violence between others
_SOMEONE_CLOSE = re.compile(
    r"\b(min|mitt|mina|my|our|var) (kompis\w*|polare|bast\w*|van|vaninna|kollega\w*|bror|brorsa"
    r"|syster|systern|kusin|granne|grannen|dotter|son|mamma|pappa|mor|far|moster|faster"
    r"|svagerska|svarmor|friend|best friend|colleague|coworker|brother|sister|cousin|neighbou?r"
    r"|daughter|mum|mom|dad|mother|father|aunt|niece|sister-in-law)\b"
)

# ... not a parent in the story ("We have shared custody and he takes the kids", round 28's mother)
_OWN_FAMILY = re.compile(
    rf"{_OWN_PARTNER}|\b(vara|our) (barn|kids|children)\b"
    r"|\bshared custody\b|\bgemensam vardnad\b|\bwe have (two |three |a )?(kids|children)\b"
)

# ... nor a writer something is done to ("hennes man har börjat titta på mig", from a girl of 13),
# beyond being told or asked
_TOLD_ME = re.compile(
    r"\b(for|till|to|with|med|told|tell|tells|asked|asks|texted|called|ringde|fragade|skrev till"
    r"|messaged) (mig|mej|me)\b"
)
_DONE_TO_ME = re.compile(r"\b(mig|mej|me)\b")
# ... nor the family as the ones who act ("Vi har hittat bra man till henne", "my uncles say the
# men of the family need to fix this", "my job as the oldest son to bring her back")
_FAMILY_ACTS = re.compile(
    r"\b(vi|we)( i familjen| in the family| alla| all)? (har|have|hittat|found|sager|say|said|sa"
    r"|vill|want|bestamt|decided|ska|will|maste|must|tanker|tar|take|took)\b"
    r"|\b(familjen|slakten|foraldrarna|the family|my family|my parents) (har )?(bestamt|decided)\b"
    r"|\bmen of the family\b|\bmy job\b|\bmitt jobb\b"
    r"|\b(ceeb|namus|namûs|skam|shame)\b"
)


def tells_of_someone_close(text: str) -> bool:
    """Whether `text` names someone close to the writer and tells of no violence done to or by
    the writer (round 29 asked five people worried about a cousin, a colleague or a brother who
    it is about)."""
    norm = normalise(text)
    if _SOMEONE_CLOSE.search(norm) is None or _OWN_FAMILY.search(norm):
        return False
    if _DONE_TO_ME.search(_TOLD_ME.sub(" ", norm)) or keeps_a_girl_in_the_family(text):
        return False
    if about_honour(text) or names_virginity(text) or _FAMILY_ACTS.search(norm):
        return False  # a family that controls a daughter or sister often writes as if worried
    return not (someone_hurts_writer(text) or tells_own_violence(text))


# "nej, det gäller inte mig. det gäller min syster", "it's not me, it's my friend": the writer
# says whom it is about (round 35 told her "it is not your fault"); not a partner ("det handlar om
# min man" is often the one who hurts her) nor a parent (a child writes "det gäller min pappa")
_NOT_ABOUT_ME = re.compile(
    r"\b(det )?(galler|handlar( om)?|ar) inte (om )?mig\b|\b(it'?s|it is|this is) not (about )?me\b"
    # "nej det är inte jag, det handlar om min syster" (round 37: the menu)
    r"|\b(det )?(ar|e) inte (jag|ja)\b|\bit (isn'?t|wasn'?t) me\b"
    # "nej inte mig, det gäller min syster" (round 39 told her brother it was not his fault)
    r"|\b(nej|no|nope),? (inte|not) (mig|mej|jag|ja|me)\b"
)
_ABOUT_SOMEONE = re.compile(
    r"\b(det )?(galler|handlar om|ar om|ar|e|it'?s about|it is about|this is about|it'?s|it is) (min|mitt"
    r"|mina|my) (syster|systers?|storasyster|lillasyster|bror|brors|storebror|lillebror|kompis"
    r"|van|vaninna|bastis|polare|dotter|son|kollega|granne|kusin|svagerska|moster|faster|mormor"
    r"|farmor|barnbarn|sister|brother|friend|best friend|daughter|colleague|neighbou?r|cousin"
    r"|niece|aunt|grandmother|grandchild)\b"
)


# "hej jag undrar hur man kan hjälpa någon som blir slagen" (round 36 told her it was not her
# fault), "how can I help my sister?"
_HOW_TO_HELP = re.compile(
    r"\bhur (man|jag|ja|vi) (kan |ska |bast )?(hjalpa|hjalper|stotta|stottar|stodja|stodjer)"
    r" (nagon|nan|en \w+|sin \w+|min \w+|mitt \w+|henne|honom|hen|dem|dom)\b"
    r"|\bhow (can|do|should|could) (i|we|you|one) (best )?(help|support) (someone|somebody|a \w+"
    r"|my \w+|her|him|them)\b"
)


def says_it_is_someone_else(text: str) -> bool:
    """Whether the writer says it is about someone else close to them, not themselves, or asks
    how to help someone, and tells of no violence done to them."""
    norm = normalise(text)
    named = _ABOUT_SOMEONE.search(norm) is not None
    said = named and (_NOT_ABOUT_ME.search(norm) or len(norm.split()) <= 8)
    if not (said or _HOW_TO_HELP.search(norm)):
        return False
    return not someone_hurts_writer(text)


def guilty_bystander(text: str) -> bool:
    """Whether the writer blames themselves for not seeing or not acting on violence against
    someone else, with none told against the writer ("han slog mig och jag gjorde ingenting" is
    her own)."""
    return blames_self_for_not_helping(text) and not someone_hurts_writer(text)


def against_the_writer(text: str) -> bool:
    """Whether `text` tells of violence against the writer, of hiding from someone, or of a
    threat to blame them."""
    return someone_hurts_writer(text) or hides_from_someone(text) or threatened_with_blame(text)


def points_away_from_own_violence(text: str) -> bool:
    """Whether `text` itself shows the writer as someone other than one who uses violence:
    violence against the writer, hiding from someone, a threat to blame them, someone else it is
    about, someone close to them, or their work."""
    return (
        against_the_writer(text) or says_it_is_someone_else(text) or tells_of_someone_close(text)
        or asks_at_work(text)
    )  # fmt: skip


# the writer hears or sees it at the neighbours' ("Jag hör skrik från lägenheten under mig nästan
# varje helg": round 37 told her it was not her fault)
_NEIGHBOURS = re.compile(
    r"\b(lagenheten|vaningen|grannlagenheten) (under|ovanfor|bredvid|intill|mittemot) (mig|oss)\b"
    rf"|{_NEIGHBOUR_WORDS}|\bgrannlagenheten\b|{_COUPLE_NEAR}"
    r"|\b(the )?(flat|apartment) (below|above|next door|upstairs|downstairs)\b"
    # a stranger, or a house on the writer's round ("jag hör en kvinna skrika från ett hus", from a
    # refuse collector: round 39 told him to lock himself in)
    r"|\b(en|ett|a|an) (kvinna|man|tjej|kille|barn|unge|woman|girl|guy|boy|child|kid) (skrika|skrik"
    r"|grata|grater|skrek|grat|scream\w*|shout\w*|yell\w*|cry\w*)\b"
    r"|\b(fran|i|from|in) (ett|a) (hus|house|radhus|villa)\b"
)
_I_PERCEIVE = re.compile(rf"{_WE_OR_I}( \S+){{0,2}} {_PERCEIVES}\b")
# "det är egentligen jag", "it's actually me": the writer says it is them after all
_ACTUALLY_ME = re.compile(
    r"\bdet (ar|e|galler|handlar om) (egentligen |faktiskt |nog |ju )?(jag|ja|mig)\b(?! (som (ringde|horde"
    r"|sag|anmalde)))|\bit'?s (actually |really )?(me|about me)\b|\bi'?m the one (he|she|they)\b"
)


def hears_the_neighbours(text: str) -> bool:
    """Whether the writer hears or sees violence at their neighbours', with none done to or by
    the writer."""
    norm = normalise(text)
    if not (_NEIGHBOURS.search(norm) and _I_PERCEIVE.search(norm)):
        return False
    return not (someone_hurts_writer(text) or tells_own_violence(text))


# a friend's parent or partner hurts the friend ("kompisens morsa slår han typ varje vecka, han
# sover hos mig ibland": round 39 read it 0.95 as the writer's own home and offered a shelter)
_FRIENDS_HOME = re.compile(
    r"\b(kompisens|kompisen|polarens|vannens|vaninnans|bastisens|klasskompisens|min kompis|min polare"
    r"|my (friend|mate|classmate|best friend)'?s?) (mamma|pappa|morsa|farsa|styvpappa|styvmamma"
    r"|mamas|pappas|kille|tjej|pojkvan|flickvan|man|fru|sambo|mom|mum|dad|mother|father|stepdad"
    r"|stepfather|boyfriend|girlfriend|husband|wife|bf|gf)\b"
)

_VIOLENT_VERB = re.compile(rf"\b{_VERBS}\b")


def tells_of_a_friends_home(text: str) -> bool:
    """Whether the writer tells of violence in a friend's home (the friend's parent or partner),
    with none done to or by the writer."""
    norm = normalise(text)
    if _FRIENDS_HOME.search(norm) is None or _VIOLENT_VERB.search(norm) is None:
        return False
    return not (someone_hurts_writer(text) or tells_own_violence(text))


def tells_it_is_the_writer(text: str) -> bool:
    """Whether `text` shows the writer as the one subjected: violence against them, hiding from
    someone, a threat to blame them, or "det är egentligen jag"."""
    return against_the_writer(text) or _ACTUALLY_ME.search(normalise(text)) is not None
