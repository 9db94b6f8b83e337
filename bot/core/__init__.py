"""Shared by every process: the resources catalogue and its checks, filling texts with numbers
and links, the UI texts, languages, the privacy rules for logs, the metrics and the Redis check."""
