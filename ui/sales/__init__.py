"""The sales view: the week plan, find-a-contact with its card, the call dialog, the lead inbox."""
