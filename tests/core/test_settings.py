"""The settings from the environment (bot/core/settings.py): defaults, values, clear errors."""

import pytest

from bot.core import settings
from bot.core.settings import SettingError


def test_unset_or_empty_variables_give_the_defaults():
    for environ in ({}, dict.fromkeys(("BOT_IDLE_TIMEOUT", "BOT_MAX_CONVERSATIONS", "BOT_STAFF",
                                       "BOT_REDIS_URL", "BOT_RESOURCES_COPY"), "")):  # fmt: skip
        assert settings.idle_timeout(environ) == 30 * 60
        assert settings.max_conversations(environ) == 10_000
        assert settings.staff_mode(environ) is False
        assert settings.redis_url(environ) is None
        assert settings.resources_copy(environ) is None
    assert settings.forwarded_allow_ips({}) == "127.0.0.1,::1"


def test_values_are_read():
    environ = {
        "BOT_IDLE_TIMEOUT": "90",
        "BOT_MAX_CONVERSATIONS": " 7 ",
        "BOT_STAFF": "1",
        "BOT_REDIS_URL": "redis://127.0.0.1:6380/0",
        "BOT_RESOURCES_COPY": "/var/lib/orebro-stod/resources.yml",
        "FORWARDED_ALLOW_IPS": "10.0.0.0/8",
    }
    assert settings.idle_timeout(environ) == 90.0
    assert settings.max_conversations(environ) == 7
    assert settings.staff_mode(environ) is True
    assert settings.redis_url(environ) == "redis://127.0.0.1:6380/0"
    assert str(settings.resources_copy(environ)) == "/var/lib/orebro-stod/resources.yml"
    assert settings.forwarded_allow_ips(environ) == "10.0.0.0/8"


@pytest.mark.parametrize(
    ("read", "name", "value"),
    [
        (settings.idle_timeout, "BOT_IDLE_TIMEOUT", "thirty minutes"),
        (settings.idle_timeout, "BOT_IDLE_TIMEOUT", "0"),
        (settings.idle_timeout, "BOT_IDLE_TIMEOUT", "inf"),
        (settings.idle_timeout, "BOT_IDLE_TIMEOUT", "nan"),
        (settings.max_conversations, "BOT_MAX_CONVERSATIONS", "-5"),
        (settings.max_conversations, "BOT_MAX_CONVERSATIONS", "2.5"),
        (settings.staff_mode, "BOT_STAFF", "yes"),
        (settings.redis_url, "BOT_REDIS_URL", "127.0.0.1:6379"),
    ],
)
def test_a_bad_value_is_refused_with_the_variables_name(read, name, value):
    with pytest.raises(SettingError, match=name):
        read({name: value})


def test_the_redis_error_does_not_repeat_the_address_which_may_hold_a_password():
    with pytest.raises(SettingError) as refused:
        settings.redis_url({"BOT_REDIS_URL": "http://user:s3cret@db:6379"})
    assert "s3cret" not in str(refused.value)


def test_the_cli_says_which_setting_is_wrong_instead_of_a_traceback(monkeypatch, capsys):
    from bot.__main__ import main

    monkeypatch.setenv("BOT_REDIS_URL", "localhost:6379")
    assert main(["check"]) == 2
    assert "BOT_REDIS_URL" in capsys.readouterr().err
