"""Replacements for slow parts of Rasa 3.6 that behave exactly like the originals.

`install()` puts them in place before a model loads; `bot/rasa_plugins/rasa_cli.py` (so `bot serve`)
and `bot/tools/local_agent.py` (tools and tests) call it. `python -m bench.components` measures
both.

1. The prediction graph runs in plain Python order instead of through dask.

Rasa runs its model (tokenizer, featurizers, classifiers, policies) as a graph, and for every
graph run (three per message) it builds a dask task graph and hands it to dask's synchronous
scheduler. Measured here, that bookkeeping cost about 1.9 ms of a 9.8 ms message
(`python -m bench.components`), and it formats the whole input, message text included, into a
debug string on every run. The nodes only ever run one after another in one thread, so this
runner does the same thing directly: each needed node once, after the nodes it needs, with the
same inputs and outputs as the dask runner (the tests compare the two).

2. The action server's answer is checked against a schema compiled once.

Rasa checks every answer of the action server with `jsonschema.validate`, which first checks the
(large) schema itself against its meta-schema: about 60 ms per custom action call here, nine
tenths of an "open now" answer. The schema never changes, so it is checked once and the compiled
validator reused; an invalid answer still raises the same ValidationError.

3. Whether the domain is empty is worked out once per domain.

For every message Rasa asks `Domain.is_empty()`, which builds a whole new empty Domain to compare
with (about 4% of a message's time). A loaded domain never changes, so the answer is kept on it.
"""

from __future__ import annotations

import functools
import gc
from typing import Any

from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.engine.exceptions import GraphRunError
from rasa.engine.graph import GraphSchema
from rasa.engine.runner.dask import DaskGraphRunner
from rasa.shared.core.domain import Domain


class SequentialGraphRunner(DaskGraphRunner):
    """DaskGraphRunner's `run`, without dask (see the module docstring)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._schemas: dict[tuple[str, ...], GraphSchema] = {}
        # The model is loaded now and lives as long as the process. Left to the cyclic garbage
        # collector, its hundreds of MB of objects are traversed at every full collection: a
        # pause of up to 480 ms in the middle of an answer (measured). Freezing keeps them out.
        gc.collect()
        gc.freeze()

    def _schema_for(self, targets: tuple[str, ...]) -> GraphSchema:
        if targets not in self._schemas:
            self._schemas[targets] = self._graph_schema.minimal_graph_schema(list(targets))
        return self._schemas[targets]

    def run(
        self, inputs: dict[str, Any] | None = None, targets: list[str] | None = None
    ) -> dict[str, Any]:
        run_targets = tuple(targets or self._graph_schema.target_names)
        schema = self._schema_for(run_targets)
        for name in inputs or {}:
            if name in schema.nodes:
                raise GraphRunError(f"Input '{name}' clashes with a node name.")
        # as with dask: an input arrives as (name, value), a node's output as (name, output),
        # and a name that nothing provides arrives as the bare name (GraphNode reports it)
        done: dict[str, Any] = {name: (name, value) for name, value in (inputs or {}).items()}

        def result(name: str) -> Any:
            if name not in done:
                if name not in schema.nodes:
                    return name
                needs = schema.nodes[name].needs.values()
                done[name] = self._instantiated_nodes[name](*(result(n) for n in needs))
            return done[name]

        try:
            return dict(result(target) for target in run_targets)
        except RuntimeError as e:
            raise GraphRunError("Error running runner.") from e


@functools.cache
def action_result_validator() -> Any:
    """A validator for the action server's answers, its schema checked once."""
    from jsonschema.validators import validator_for

    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """RemoteAction._validate_action_result with the compiled validator."""
    try:
        action_result_validator().validate(result)
        return True
    except ValidationError as e:
        e.message += (
            ". Failed to validate Action server response from API, make sure your response "
            "from the Action endpoint is valid."
        )
        raise e


_domain_is_empty = Domain.is_empty


def domain_is_empty(self: Domain) -> bool:
    """Domain.is_empty, worked out once per domain object."""
    if "_is_empty" not in self.__dict__:
        self.__dict__["_is_empty"] = _domain_is_empty(self)
    return self.__dict__["_is_empty"]


# The Rasa these replacements (and bot/rasa_plugins/rule_policy.py,
# bot/rasa_plugins/intent_classifier.py, which subclass Rasa's internals) were written and compared
# against; another version may change what they replace.
WRITTEN_FOR_RASA = "3.6.21"


def install() -> None:
    """Put the replacements in place (before a model is loaded); refuse another Rasa version."""
    import rasa
    import rasa.core.processor

    if rasa.__version__ != WRITTEN_FOR_RASA:
        raise RuntimeError(
            f"bot/rasa_plugins/rasa_speedups.py was written for Rasa {WRITTEN_FOR_RASA}, not "
            f"{rasa.__version__}: check each replacement against the new Rasa (the tests compare "
            "them), then change WRITTEN_FOR_RASA"
        )

    rasa.core.processor.DaskGraphRunner = SequentialGraphRunner
    RemoteAction._validate_action_result = validate_action_result
    Domain.is_empty = domain_is_empty
