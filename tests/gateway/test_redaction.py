"""Redaction of personal data before text reaches Rasa (property-based with hypothesis)."""

import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bot.core.resources import load
from bot.gateway.redaction import EMAIL, PERSONNUMMER, PHONE, Redactor, plain

SERVICE_NUMBERS = [n for r in load().all() for n in (r.phone, r.sms) if n]
redactor = Redactor(SERVICE_NUMBERS)

words = st.lists(
    st.sampled_from(["jag", "han", "min", "ring", "mig", "på", "hej", "och", "numret"]), max_size=4
)


@st.composite
def personnummer(draw):
    century = draw(st.sampled_from(["", "19", "20"]))
    year = draw(st.integers(0, 99))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28)) + draw(st.sampled_from([0, 60]))  # 60: samordningsnummer
    sep = draw(st.sampled_from(["", "-", "+"]))
    tail = draw(st.integers(0, 9999))
    return f"{century}{year:02d}{month:02d}{day:02d}{sep}{tail:04d}"


@st.composite
def swedish_mobile(draw):
    digits = f"07{draw(st.sampled_from('02369'))}{draw(st.integers(0, 9999999)):07d}"
    style = draw(st.sampled_from(["plain", "dash", "spaced", "intl", "intl00"]))
    if style == "dash":
        return f"{digits[:3]}-{digits[3:]}"
    if style == "spaced":
        return f"{digits[:3]}-{digits[3:6]} {digits[6:8]} {digits[8:]}"
    if style == "intl":
        return f"+46 {digits[1:3]} {digits[3:6]} {digits[6:]}"
    if style == "intl00":
        return f"0046{digits[1:]}"
    return digits


emails = st.from_regex(r"[a-z][a-z0-9._]{0,10}@[a-z]{2,10}\.(se|com|nu)", fullmatch=True)


def embed(before, secret, after):
    return " ".join([*before, secret, *after])


@settings(max_examples=300)
@given(words, personnummer(), words)
def test_personnummer_is_redacted(before, number, after):
    out = redactor.redact(embed(before, number, after))
    assert number not in out and (PERSONNUMMER in out or PHONE in out)


@settings(max_examples=300)
@given(words, swedish_mobile(), words)
def test_phone_numbers_are_redacted(before, number, after):
    out = redactor.redact(embed(before, number, after))
    assert number not in out and PHONE in out
    assert not any(ch.isdigit() for ch in out.replace(PHONE, ""))


@settings(max_examples=200)
@given(words, emails, words)
def test_email_addresses_are_redacted(before, address, after):
    out = redactor.redact(embed(before, address, after))
    assert address not in out and EMAIL in out


@given(
    words, st.sampled_from(["112", "114 14", "116 111", "1177", "90101", *SERVICE_NUMBERS]), words
)
def test_service_numbers_are_kept(before, number, after):
    text = embed(before, number, after)
    assert redactor.redact(text) == text


@given(
    st.text(
        alphabet=st.characters(blacklist_categories=["Nd"], blacklist_characters="@"), max_size=200
    )
)
def test_text_without_digits_or_at_signs_is_only_made_plain(text):
    made_plain = plain(text)
    assume(not any(ch.isdigit() for ch in made_plain))
    assume(not re.search(r"@|[(\[{]at[)\]}]", made_plain, re.IGNORECASE))
    assert redactor.redact(text) == made_plain


def test_dates_times_and_ages_are_kept():
    for text in ["kl 12.30-14.00", "2024-05-06", "jag är 15 år", "år 2019-2021", "postnr 702 10"]:
        assert redactor.redact(text) == text


@pytest.mark.parametrize(
    "written",
    [
        "850101–1234",  # en dash
        "850101−1234",  # minus sign
        "850101 - 1234",
        "８５０１０１-１２３４",  # fullwidth digits
        "8501\u200b01-1234",  # a zero-width space inside
    ],
)
def test_personnummer_in_any_typography_is_redacted(written):
    assert redactor.redact(f"mitt nummer är {written} ok") == f"mitt nummer är {PERSONNUMMER} ok"


@pytest.mark.parametrize("written", ["70 123 45 67", "123 45 67", "０７０-１２３ ４５ ６７"])
def test_phone_numbers_without_their_zero_or_area_code_are_redacted(written):
    assert redactor.redact(f"ring {written}") == f"ring {PHONE}"


@pytest.mark.parametrize(
    "written", ["anna＠gmail.com", "anna (at) gmail.com", "anna[at]gmail[dot]com"]
)
def test_disguised_email_addresses_are_redacted(written):
    assert redactor.redact(f"mejla {written}") == f"mejla {EMAIL}"


def test_times_dates_and_ages_are_left_alone():
    for text in ("klockan 12 30", "den 12 december 2024", "jag är 15 år", "ring 020-50 50 50"):
        assert redactor.redact(text) == text
