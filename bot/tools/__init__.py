"""Staff and developer commands (`python -m bot ...`): checks, the review page, the terminal
chat, staff flows, training, evaluation and transcripts, reports. Not part of the running
service, except `explain`, which the Rasa channel uses for staff in staff mode."""
