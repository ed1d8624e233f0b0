"""The rules of completion, as pure functions of plain data: no database, no request.

certificates/pipeline.py gathers the facts (which tests a trainee passed, which H5P
activities they completed, which modules are done) and asks these rules what follows.
Read the two files together: they are the whole learning flow."""

from collections.abc import Collection


def module_complete(
    *,
    required_quizzes: Collection[int],
    passed_quizzes: Collection[int],
    required_blocks: Collection[str],
    completed_blocks: Collection[str],
) -> bool:
    """A module with required activities is complete when every required test is passed
    and every required H5P activity completed, in whichever language. A module without
    any is finished with its button instead (`finishable_by_button`)."""
    if not required_quizzes and not required_blocks:
        return False
    return set(required_quizzes) <= set(passed_quizzes) and set(required_blocks) <= set(completed_blocks)


def finishable_by_button(*, required_quizzes: Collection[int], required_blocks: Collection[str]) -> bool:
    return not required_quizzes and not required_blocks


def course_complete(*, module_keys: Collection, completed_module_keys: Collection) -> bool:
    """Every module of the course, as it is now, is complete. Once reached, completion is
    recorded and kept: modules added later do not take it away (docs/decisions.md)."""
    return bool(module_keys) and set(module_keys) <= set(completed_module_keys)


def certificate_due(*, course_completed: bool, final_test_passed: bool) -> bool:
    """A certificate rests on a completed course and a passed final test, which the server
    scores: a course without a final test completes but certifies nobody, and an H5P score
    (reported by the browser) never decides one."""
    return course_completed and final_test_passed


def final_test_open(
    *, course_completed: bool, module_keys: Collection, completed_module_keys: Collection
) -> bool:
    """A course's final test can be started once every module of the course is complete
    (or the course was completed before modules were added): it measures what the modules
    taught, and starting it by mistake would spend one of its attempts."""
    return course_completed or set(module_keys) <= set(completed_module_keys)
