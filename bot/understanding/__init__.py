"""Judgement on a message, pure and without I/O: danger triage and its answers, who is writing
(role, age) and whose answer to give, short replies. Runs inside Rasa (bot.rasa_plugins), in
the action server (actions/) and in the staff tools; the gateway uses the danger patterns."""
