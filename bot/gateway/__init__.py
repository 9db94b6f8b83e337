"""The gateway process (aiohttp): the public HTTP API, the widget and /stod, security headers,
rate limits, redaction of personal data before Rasa, and the Rasa client with its degraded
answer. Nothing here runs inside Rasa."""
