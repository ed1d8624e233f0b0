"""A course limited to one organisation, in the admin: another organisation's trainer and
coordinator find neither it, its modules, the documents only it uses, nor the tests only
it holds, on any admin screen (courses/admin_access.py; quizzes/wagtail_hooks.py). They
get the admin's "not found", in their language, and nothing changes. The course's own
organisation and admins keep every screen."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents.models import Document
from wagtail.models import Page
from wagtail.users.models import UserProfile

from courses.models import ModulePage
from quizzes.models import Quiz
from tests.builders import build_course, build_quiz
from tests.courses.test_authoring import with_roles
from tests.courses.test_restrictions import add_quiz, limit_to

pytestmark = pytest.mark.django_db

# Wagtail's admin 404 page, in the user's admin language.
NOT_FOUND = {"uk": "Сторінку, яку ви просите, неможливо знайти", "ru": "Запрошенная страница не найдена."}


def client_for(user, language="uk"):
    client = Client(headers={"accept-language": language})
    client.force_login(user)
    UserProfile.get_for_user(user)
    UserProfile.objects.filter(user=user).update(preferred_language=language)
    return client


@pytest.fixture
def outsiders(outside_trainer, outside_coordinator):
    return [outside_trainer, outside_coordinator]


@pytest.fixture
def recording(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = Document(title="Запис для Салюсу")
    document.file.save("conversation.mp3", ContentFile(b"ID3 a recording"), save=False)
    document.save()
    return document


@pytest.fixture
def closed(course, organisation, recording):
    """The course, limited to `organisation`, with a test and a document only it uses."""
    page, modules = course
    with_roles(course)
    quiz = build_quiz(max_attempts=2)
    module = add_quiz(modules[0], quiz)
    for version in module.get_translations(inclusive=True):
        version.body.append(("audio", {"title": "Розмова", "file": recording, "transcript": "<p>Так.</p>"}))
        version.save_revision().publish()
    limit_to(page, organisation)
    return page, ModulePage.objects.get(pk=module.pk), quiz, recording


def page_urls(page):
    urls = [
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/{page.pk}/view_draft/",
        f"/admin/pages/{page.pk}/revisions/",
        f"/admin/pages/{page.pk}/history/",
        f"/admin/pages/{page.pk}/workflow_history/",
        f"/admin/pages/{page.pk}/usage/",
        f"/admin/pages/{page.pk}/copy/",
        f"/admin/pages/{page.pk}/move/",
        f"/admin/pages/{page.pk}/unpublish/",
        f"/admin/pages/{page.pk}/delete/",
        f"/admin/pages/{page.pk}/",  # the explorer inside it
        f"/admin/pages/{page.pk}/add_subpage/",
        f"/admin/localize/submit/page/{page.pk}/",
        f"/admin/api/main/pages/{page.pk}/",
    ]
    revision = page.latest_revision
    urls.append(f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/")
    return urls


def quiz_urls(quiz):
    return [
        f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/",
        f"/admin/snippets/quizzes/quiz/copy/{quiz.pk}/",
        f"/admin/snippets/quizzes/quiz/usage/{quiz.pk}/",
        f"/admin/snippets/quizzes/quiz/history/{quiz.pk}/",
        f"/admin/snippets/quizzes/quiz/delete/{quiz.pk}/",
        f"/admin/snippets/choose/quizzes/quiz/chosen/{quiz.pk}/",
        f"/admin/localize/api/snippets/quizzes/quiz/{quiz.pk}/",
        f"/admin/tests/{quiz.pk}/questions/",
        f"/admin/tests/{quiz.pk}/statistics/",
    ]


def document_urls(document):
    return [
        f"/admin/documents/edit/{document.pk}/",
        f"/admin/documents/delete/{document.pk}/",
        f"/admin/documents/usage/{document.pk}/",
        f"/admin/documents/chooser/chosen/{document.pk}/",
    ]


def every_url(closed):
    page, module, quiz, document = closed
    return [*page_urls(page), *page_urls(module), *quiz_urls(quiz), *document_urls(document)]


def test_another_organisations_staff_find_none_of_its_admin_screens(closed, outsiders):
    for user in outsiders:
        client = client_for(user)
        for url in every_url(closed):
            response = client.get(url)
            assert response.status_code == 404, (user.nickname, url, response.status_code)
            assert NOT_FOUND["uk"] in response.content.decode() or "/api/" in url, url  # JSON there


def test_their_attempts_screen_is_not_found_either(closed, outside_coordinator):
    _page, _module, quiz, _document = closed
    assert client_for(outside_coordinator).get(f"/admin/tests/{quiz.pk}/attempts/").status_code == 404


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_the_not_found_page_speaks_their_language(closed, outside_trainer, language):
    page, module, _quiz, _document = closed
    response = client_for(outside_trainer, language).get(f"/admin/pages/{module.pk}/edit/")
    assert response.status_code == 404
    assert NOT_FOUND[language] in response.content.decode()


def test_their_posts_change_nothing(closed, outsiders):
    page, module, quiz, document = closed
    index = page.get_parent()
    for user in outsiders:
        client = client_for(user)
        posts = [
            (f"/admin/pages/{module.pk}/unpublish/", {}),
            (f"/admin/pages/{page.pk}/unpublish/", {"include_descendants": "on"}),
            (f"/admin/pages/{module.pk}/delete/", {}),
            (f"/admin/pages/{module.pk}/move/{index.pk}/confirm/", {}),
            (
                f"/admin/pages/{module.pk}/copy/",
                {"new_title": "x", "new_slug": "x", "new_parent_page": index.pk},
            ),
            (f"/admin/pages/{module.pk}/lock/", {}),
            (f"/admin/pages/{page.pk}/edit/", {"title": "Змінено", "slug": page.slug}),
            (f"/admin/localize/submit/page/{page.pk}/", {}),
            (
                f"/admin/documents/edit/{document.pk}/",
                {"title": "Змінено", "collection": document.collection_id},
            ),
            (f"/admin/documents/delete/{document.pk}/", {}),
            (f"/admin/snippets/quizzes/quiz/delete/{quiz.pk}/", {}),
            (f"/admin/snippets/quizzes/quiz/copy/{quiz.pk}/", {}),
            (f"/admin/bulk/wagtailcore/page/unpublish/?id={module.pk}", {}),
            (f"/admin/bulk/wagtailcore/page/delete/?id={module.pk}", {}),
            (f"/admin/bulk/wagtaildocs/document/delete/?id={document.pk}", {}),
        ]
        for url, data in posts:
            assert client.post(url, data).status_code == 404, (user.nickname, url)
    page.refresh_from_db()
    module.refresh_from_db()
    document.refresh_from_db()
    assert page.live and module.live and not module.locked and page.title != "Змінено"
    assert document.title == "Запис для Салюсу"
    assert Quiz.objects.filter(pk=quiz.pk).exists()
    assert Page.objects.filter(title="x").count() == 0
    assert ModulePage.objects.child_of(page).count() == 3


def test_not_listed_in_the_explorer_search_documents_tests_or_choosers(closed, outsiders):
    page, module, quiz, document = closed
    index = page.get_parent()
    open_quiz = build_quiz()  # in no course: open to all
    for user in outsiders:
        client = client_for(user)
        listings = {
            f"/admin/pages/{index.pk}/": f"/admin/pages/{page.pk}/",
            f"/admin/pages/search/?q={module.title}": f"/admin/pages/{module.pk}/",
            f"/admin/choose-page/{index.pk}/": f"/admin/pages/{page.pk}/",
            "/admin/pages/usage/courses/coursepage/": f"/admin/pages/{page.pk}/",
            "/admin/pages/usage/courses/modulepage/": f"/admin/pages/{module.pk}/",
            "/admin/documents/": f"/admin/documents/edit/{document.pk}/",
            "/admin/documents/chooser/": f"/admin/documents/chooser/chosen/{document.pk}/",
            "/admin/snippets/quizzes/quiz/": f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/",
            "/admin/snippets/quizzes/quiz/?q=Перевірте": f"/admin/snippets/quizzes/quiz/edit/{quiz.pk}/",
            "/admin/snippets/choose/quizzes/quiz/": f"/admin/snippets/choose/quizzes/quiz/chosen/{quiz.pk}/",
        }
        for url, marker in listings.items():
            response = client.get(url)
            assert response.status_code == 200, (user.nickname, url)
            assert marker not in response.content.decode(), (user.nickname, url)
        searched = client.get("/admin/snippets/quizzes/quiz/?q=Перевірте").content.decode()
        assert f"/admin/snippets/quizzes/quiz/edit/{open_quiz.pk}/" in searched  # same title, open
        explorer_menu = client.get(f"/admin/api/main/pages/?child_of={index.pk}&for_explorer=1").json()
        assert page.pk not in [item["id"] for item in explorer_menu["items"]]
        localize_api = client.get("/admin/localize/api/snippets/quizzes/quiz/").json()
        assert [item["id"] for item in localize_api] == [open_quiz.pk]


def test_its_own_organisation_and_admins_keep_every_screen(closed, trainer, coordinator, admin_user):
    page, module, quiz, document = closed
    index = page.get_parent()
    for user in (trainer, coordinator, admin_user):
        client = client_for(user)
        for url in [
            f"/admin/pages/{module.pk}/edit/",
            f"/admin/pages/{module.pk}/view_draft/",
            f"/admin/pages/{module.pk}/history/",
            f"/admin/pages/{module.pk}/copy/",
            f"/admin/pages/{page.pk}/",
            *quiz_urls(quiz),
            *document_urls(document)[:1],
            f"/admin/documents/usage/{document.pk}/",
        ]:
            assert client.get(url).status_code == 200, (user.nickname, url)
        assert f"/admin/pages/{page.pk}/" in client.get(f"/admin/pages/{index.pk}/").content.decode()
        type_use = client.get("/admin/pages/usage/courses/coursepage/").content.decode()
        assert f"/admin/pages/{page.pk}/" in type_use
        assert f"/admin/documents/edit/{document.pk}/" in client.get("/admin/documents/").content.decode()
        assert f"/edit/{quiz.pk}/" in client.get("/admin/snippets/quizzes/quiz/").content.decode()
    admin = client_for(admin_user)
    for url in [f"/admin/pages/{module.pk}/unpublish/", f"/admin/pages/{module.pk}/delete/"]:
        assert admin.get(url).status_code == 200, url
    assert client_for(coordinator).get(f"/admin/tests/{quiz.pk}/attempts/").status_code == 200


def test_a_course_for_everyone_stays_open_to_every_organisations_staff(course, outside_trainer, recording):
    page, modules = course
    with_roles(course)
    client = client_for(outside_trainer)
    assert client.get(f"/admin/pages/{modules[0].pk}/edit/").status_code == 200
    assert f"/admin/pages/{page.pk}/" in client.get(f"/admin/pages/{page.get_parent().pk}/").content.decode()
    assert client.get(f"/admin/documents/edit/{recording.pk}/").status_code == 200


def test_they_cannot_copy_or_move_their_pages_into_it(closed, home_pages, outside_trainer, admin_user):
    page, _module, _quiz, _document = closed
    _open_course, open_modules = build_course(home_pages, slug="open-course")
    mine = open_modules[0]
    client = client_for(outside_trainer)
    copy = {"new_title": "Копія", "new_slug": "kopiia", "new_parent_page": page.pk}
    assert client.post(f"/admin/pages/{mine.pk}/copy/", copy).status_code == 404
    assert client.post(f"/admin/pages/{mine.pk}/move/{page.pk}/confirm/").status_code == 404
    assert not Page.objects.filter(slug="kopiia").exists()
    assert ModulePage.objects.child_of(page).count() == 3
    # The same copy, by an admin, is made: the 404 was the course's limit, not the form.
    client_for(admin_user).post(f"/admin/pages/{mine.pk}/copy/", copy)
    assert Page.objects.child_of(page).filter(slug="kopiia").exists()


def test_not_in_the_admin_api_reports_site_history_or_search_counts(
    closed, outsiders, admin_user, home_pages
):
    """Wagtail's lists built from its page permissions, and wagtail-localize's translations
    report, leave the course out too: its title, its modules' and how many pages match."""
    page, module, _quiz, document = closed
    for version in module.get_translations(inclusive=True):
        version.title = "Сховане заняття"
        version.save_revision().publish()
    _open_course, open_modules = build_course(home_pages, slug="open-course")
    client_for(admin_user).post(f"/admin/pages/{module.pk}/lock/", {})  # in the site history
    for user in outsiders:
        client = client_for(user)
        for url in [
            "/admin/api/main/pages/",
            "/admin/api/main/pages/?search=Сховане",
            "/admin/api/main/documents/",
            "/admin/reports/aging-pages/",
            "/admin/reports/site-history/",
            "/admin/localize/reports/translations/",
        ]:
            response = client.get(url)
            assert response.status_code == 200, (user.nickname, url)
            body = response.content.decode()
            assert "Сховане заняття" not in body and "Запис для Салюсу" not in body, (user.nickname, url)
            assert f'"id": {module.pk},' not in body, (user.nickname, url)
        assert client.get(f"/admin/api/main/pages/?descendant_of={page.pk}").status_code in (400, 404)
        # "Модуль" names 3 open modules in 2 languages; the course's own are not counted.
        searched = client.get("/admin/pages/search/?q=Модуль").content.decode()
        assert "Знайдено 6 сторінок" in searched, user.nickname
        ping = client.post(f"/admin/editing-sessions/ping/wagtailcore/page/{module.pk}/0/")
        assert ping.status_code == 404, user.nickname  # it tells who else is editing it
        open_ping = client.post(f"/admin/editing-sessions/ping/wagtailcore/page/{open_modules[0].pk}/0/")
        assert open_ping.status_code == 200, user.nickname


