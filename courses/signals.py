"""Facts this app reports. certificates/pipeline.py decides what they mean."""

from django.dispatch import Signal

# The trainee pressed "I have finished this module" on a module without required
# activities; kwargs: user, module.
module_finished_by_trainee = Signal()
