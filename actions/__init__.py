"""Custom Rasa actions (rasa_sdk). Thin: the logic lives in the `bot` package."""
