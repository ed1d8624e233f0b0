"""Facts this app reports. certificates/pipeline.py decides what they mean."""

from django.dispatch import Signal

# Sent once, in the transaction that scores and closes the attempt; kwargs: attempt.
attempt_finished = Signal()
