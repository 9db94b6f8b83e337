"""Rasa's RulePolicy with its rule look-up remembered; it predicts exactly what RulePolicy does.

For every prediction (two or three per message) RulePolicy checks each of its rules against the
conversation's states, newest first (`_get_possible_keys`): about a tenth of Rasa's time per
message here. A rule only looks as far back as its own length, and RulePolicy counts every rule as
matching once the check has gone further back than that; so the answer depends only on the last
`longest rule` states. This policy remembers the answer for those states and reuses it: a
conversation's states repeat a lot (greeting, button, answer, listen). What it remembers is
intents, action names and slot features, never the user's text.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from typing import Any

from rasa.core.policies.rule_policy import RulePolicy
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.core.constants import USER
from rasa.shared.nlu.constants import TEXT

MAX_REMEMBERED = 20_000


def frozen(value: Any) -> Any:
    """A hashable copy of a state (dicts of dicts of strings, numbers and tuples)."""
    if isinstance(value, dict):
        return frozenset((k, frozen(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return tuple(frozen(v) for v in value)
    return value


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True
)
class RememberingRulePolicy(RulePolicy):
    """RulePolicy whose `_get_possible_keys` is remembered per recent states (module docstring).

    Only a loaded policy remembers: while training, RulePolicy changes its rules as it goes.
    """

    _remembered: OrderedDict[Any, frozenset[str]] | None = None

    @classmethod
    def load(cls, *args: Any, **kwargs: Any) -> RememberingRulePolicy:
        policy = super().load(*args, **kwargs)
        policy._remembered = OrderedDict()
        policy._reach = {
            id(rules): max((len(json.loads(rule)) for rule in rules), default=0)
            for rules in policy.lookup.values()
            if isinstance(rules, dict)
        }
        return policy

    def _get_possible_keys(self, lookup: dict[str, str], states: list[dict[str, Any]]) -> set[str]:
        if self._remembered is None or id(lookup) not in self._reach:
            return super()._get_possible_keys(lookup, states)
        reach = self._reach[id(lookup)]
        recent = states[-reach:] if reach else []
        # RulePolicy also looks the user's own words up (end-to-end rules, of which this bot has
        # none). Those states are never remembered: no user text may outlive its conversation.
        if any(TEXT in (state.get(USER) or {}) for state in recent):
            return super()._get_possible_keys(lookup, states)
        key = (id(lookup), frozen(recent))
        if key not in self._remembered:
            self._remembered[key] = frozenset(super()._get_possible_keys(lookup, states))
            if len(self._remembered) > MAX_REMEMBERED:
                self._remembered.popitem(last=False)
        return set(self._remembered[key])
