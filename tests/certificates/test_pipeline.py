"""The learning pipeline end to end: events in, outcomes out, completion kept."""

from django.utils import timezone

from certificates.models import Certificate
from courses.models import CourseCompletion, ModulePage, ModuleProgress
from elearn.demo.courses import publish_child
from tests.builders import module_body
from tests.certificates.conftest import finish_modules, take_final


def publish_late_module(course):
    """A fourth module, published after trainees started (or finished) the course."""
    module = ModulePage(
        title="Модуль 4",
        slug="m4",
        summary="Новий",
        estimated_minutes=10,
        body=module_body("late-m4", "Нова тема"),
        locale=course.locale,
    )
    return publish_child(course, module)


def test_the_last_module_completes_the_course_and_its_button_answers_with_the_certificate(
    client, trainee, final_course
):
    page, modules, final = final_course
    take_final(trainee, final)  # passed before the modules were done: nothing yet
    finish_modules(trainee, modules[:-1])
    assert not CourseCompletion.objects.exists() and not Certificate.objects.exists()
    client.force_login(trainee)

    response = client.post(f"/uk/learning/modules/{modules[-1].pk}/finish/")

    certificate = Certificate.objects.get(user=trainee)
    assert response["Location"] == f"/uk/certificates/{certificate.pk}/"
    completion = CourseCompletion.objects.get(user=trainee)
    assert completion.course_key == page.translation_key


def test_a_certificate_holder_stays_complete_when_a_module_is_published_later(client, trainee, final_course):
    page, modules, final = final_course
    finish_modules(trainee, modules)
    take_final(trainee, final)
    assert Certificate.objects.filter(user=trainee).exists()

    publish_late_module(page)
    client.force_login(trainee)
    html = client.get(page.url).content.decode()

    assert "Пройдено 100%" in html
    assert "Нове · за бажанням" in html  # the new module: new, and optional for them
    assert CourseCompletion.objects.filter(user=trainee).count() == 1
    assert Certificate.objects.get(user=trainee).is_valid
    overview = client.get("/uk/learning/").content.decode()
    assert 'value="100"' in overview


def test_a_trainee_still_in_progress_needs_a_module_published_later(trainee, final_course):
    page, modules, final = final_course
    finish_modules(trainee, modules[:-1])
    late = publish_late_module(page)
    take_final(trainee, final)

    finish_modules(trainee, modules[-1:])
    assert not CourseCompletion.objects.exists()  # the new module is part of their course

    finish_modules(trainee, [late])
    assert CourseCompletion.objects.filter(user=trainee).exists()
    assert Certificate.objects.filter(user=trainee).exists()


def test_opening_a_module_page_writes_nothing_but_that_it_was_opened(client, trainee, final_course):
    page, modules, final = final_course
    finish_modules(trainee, modules[:-1])
    take_final(trainee, final)
    # Done behind the pipeline's back: only an event may complete a module, never a GET.
    ModuleProgress.objects.create(
        user=trainee,
        module_key=modules[-1].translation_key,
        first_opened_at=timezone.now(),
        last_opened_at=timezone.now(),
    )
    client.force_login(trainee)

    assert client.get(modules[-1].url).status_code == 200

    assert ModuleProgress.objects.get(module_key=modules[-1].translation_key).completed_at is None
    assert not CourseCompletion.objects.exists() and not Certificate.objects.exists()
