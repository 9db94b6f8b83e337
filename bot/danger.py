"""Deterministic danger detection: fixed patterns, no model, no randomness.

Runs before and beside the ML classifier (see `bot.nlu_components.DangerDetector`) and in the
gateway's degraded mode. A match can never be out-voted. Text is normalised first so that Swedish
without å/ä/ö, mixed case, extra spaces and Arabic-script diacritics match the same patterns.

Two kinds of danger:
- `danger_now`: violence happening now, weapons, strangling, threats to kill, being locked in,
  someone at the door, being taken abroad;
- `suicidal`: thoughts of taking one's own life.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

DANGER_NOW = "danger_now"
SUICIDAL = "suicidal"

# Latin and Cyrillic letters lose their accents (å->a, ö->o, č->c, ї->і); Arabic-script diacritics
# and the zero-width non-joiner used in Persian are dropped; Arabic and Persian letter variants and
# apostrophes are unified. Patterns get the same folding, so they are written as people type.
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640\u200c\u200d]")
_LETTER_VARIANTS = str.maketrans(
    {"ي": "ی", "ى": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "آ": "ا", "ł": "l", "’": "'", "ʼ": "'"}
)
_SPACES = re.compile(r"\s+")


def _fold(text: str) -> str:
    text = _ARABIC_MARKS.sub("", text.lower()).translate(_LETTER_VARIANTS)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(
        ch for ch in decomposed if not unicodedata.combining(ch) or "\u0600" <= ch <= "\u06ff"
    )
    return unicodedata.normalize("NFKC", stripped)


def normalise(text: str) -> str:
    """Lower-case, accent-free, single-spaced form of `text` for pattern matching."""
    return _SPACES.sub(" ", _fold(text)).strip()


_ME = r"(mig|oss|barnen|mitt barn|mina barn|dig)"
_EN_ME = r"(me|us|my (kids?|children|child|family|baby))"

# Each pattern is matched against the folded text. Grouped by the danger it describes;
# Swedish (with and without å/ä/ö), English, then the other main languages of Örebro.
_PATTERNS: dict[str, list[str]] = {
    SUICIDAL: [
        r"\bsjälvmord\w*",
        r"\b(vill|vil|ville|tänker|funderar på)\b[^.!?]{0,20}\bdö\b",
        r"\b(inte|int|ej)\b[^.!?]{0,25}\bleva\b(?!\s+(med|ihop|tillsammans|så|som))",
        r"\bta (mitt|mitt eget) liv\b",
        # "(jag) vill ta livet av mig" is suicidal; "han ska ta livet av mig" is a threat
        r"^(?!.*\b(han|hon|hen|de|dom)\b[^.!?]*\bta livet av mig\b).*\bta livet av mig\b",
        r"\b(försvinna för alltid|inte vakna|aldrig vakna|bäst om jag inte finns|inte finnas (mer|längre)|ingen skulle sakna mig|skada mig själv)\b",
        r"\b(ta|tar|svälja)\b[^.!?]{0,15}\b(tabletter|piller|tabbar)\b",
        r"\bhoppa\b[^.!?]{0,20}\b(bron|från|framför|ut)\b|\bstår på bron\b",
        r"\b(suicid\w*|kill(ing)? myself|end(ing)? (it all|my (own )?life)|take my (own )?life|self.?harm|hurt(ing)? myself)\b",
        r"\b(want|wanna|going) to die\b|\bwanna die\b",
        r"\b(don'?t|do not|no longer) want to (live|be alive|exist)\b|\bnot want to (live|be alive)\b",
        r"\b(never wake up|better off without me|no reason to live|point (of|in) living|(pills|tablets) ready|(going to|gonna) jump)\b",
        r"\b(no point in (anything|life|going on)|can'?t go on|give up on life|nothing to live for)\b",
        r"\b(ingen mening med (något|livet|att leva)|orkar inte mer med livet|vill inte finnas)\b",
        r"(انتحار|اقتل نفسی|ان اموت|لا ارید ان اعیش|خودکشی|بمیرم|زنده باشم|نمیخوام زنده)",
        r"\b(is dil|isdil|is dilo|waan is dilayaa|inaan dhinto)\b",
        r"(ርእሰይ ክቐትል|ክመውት)",
        r"\b(samobój\w*|chcę umrzeć|nie chcę (już )?żyć|zabić się|zabiję się)\b",
        r"(не хочу (більше )?жити|хочу померти|самогуб\w*|не хочу жить|хочу умереть)",
        r"\b(ne želim (više )?(da )?živ\w*|želim (da )?umr\w*|samoubist\w*|ubit ću se|ubiti se)\b",
    ],
    DANGER_NOW: [
        # violence going on now
        r"\b(slår|slåår|sparkar|misshandlar|bankar|skadar|attackerar|jagar|våldtar|hugger|slagit sönder)\b[^.!?]{0,40}\b(nu|just nu|fortfarande|igen nu)\b",
        r"\b(nu|just nu)\b[^.!?]{0,30}\b(slår|sparkar|misshandlar|skadar|attackerar|jagar)\b",
        r"\b(hitting|beating|kicking|attacking|hurting|raping|punching) me\b[^.!?]{0,30}\b(now|right now|still)\b",
        r"\b(is|he'?s|she'?s|they'?re)\b[^.!?]{0,15}\b(hitting|beating|kicking|attacking) me\b",
        # strangling or suffocating (a strong warning sign, also in the past)
        r"\b(stryp\w*|kväv\w*|strypgrepp|stryptag|händer(na)? (runt|om) (min )?hals|kudde över (mitt )?ansikte)\b",
        r"\b(strangl\w*|chok(e|es|ed|ing) me|hands? (around|round|on) my (neck|throat)|can'?t breathe|pillow over my face)\b",
        # threats to kill, fear for one's life
        rf"\b(döda|dödar|dödade|mörda|mördar|ta livet av|skjuta|skjuter|sticka ner|knivhugga|hugga ner|bränna upp) {_ME}\b",
        rf"\b(döda|dödar|mörda|skjuta)\b[^.!?]{{0,15}}\b{_ME}\b",
        r"\b(mordhot|dödshot|hotar att döda|hotat att döda|hotade att döda|rädd för mitt liv|måste dö|tända eld på)\b",
        rf"\b(kill|killing|murder|shoot|stab|finish|finishes|burn) {_EN_ME}\b",
        r"\b(threat\w* to (kill|burn|murder|stab|shoot)|afraid for my life|fear for my life|burn the house)\b",
        # fear of what is about to happen
        r"\b(scared|afraid|terrified)\b[^.!?]{0,40}\b(hurt|kill|hit|beat) me\b",
        r"\b(coming home|on his way home|comes home)\b[^.!?]{0,30}\b(drunk|angry|scared|afraid)\b|\b(drunk|angry)\b[^.!?]{0,30}\bcoming home\b",
        r"\b(rädd|radd)\b[^.!?]{0,40}\b(skadar|slår|dödar|gör illa på) mig\b",
        r"\b(kommer hem|på väg hem)\b[^.!?]{0,30}\b(full|packad|arg|rädd)\b",
        # weapons
        r"\b(kniv\w*|vapen|vapnet|pistol\w*|gevär\w*|yxa|yxan|machete|knife|knives|gun|guns|weapon|axe)\b",
        # locked in, trapped, hiding
        r"\b(inlåst|låst in mig|låste in mig|låser in mig|stänger in mig|instängd|kommer inte ut|låst (ytter)?dörren|gömmer mig)\b",
        r"\b(locked (me )?in|locked the door|won'?t let me (leave|out|go)|can'?t get out|trapped|hiding (in|from))\b",
        # someone at the door, on the way, has found me
        r"\b(utanför|vid|på) (dörren|min dörr|fönstret|lägenheten|huset|mitt hus|porten|jobbet|skolan)\b",
        r"\b(på väg hit|kommer hit|står här ute|knackar|bankar på dörren|hittat min (nya )?adress|sparkar på dörren)\b",
        r"\b(outside|at) (my|the) (door|window|flat|apartment|house|home|work|school)\b",
        r"\b(on (his|her|their) way (here|over)|showed up|waiting (for me )?(outside|in the car)|found my (new )?address|(kicking|banging) (on )?the door|breaking in)\b",
        # being taken abroad / married off
        r"\b(utomlands|hemlandet|gifta bort|giftas bort|bortgift|tvångsgift\w*|tvingas gifta|biljett|tagit mitt pass)\b",
        r"\b(skicka|skickar|ta|tar|åker|flyger)\b[^.!?]{0,10}\b(mig|oss)\b[^.!?]{0,10}\b(till|hem)\b",
        r"\b(abroad|send me (back|home|to)|taking me (back )?to|one.?way ticket|fly out|booked (me )?a ticket|took my passport|forced (to )?marr\w*|married off)\b",
        # explicit calls for help now
        r"\b(hjälp (mig )?(nu|fort|snabbt)|snälla hjälp|ring polisen|skicka (nån|någon|polis|polisen|hjälp) hit)\b",
        r"\b(call the police|help (me )?(now|quick|fast|asap)|please help|pls help|send (someone|help|the police))\b",
        # Arabic: he hits me, he will kill me, threatened me with death, knife, help, by force
        r"(یضربنی|سیقتلنی|یرید قتلی|بالقتل|سکین|ساعدونی|ساعدنی|النجدة|بالقوة)",
        # Persian: he hits me, he will kill me, knife, help me, locked up
        r"(منو میزنه|مرا میزند|میزنتم|منو بکشه|مرا بکشد|منو میکشه|میکشمت|چاقو|کمکم کنید|زندانی|حبس)",
        # Somali: he is beating me, he will kill me, knife, help
        r"\b(garaacayaa|i dilayaa|i dili|dilayaa|mindi|i caawiya|caawimaad|gargaar)\b",
        # Tigrinya: help, he beats me, he will kill me / you, knife
        r"(ሓገዝ|ይወቕዓኒ|ክቐትለኒ|ክቐትለኪ|ካራ)",
        # Polish: beats me, will kill, knife, help, locked me in
        r"\b(bije mnie|mnie bije|zabije|zabić mnie|nóż|pomocy|ratunku|zamknął mnie)\b",
        # Ukrainian / Russian: help, beats (me), kill, knife
        r"(допоможіть|допоможи|помогите|б'є|бьет|вбити|вб'є|убить|убьет|ніж|нож)",
        # Bosnian / Croatian / Serbian: help, beats me, kill, locked, knife
        r"\b(pomozite|pomoć|tuče|ubiti|ubit će|ubiće|zaključao|nož)\b",
    ],
}


def _compile(pattern: str) -> re.Pattern[str]:
    """Compile a pattern with the same folding the text gets."""
    return re.compile(_fold(pattern))


_COMPILED = {kind: [_compile(p) for p in patterns] for kind, patterns in _PATTERNS.items()}


@dataclass(frozen=True)
class Verdict:
    """A danger match: which kind, and the pattern that fired (for staff explanations)."""

    kind: str
    pattern: str


def detect(text: str) -> Verdict | None:
    """Return the danger verdict for `text`, or None. Suicidal thoughts are checked first."""
    norm = normalise(text)
    for kind in (SUICIDAL, DANGER_NOW):
        for pattern in _COMPILED[kind]:
            if pattern.search(norm):
                return Verdict(kind, pattern.pattern)
    return None
