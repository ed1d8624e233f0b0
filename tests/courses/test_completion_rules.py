"""The pure completion rules: plain data in, a yes or no out, no database."""

from courses import completion


def test_a_module_is_complete_when_every_required_activity_is_done():
    def rule(quizzes, passed, blocks, completed):
        return completion.module_complete(
            required_quizzes=quizzes,
            passed_quizzes=passed,
            required_blocks=blocks,
            completed_blocks=completed,
        )

    assert rule({1}, {1, 7}, {"b"}, {"b"})
    assert not rule({1, 2}, {1}, set(), set())
    assert not rule(set(), set(), {"b"}, {"c"})


def test_a_module_without_required_activities_is_finished_by_its_button_only():
    assert not completion.module_complete(
        required_quizzes=set(), passed_quizzes={1}, required_blocks=set(), completed_blocks={"b"}
    )
    assert completion.finishable_by_button(required_quizzes=[], required_blocks=[])
    assert not completion.finishable_by_button(required_quizzes=[3], required_blocks=[])
    assert not completion.finishable_by_button(required_quizzes=[], required_blocks=["b"])


def test_a_course_is_complete_when_every_module_it_has_now_is():
    assert completion.course_complete(module_keys={"a", "b"}, completed_module_keys={"a", "b", "old"})
    assert not completion.course_complete(module_keys={"a", "b"}, completed_module_keys={"a"})
    assert not completion.course_complete(module_keys=set(), completed_module_keys={"a"})


def test_a_certificate_needs_the_completed_course_and_the_passed_final_test():
    assert completion.certificate_due(course_completed=True, final_test_passed=True)
    assert not completion.certificate_due(course_completed=True, final_test_passed=False)
    assert not completion.certificate_due(course_completed=False, final_test_passed=True)
