"""Facts this app reports. certificates/pipeline.py decides what they mean."""

from django.dispatch import Signal

# Sent in the transaction that keeps a statement which completes its activity;
# kwargs: user, module_key (the page's translation_key), block_id.
activity_completed = Signal()
