"""The service's processes: the supervisor that starts and watches Rasa, the action server and
the gateway, and the action server's entry point."""