def test_its_own_organisation_still_finds_it_in_those_lists(closed, trainer, coordinator):
    page, module, _quiz, _document = closed
    for user in (trainer, coordinator):
        client = client_for(user)
        listed = client.get(f"/admin/api/main/pages/?descendant_of={page.pk}").json()
        assert module.pk in [item["id"] for item in listed["items"]]
        assert module.title in client.get("/admin/localize/reports/translations/").content.decode()


@pytest.fixture
def shared(closed, home_pages, settings):
    """The closed course's module, renamed, and a module of a course open to all that
    share its test, its recording and an image; the closed module also links to the open
    one. The closed module is the last page edited."""
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image
    from wagtail.rich_text import RichText

    page, module, quiz, document = closed
    buffer = BytesIO()
    PILImage.new("RGB", (40, 30), "purple").save(buffer, "PNG")
    image = Image.objects.create(title="Схема", file=ImageFile(buffer, name="scheme.png"))
    _open_course, open_modules = build_course(home_pages, slug="open-course")
    open_module = add_quiz(open_modules[0], quiz)
    open_module.title = "Відкрите заняття"
    open_module.body.append(("audio", {"title": "Розмова", "file": document, "transcript": "<p>Так.</p>"}))
    open_module.body.append(("image", {"image": image, "alt": "Схема"}))
    open_module.save_revision().publish()
    link = RichText(f'<p><a linktype="page" id="{open_module.pk}">Дивіться</a></p>')
    module.title = "Сховане заняття"
    module.body.append(("image", {"image": image, "alt": "Схема"}))
    module.body.append(("text", link))
    module.save_revision().publish()
    return module, open_module, quiz, document, image


