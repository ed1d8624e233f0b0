"""Wagtail's own admin screens (site history, object history, usage, choosers, reports, the
dashboard, wagtail-localize's snippet API) show each organisation's staff nothing of the
other organisation: no group names or join codes, no certificate codes, no nicknames.
Admins see everything.

Both organisations of the demo act in the admin (accounts/admin_history.py says what each
side may see of it); then the staff of each look at every such screen."""

import json

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import get_resolver
from django.utils import timezone
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.viewsets.pages import page_viewset_registry
from wagtail.log_actions import log
from wagtail.models import GroupPagePermission, Page, get_page_models
from wagtail.snippets.models import get_snippet_models

from accounts.admin_history import organisation_models
from accounts.admin_history_views import ScopedPageViewSet, ScopedSnippetHistoryView
from accounts.admin_scoping import OrganisationScopedSnippetViewSet
from accounts.admin_urls import NAMING_NO_ONE, REPORTS
from accounts.models import COORDINATORS_GROUP, Organisation, TrainingGroup, User
from certificates.codes import new_code
from certificates.models import Certificate
from courses.models import ModulePage
from quizzes.models import Quiz

SIDES = {
    "salus": {
        "staff": ["trainer-lviv", "coordinator-lviv"],
        "module": "hiv",
        "reason": "Помилка в групі Львова",
    },
    "humanitarian-action": {
        "staff": ["trainer-spb", "coordinator-spb"],
        "module": "sti",
        "reason": "Ошибка в группе Петербурга",
    },
}


def _other(side):
    return next(name for name in SIDES if name != side)


@pytest.fixture
def activity(demo, client):
    """Each organisation's trainer edits, publishes, locks and submits a module for review and
    edits a test; its coordinator edits its group and revokes one of its certificates; an
    admin creates each group. Returns, per side, the texts that name it."""
    course_key = Certificate.objects.values_list("course_key", flat=True).first()
    # Coordinators may remove locks here, so that they can open the Locked pages report.
    GroupPagePermission.objects.create(
        group=Group.objects.get(name=COORDINATORS_GROUP),
        page=ModulePage.objects.get(slug="hiv", locale__language_code="uk").get_parent().get_parent(),
        permission=Permission.objects.get(content_type__app_label="wagtailcore", codename="unlock_page"),
    )
    quiz = Quiz.objects.first()
    texts = {}
    for side, spec in SIDES.items():
        organisation = Organisation.objects.get(slug=side)
        group = TrainingGroup.objects.get(organisation=organisation)
        trainer, coordinator = (User.objects.get(nickname=nickname) for nickname in spec["staff"])
        module = ModulePage.objects.get(slug=spec["module"], locale__language_code="uk")

        log(instance=group, action="wagtail.create", user=User.objects.get(nickname="admin"))
        log(instance=group, action="wagtail.edit", user=coordinator)
        log(instance=quiz, action="wagtail.edit", user=trainer)
        log(instance=module, action="wagtail.edit", user=trainer)
        log(instance=module, action="wagtail.publish", user=trainer)
        module.save_revision(user=trainer)
        module.get_workflow().start(module, trainer)
        Page.objects.filter(pk=module.pk).update(locked=True, locked_by=trainer, locked_at=timezone.now())

        trainee = User.objects.create_user(
            f"trainee-{side}", "x", organisation=organisation, training_group=group
        )
        certificate = Certificate.objects.create(
            user=trainee,
            course_key=course_key,
            organisation=organisation,
            training_group=group,
            issued_at=timezone.now(),
            final_score=90,
            language="uk",
            code=new_code(),
        )
        client.force_login(coordinator)
        client.post(f"/admin/certificates/{certificate.pk}/revoke/", {"reason": spec["reason"]})
        texts[side] = {
            "trainer": trainer.nickname,
            "coordinator": coordinator.nickname,
            "group": group.name,
            "join code": group.join_code,
            "certificate": certificate.code,
            "reason": spec["reason"],
        }
    client.logout()
    return texts


def screens(side):
    """Every screen of Wagtail's own that lists who did what, or objects, as `side`'s staff
    open them (their own group's and their own module's where one is needed)."""
    group = TrainingGroup.objects.get(organisation__slug=side)
    own_module = ModulePage.objects.get(slug=SIDES[side]["module"], locale__language_code="uk")
    other_module = ModulePage.objects.get(slug=SIDES[_other(side)]["module"], locale__language_code="uk")
    quiz = Quiz.objects.first()
    urls = ["/admin/"]
    for prefix in [*REPORTS, *NAMING_NO_ONE]:
        urls += [f"/admin/{prefix}", f"/admin/{prefix}results/", f"/admin/{prefix}?export=csv"]
    for module in (own_module, other_module):  # pages are shared: both histories open
        urls += [
            f"/admin/pages/{module.pk}/history/",
            f"/admin/pages/{module.pk}/history/results/",
            f"/admin/pages/{module.pk}/workflow_history/",
        ]
    # Page listings: their "Owner" and "Edited by" filters name people.
    urls += [f"/admin/pages/{own_module.get_parent().pk}/", "/admin/pages/usage/courses/modulepage/"]
    snippets = "/admin/snippets/accounts/traininggroup"
    urls += [
        f"{snippets}/",
        f"{snippets}/history/{group.pk}/",
        f"{snippets}/usage/{group.pk}/",
        f"/admin/snippets/quizzes/quiz/history/{quiz.pk}/",
        "/admin/snippets/choose/accounts/traininggroup/",
        "/admin/snippets/choose/accounts/traininggroup/results/?q=",
        "/admin/localize/api/snippets/accounts/traininggroup/",
        "/admin/localize/api/snippets/accounts/organisation/",
    ]
    return urls


