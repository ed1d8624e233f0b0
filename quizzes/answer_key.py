"""When a trainee may see a test's answer key (the correct answers and explanations), as
pure functions of plain data: no database, no request.

A test that measures learning must not teach its own answers: the pre-test never shows
them (whatever policy is stored), and the final test shows them only once passed, so a
trainee who fails cannot read the key and pass with it on the next try. Once a trainee has
seen the key of such a test they cannot start it again: a score earned with the key in hand
measures nothing."""

ALWAYS, AFTER_PASSING, AFTER_LAST_ATTEMPT, NEVER = "always", "after_passing", "after_last_attempt", "never"

# Quiz kinds (quizzes.models.Quiz.Kind) whose usual policy is not ALWAYS.
_DEFAULTS = {"pre_test": NEVER, "final": AFTER_PASSING}
# Kinds whose policy staff cannot change: a pre-test measures where a trainee starts, and the
# knowledge gain compares it with the final test; a pre-test that showed its key would
# teach the answers before the course does.
_FIXED = {"pre_test": NEVER}


def default_policy(kind: str) -> str:
    """The usual policy for a kind of test: practice and module tests teach, so they show
    the key after every attempt."""
    return _DEFAULTS.get(kind, ALWAYS)


def fixed_policy(kind: str) -> str | None:
    """The only policy a kind of test may have, or None when staff choose."""
    return _FIXED.get(kind)


def policy_in_force(kind: str, stored: str) -> str:
    """The policy that applies: a fixed one whatever is stored (a value stored before the
    rule, or written around the admin's check), else the stored one, else the usual one."""
    return fixed_policy(kind) or stored or default_policy(kind)


def key_shown(policy: str, *, passed: bool, attempts_left: int | None) -> bool:
    """Whether the key is shown now. `passed`: any finished attempt passed; `attempts_left`:
    None when attempts are unlimited (so "after the last attempt" never comes)."""
    if policy == ALWAYS:
        return True
    if policy == AFTER_PASSING:
        return passed
    if policy == AFTER_LAST_ATTEMPT:
        return attempts_left == 0
    return False


def may_start_after_key(policy: str, *, key_was_shown: bool) -> bool:
    """A test that guards its key cannot be taken again once its key has been shown."""
    return policy == ALWAYS or not key_was_shown