def usage_urls(shared):
    module, open_module, quiz, document, image = shared
    return [
        f"/admin/documents/usage/{document.pk}/",
        f"/admin/images/usage/{image.pk}/",
        f"/admin/snippets/quizzes/quiz/usage/{quiz.pk}/",
        f"/admin/pages/{open_module.pk}/usage/",  # the closed module links to it
    ]


def test_usage_screens_leave_out_the_closed_module(shared, outsiders):
    """A test, a document, an image or a page used in both courses: another organisation's
    staff see where their course uses it, not the closed module's title or its address."""
    module, open_module, *_used = shared
    for user in outsiders:
        client = client_for(user)
        for url in usage_urls(shared)[:3]:
            response = client.get(url)
            assert response.status_code == 200, (user.nickname, url)
            body = response.content.decode()
            assert "Сховане заняття" not in body, (user.nickname, url)
            assert f"/admin/pages/{module.pk}/" not in body, (user.nickname, url)
            assert "Відкрите заняття" in body, (user.nickname, url)
        page_usage = client.get(usage_urls(shared)[3])
        assert page_usage.status_code == 200, user.nickname
        assert "Сховане заняття" not in page_usage.content.decode(), user.nickname


def test_usage_screens_of_the_closed_module_are_still_not_found(shared, outsiders):
    module, *_rest = shared
    for user in outsiders:
        response = client_for(user).get(f"/admin/pages/{module.pk}/usage/")
        assert response.status_code == 404, user.nickname
        assert NOT_FOUND["uk"] in response.content.decode()


