"""Everything the Rasa process loads (by dotted path in config.yml, endpoints.yml and
credentials.yml, or at start in rasa_cli): NLU components, the policy, the tracker and lock
stores (where its privacy rules apply), the channel, the speed-ups and the counters."""
