import pytest
from wagtail.models import Locale

from courses.models import DONE, IN_PROGRESS, ModuleProgress
from courses.services import module_finish_by_button, module_open


def in_language(page, lang):
    return page.get_translation(Locale.objects.get(language_code=lang))


def finish(client, module, lang="uk"):
    return client.post(f"/{lang}/learning/modules/{in_language(module, lang).pk}/finish/")


def test_opening_a_module_records_it_once(client, trainee, course):
    module = course[1][0]
    client.force_login(trainee)

    client.get(module.url)
    client.get(in_language(module, "ru").url)  # the same module, in Russian

    progress = ModuleProgress.objects.get()
    assert progress.module_key == module.translation_key
    assert progress.completed_at is None


def test_anonymous_reading_records_nothing(client, course):
    for module in course[1]:
        assert client.get(module.url).status_code == 200
        assert client.get(in_language(module, "ru").url).status_code == 200

    assert ModuleProgress.objects.count() == 0


def test_progress_crosses_languages(client, trainee, course):
    """Open in Ukrainian, complete in Russian, shown done in Ukrainian."""
    course_page, modules = course
    client.force_login(trainee)
    client.get(modules[0].url)

    response = finish(client, modules[0], lang="ru")

    assert response.status_code == 302
    assert response["Location"] == in_language(modules[1], "ru").url  # on to the next module
    course_html = client.get(course_page.url).content.decode()
    assert course_html.count("status--done") == 1
    assert "Пройдено 33%" in course_html
    assert "Ви завершили цей модуль." in client.get(modules[0].url).content.decode()


def test_finishing_the_last_module_returns_to_the_course(client, trainee, course):
    course_page, modules = course
    client.force_login(trainee)

    response = finish(client, modules[-1])

    assert response["Location"] == course_page.url


def test_finishing_twice_keeps_the_first_completion(trainee, course):
    module = course[1][0]
    assert module_finish_by_button(user=trainee, module=module).module_completed
    first = ModuleProgress.objects.get().completed_at

    again = module_finish_by_button(user=trainee, module=in_language(module, "ru"))

    assert not again.module_completed
    assert ModuleProgress.objects.get().completed_at == first


def test_a_module_with_a_required_test_is_not_finished_by_the_button(client, trainee, course):
    from tests.builders import build_quiz

    module = course[1][0]
    module.body.append(("quiz", {"quiz": build_quiz(), "required": True}))
    module.save_revision().publish()
    client.force_login(trainee)

    assert finish(client, module).status_code == 404
    assert not ModuleProgress.objects.filter(completed_at__isnull=False).exists()
    assert "Готово, модуль пройдено" not in client.get(module.url).content.decode()


def test_finish_needs_a_signed_in_post(client, trainee, course):
    module = course[1][0]

    assert finish(client, module).status_code == 302  # to the login page
    client.force_login(trainee)
    assert client.get(f"/uk/learning/modules/{module.pk}/finish/").status_code == 405
    assert ModuleProgress.objects.count() == 0


def test_finish_of_an_unpublished_module_is_refused(client, trainee, course):
    module = course[1][0]
    module.unpublish()
    client.force_login(trainee)

    assert finish(client, module).status_code == 404


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_my_learning_shows_continue_and_course_progress(client, trainee, course, lang):
    course_page, modules = course
    module_finish_by_button(user=trainee, module=modules[0])
    module_open(user=trainee, module=modules[1])
    client.force_login(trainee)

    response = client.get(f"/{lang}/learning/")

    html = response.content.decode()
    assert response.context["continue_module"] == in_language(modules[1], lang)
    assert in_language(course_page, lang).title in html
    assert "Пройдено 33%" in html  # the same words in both languages
    assert 'value="33"' in html


def test_my_learning_needs_an_account(client, db):
    assert client.get("/uk/learning/")["Location"].startswith("/uk/accounts/login/")


def test_statuses(trainee, course):
    from courses.selectors import module_statuses

    modules = course[1]
    module_open(user=trainee, module=modules[0])
    module_finish_by_button(user=trainee, module=modules[1])

    statuses = module_statuses(trainee, [in_language(m, "ru") for m in modules])

    assert list(statuses.values()) == [IN_PROGRESS, DONE, "not_started"]


def test_my_learning_lists_courses_for_everyone_and_for_the_trainees_organisation(
    client, trainee, home_pages, other_organisation
):
    from tests.builders import build_course

    ours, _ = build_course(home_pages, modules=1, slug="ours")
    ours.organisations.set([trainee.organisation])
    ours.save_revision().publish()
    theirs, _ = build_course(home_pages, modules=1, slug="theirs")
    theirs.organisations.set([other_organisation])
    theirs.save_revision().publish()
    everyone, _ = build_course(home_pages, modules=1, slug="everyone")
    client.force_login(trainee)

    listed = [item["course"].pk for item in client.get("/uk/learning/").context["courses"]]

    assert listed == [ours.pk, everyone.pk]
