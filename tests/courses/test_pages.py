import pytest
from django.core.exceptions import ValidationError

from courses.models import CourseIndexPage, CoursePage, ModulePage
from elearn.models import HomePage


def test_tree_rules(db):  # can_create_at reads the page types' content types
    assert CourseIndexPage.can_create_at(HomePage()) is True
    assert CoursePage.can_create_at(CourseIndexPage()) is True
    assert ModulePage.can_create_at(CoursePage()) is True
    assert ModulePage.can_create_at(CourseIndexPage()) is False
    assert ModulePage.can_create_at(HomePage()) is False
    assert CoursePage.can_create_at(HomePage()) is False
    assert ModulePage.allowed_subpage_models() == []


def test_admin_refuses_a_module_outside_a_course(client, admin_user, course):
    client.force_login(admin_user)
    index = course[0].get_parent()

    before = ModulePage.objects.count()

    response = client.post(
        f"/admin/pages/add/courses/modulepage/{index.pk}/",
        {
            "title": "Не на місці",
            "slug": "misplaced",
            "summary": "-",
            "estimated_minutes": 5,
            "body-count": 0,
            "action-publish": "publish",
        },
        follow=True,
    )

    assert response.redirect_chain[0] == ("/admin/", 302)
    assert [str(m) for m in response.context["messages"]]  # Wagtail says why
    assert ModulePage.objects.count() == before


def test_admin_offers_only_modules_under_a_course(client, admin_user, course):
    client.force_login(admin_user)

    response = client.get(f"/admin/pages/{course[0].pk}/add_subpage/")

    # Only one allowed type: Wagtail goes straight to the module form.
    assert response.status_code == 302
    assert "/add/courses/modulepage/" in response["Location"]


@pytest.mark.parametrize("lang", ["uk", "ru"])
def test_module_page_shows_blocks_position_and_pager(client, course, lang):
    course_page, modules = course
    url = modules[1].get_translation_or_none(modules[1].locale.__class__.objects.get(language_code=lang)).url

    html = client.get(url).content.decode()

    assert ("Модуль 2 з 3" if lang == "uk" else "Модуль 2 из 3") in html
    assert '<details class="qa">' in html
    assert 'rel="prev"' in html and 'rel="next"' in html
    assert ("10 хвилин" if lang == "uk" else "10 минут") in html


@pytest.mark.parametrize(("lang", "reading"), [("uk", "Розпочато"), ("ru", "Начато")])
def test_a_module_opened_for_the_first_time_says_it_is_being_read(client, trainee, course, lang, reading):
    module = course[1][0]
    url = module.get_translation(module.locale.__class__.objects.get(language_code=lang)).url
    client.force_login(trainee)

    first, again = client.get(url).content.decode(), client.get(url).content.decode()

    assert reading in first and reading in again
    assert ("Не розпочато" if lang == "uk" else "Не начато") not in first


def test_unpublished_module_is_not_found(client, trainee, course):
    module = course[1][0]
    module.unpublish()
    client.force_login(trainee)

    assert client.get("/uk/courses/course/m1/").status_code == 404


def test_draft_only_module_is_not_found(client, course):
    course_page = course[0]
    draft = ModulePage(title="Чернетка", slug="draft", summary="-", estimated_minutes=5, live=False)
    course_page.add_child(instance=draft)

    assert client.get("/uk/courses/course/draft/").status_code == 404


def test_private_module_is_not_found_rather_than_asking_to_log_in(client, trainee, course):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(page=course[1][0], restriction_type="groups")
    restriction.groups.set([Group.objects.get(name="Trainers")])

    assert client.get("/uk/courses/course/m1/").status_code == 404
    client.force_login(trainee)
    assert client.get("/uk/courses/course/m1/").status_code == 404


def test_alt_text_is_required_for_images():
    from courses.blocks import ImageBlock

    with pytest.raises(ValidationError):
        ImageBlock().clean({"image": None, "alt": "", "caption": ""})


def test_switcher_on_an_untranslated_module_leads_to_the_course_in_the_other_language(client, home_pages):
    from tests.builders import build_course

    course_page, modules = build_course(home_pages, modules=1, slug="partial")
    extra = ModulePage(title="Лише українською", slug="only-uk", summary="-", estimated_minutes=5)
    course_page.add_child(instance=extra)
    extra.save_revision().publish()

    html = client.get("/uk/courses/partial/only-uk/").content.decode()

    assert '<a href="/ru/courses/partial/" hreflang="ru"' in html