def test_its_own_organisation_and_admins_see_every_usage(shared, trainer, coordinator, admin_user):
    module, *_rest = shared
    for user in (trainer, coordinator, admin_user):
        client = client_for(user)
        for url in usage_urls(shared):
            body = client.get(url).content.decode()
            assert "Сховане заняття" in body, (user.nickname, url)
            assert f"/admin/pages/{module.pk}/edit/" in body, (user.nickname, url)
            assert "Відкрите заняття" in body or url.startswith("/admin/pages/"), (user.nickname, url)


def test_page_types_usage_names_no_closed_page(shared, outsiders, trainer, admin_user):
    """The report's "last edited" page of each type: the closed module was edited last,
    so the other organisation's staff are shown the last page they may open instead."""
    module, open_module, *_used = shared
    for user in outsiders:
        response = client_for(user).get("/admin/reports/page-types-usage/")
        assert response.status_code == 200, user.nickname
        body = response.content.decode()
        assert "Сховане заняття" not in body and f"/admin/pages/{module.pk}/" not in body, user.nickname
        assert "Відкрите заняття" in body, user.nickname
    for user in (trainer, admin_user):
        body = client_for(user).get("/admin/reports/page-types-usage/").content.decode()
        assert "Сховане заняття" in body, user.nickname
