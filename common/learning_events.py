"""Learning events cross the layers as signals.

quizzes, h5p and courses record their own facts (an attempt finished, an H5P statement
kept, a module finished with its button) and send a signal in the same transaction. They
sit below the layer that decides what those facts mean, so they never call it: the
learning pipeline (certificates/pipeline.py) receives the signal, records what follows
(module completed, course completed, certificate issued) and answers with an Outcome,
which the sending view acts on."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Outcome:
    module_completed: bool = False
    course_completed: bool = False
    certificate_id: int | None = None  # a certificate issued by this event


NOTHING_NEW = Outcome()


def report_fact(signal, sender, **facts) -> Outcome:
    """Send a fact; the pipeline's answer, or NOTHING_NEW where no receiver answers."""
    answers = [
        answer for _receiver, answer in signal.send(sender=sender, **facts) if isinstance(answer, Outcome)
    ]
    return answers[0] if answers else NOTHING_NEW
