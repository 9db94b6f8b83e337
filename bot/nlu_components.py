"""Custom Rasa NLU components, registered for the pipeline in config.yml.

- `LanguageTagger` turns the `lang` the gateway sends in the message metadata into a `language`
  entity, which fills the `language` slot that picks Swedish or English response variations.
- `DangerDetector` runs after the classifiers and overrides their intent with `danger_now` or
  `suicidal` when `bot.danger` matches: the classifier can never out-vote it.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message

from bot import danger

SUPPORTED_LANGUAGES = ("sv", "en")


class _Stateless(GraphComponent):
    """A component without training or configuration."""

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> _Stateless:
        return cls()


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class LanguageTagger(_Stateless):
    """Adds a `language` entity from the message metadata (`{"lang": "en"}`)."""

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            lang = (message.get("metadata") or {}).get("lang")
            if lang in SUPPORTED_LANGUAGES:
                entity = {
                    "entity": "language",
                    "value": lang,
                    "start": 0,
                    "end": 0,
                    "extractor": type(self).__name__,
                }
                message.set(ENTITIES, [*message.get(ENTITIES, []), entity], add_to_output=True)
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DangerDetector(_Stateless):
    """Sets the intent to `danger_now` / `suicidal` with confidence 1.0 when a pattern matches."""

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            verdict = danger.detect(message.get(TEXT) or "")
            if verdict is None:
                continue
            intent = {INTENT_NAME_KEY: verdict.kind, PREDICTED_CONFIDENCE_KEY: 1.0}
            others = [
                r for r in message.get(INTENT_RANKING_KEY, []) if r[INTENT_NAME_KEY] != verdict.kind
            ]
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [intent, *others], add_to_output=True)
            message.set(
                "danger", {"kind": verdict.kind, "pattern": verdict.pattern}, add_to_output=True
            )
        return messages