def body(response):
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


@pytest.mark.parametrize("nickname", ["coordinator-lviv", "trainer-lviv", "coordinator-spb", "trainer-spb"])
def test_no_screen_shows_anything_of_the_other_organisation(client, activity, nickname):
    user = User.objects.get(nickname=nickname)
    side = user.organisation.slug
    client.force_login(user)

    leaks, not_opened = [], set()
    for url in screens(side):
        response = client.get(url)
        if response.status_code != 200:
            not_opened.add(url)
        leaks += [f"{url}: {word}" for word in activity[_other(side)].values() if word in body(response)]

    assert leaks == []
    # Each screen opened (else it shows nothing to leak): trainers may not unlock pages.
    refused = {url for url in screens(side) if url.startswith("/admin/reports/locked/")}
    assert not_opened == (refused if nickname.startswith("trainer") else set())


def test_staff_see_their_own_organisations_actions(client, activity):
    client.force_login(User.objects.get(nickname="coordinator-lviv"))

    history = client.get("/admin/reports/site-history/").content.decode()
    reports = {
        name: client.get(f"/admin/reports/{name}/").content.decode() for name in ["locked", "workflow"]
    }

    ours = activity["salus"]
    # The group's entries too: an admin created it, but the group is theirs.
    assert all(ours[key] in history for key in ["trainer", "coordinator", "group", "certificate"])
    assert "Сертифікат відкликано. Причина: Помилка в групі Львова" in history
    assert "trainer-lviv" in reports["locked"] and "trainer-lviv" in reports["workflow"]


def test_an_admin_sees_both_organisations_in_the_site_history(client, activity):
    client.force_login(User.objects.get(nickname="admin"))

    history = client.get("/admin/reports/site-history/").content.decode()

    assert all(side[who] in history for side in activity.values() for who in ["trainer", "coordinator"])


def test_another_organisations_review_and_objects_are_not_found(client, activity):
    from wagtail.models import WorkflowState

    client.force_login(User.objects.get(nickname="coordinator-lviv"))
    spb_group = TrainingGroup.objects.get(organisation__slug="humanitarian-action")
    spb_review = WorkflowState.objects.get(requested_by__nickname="trainer-spb")
    snippets = "/admin/snippets/accounts/traininggroup"

    for url in [
        f"/admin/pages/{spb_review.object_id}/workflow_history/detail/{spb_review.pk}/",
        f"{snippets}/history/{spb_group.pk}/",
        f"{snippets}/usage/{spb_group.pk}/",
        f"/admin/snippets/choose/accounts/traininggroup/chosen/{spb_group.pk}/",
        f"/admin/localize/api/snippets/accounts/traininggroup/{spb_group.pk}/",
    ]:
        assert client.get(url).status_code == 404, url


def test_a_url_wagtail_adds_that_nobody_classified_is_refused(client, activity):
    """The group chooser's "create" view is not classified (its form would not be
    scoped): refused, as any URL a new Wagtail release would add."""
    client.force_login(User.objects.get(nickname="coordinator-lviv"))

    response = client.get("/admin/snippets/choose/accounts/traininggroup/create/")

    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_every_wagtail_report_is_scoped_or_names_no_one():
    """A report a new Wagtail release adds fails here until it is classified in
    accounts/admin_urls.py."""
    admin = next(
        p for p in get_resolver().url_patterns if getattr(p, "urlconf_name", None) is wagtailadmin_urls
    )
    reports = next(p for p in admin.url_patterns if getattr(p, "namespace", None) == "wagtailadmin_reports")

    prefixes = {f"reports/{pattern.pattern}".removesuffix("results/") for pattern in reports.url_patterns}

    assert prefixes == set(REPORTS) | NAMING_NO_ONE


def test_every_snippets_and_page_types_history_hides_what_other_organisations_did():
    for model in get_snippet_models():
        assert issubclass(model.snippet_viewset.history_view_class, ScopedSnippetHistoryView), model
    for model in organisation_models():
        viewset = getattr(model, "snippet_viewset", None)
        assert viewset is None or isinstance(viewset, OrganisationScopedSnippetViewSet), model
    assert get_resolver().url_patterns  # Wagtail registers its viewsets with the admin's URLs
    for model in get_page_models():
        assert isinstance(page_viewset_registry.get_by_type(model), ScopedPageViewSet), model


def test_wagtails_user_admin_is_for_admins_only_whatever_permissions_staff_are_given(client, demo):
    """It lists every organisation's people: a coordinator given the user permissions still
    may not open it, nor its bulk actions."""
    coordinator = User.objects.get(nickname="coordinator-lviv")
    for codename in ("view_user", "change_user", "delete_user"):
        coordinator.user_permissions.add(
            Permission.objects.get(content_type__app_label="accounts", codename=codename)
        )
    spb = User.objects.get(nickname="coordinator-spb")
    client.force_login(coordinator)

    for url in [
        "/admin/users/",
        f"/admin/users/edit/{spb.pk}/",
        f"/admin/bulk/accounts/user/delete/?id={spb.pk}",
        f"/admin/bulk/accounts/user/set_active_state/?id={spb.pk}",
        f"/admin/bulk/accounts/user/assign_role/?id={spb.pk}",
    ]:
        response = client.get(url)
        assert (response.status_code, response.get("Location")) == (302, "/admin/"), url

    client.force_login(User.objects.get(nickname="admin"))
    assert "coordinator-spb" in client.get("/admin/users/").content.decode()
