"""Each organisation's staff against every URL the resolver knows, with the other's ids.

Generated from Django's URL resolver (Wagtail's generated admin included): every path
parameter is filled with an object of the OTHER organisation (or, for parameters that are
not ids, from FILLERS); each URL is requested with GET, an empty POST and a POST of
plausible data, as one organisation's trainer and coordinator: Salus's against
Humanitarian Action's objects, and the reverse. Nothing of the other organisation may
show in an answer (its group names, join codes, people's nicknames, certificate codes)
and no row may change. A pattern neither generated nor in SKIP fails.

Its staff have also worked on a shared module (edited, locked, owned, sent for review,
commented on it, have it open in the editor), so that the reports, the dashboard and the
page listings, which name who did that, are checked too. Each direction is a test of its
own (slow: a few minutes each), so that one can be run alone."""

import io
import re
import uuid
from datetime import timedelta

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.models import Comment, Page

from accounts.models import TRAINERS_GROUP, Organisation, TrainingGroup, User
from certificates.models import Certificate
from courses.models import CoursePage, ModulePage
from h5p.models import H5PContent, H5PLibrary
from h5p.packaging import check_content, pack
from h5p.services import package_import
from quizzes.models import Attempt
from tests.h5p import synthetic

# CI runs it in the same process as the browser tests, on SQLite (.ci/run).
pytestmark = pytest.mark.cross_organisation

# Whose staff look (trainer, coordinator), and at which organisation's objects.
DIRECTIONS = {
    "salus": (["trainer-lviv", "coordinator-lviv"], "humanitarian-action"),
    "humanitarian-action": (["trainer-spb", "coordinator-spb"], "salus"),
}

# Parameters that are not object ids: a value that reaches the view behind the pattern.
FILLERS = {
    "app_label": "accounts",
    "app_name": "accounts",
    "content_type_app_name": "accounts",
    "model_name": "traininggroup",
    "content_type_model_name": "traininggroup",
    "fmt": "csv",
    "language": "ru",
    "direction": "up",
    "filter_spec": "original",
    "block_id": "block",
    "guide": "export-reports",  # the guides are the same for everyone (elearn/guides.py)
}

# Patterns the generator cannot fill, with the reason.
SKIP = {
    "wagtaildocs_serve": "a document id and file name: documents are shared, no group data",
    "wagtailadmin_api:pages:action": "an action name on a page (shared course content), no group data",
    "wagtail_bulk_action": "an action name per model; bulk actions take ids in the query string",
    "wagtailadmin_pages:workflow_action": "a workflow action name; pages are shared content",
    "wagtailadmin_pages:collect_workflow_action_data": "a workflow action name; pages are shared",
    "wagtailadmin_pages:revisions_compare": "a regex of revision ids of a page (shared content)",
    "wagtail_localize:preview_translation": "a preview mode of a page translation (shared)",
    "wagtailadmin_password_reset_confirm": "a signed uid and token: a guess reaches nothing",
    "^.*/$": "Wagtail's admin catch-all (404 for any unknown admin path)",
    "h5p_asset": "a signed asset token and a file path inside shared H5P content",
    "h5p_library_file": "a file of a site-wide H5P library (code shared by all), by content digest",
    "wagtail_serve": "a page path: course pages are shared by both organisations",
}

# Tables that record the signed-in caller's own activity, not anyone else's data: sessions
# and authenticators (force_login), the admin profile Wagtail makes on a first visit, the
# caller's own editing sessions, backup codes and attempts at a shared test. Humanitarian
# Action's own rows are compared in full (their_checksum) whatever the table.
NOT_COUNTED = {
    "django_session",
    "otp_totp_totpdevice",
    "otp_static_staticdevice",
    "otp_static_statictoken",
    "wagtailusers_userprofile",
    "wagtailadmin_editingsession",
    "quizzes_attempt",
    "quizzes_answer",
}


def walk(patterns, prefix="", namespace=""):
    """(full name, route with its parameters, callback) for every pattern under `patterns`."""
    for pattern in patterns:
        route = str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace or namespace
            if namespace and pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}"
            yield from walk(pattern.url_patterns, prefix + route, inner or "")
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else (pattern.name or route)
            yield name, prefix + route, pattern.callback


def view_model(callback):
    """The model a (Wagtail) class-based view works on, if it says so."""
    initkwargs = getattr(callback, "view_initkwargs", {}) or {}
    model = initkwargs.get("model") or getattr(getattr(callback, "view_class", None), "model", None)
    return model if isinstance(model, type) else None


class Theirs:
    """The other organisation's objects and the strings that would betray them."""

    def __init__(self, slug):
        self.organisation = Organisation.objects.get(slug=slug)
        self.group = TrainingGroup.objects.filter(organisation=self.organisation).first()
        self.trainee = User.objects.create_user(
            f"hidden-{slug[:5]}-trainee",  # nicknames are at most 30 characters
            "conecta-demo-2026",
            training_group=self.group,
            organisation=self.organisation,
        )
        self.staff = User.objects.get(organisation=self.organisation, groups__name=TRAINERS_GROUP)
        self.work_on_a_shared_module()
        self.bring_h5p()
        course = CoursePage.objects.filter(locale__language_code="ru").first() or CoursePage.objects.first()
        self.certificate = Certificate.objects.create(
            user=self.trainee,
            organisation=self.organisation,
            training_group=self.group,
            course_key=course.translation_key,
            issued_at=timezone.now() - timedelta(days=1),
            final_score=90,
            language="ru",
            code=f"{slug[:5].upper()}0SECRET1",
        )
        groups = TrainingGroup.objects.filter(organisation=self.organisation)
        people = User.objects.filter(organisation=self.organisation)
        codes = Certificate.objects.filter(organisation=self.organisation).values_list("code", flat=True)
        names = [*groups.values_list("name", flat=True), *people.values_list("nickname", flat=True)]
        self.strings = {*names, *codes}
        for code in groups.values_list("join_code", flat=True):
            self.strings |= {code, "-".join(code[i : i + 3] for i in range(0, len(code), 3))}
        self.strings = {s for s in self.strings if s and len(s) >= 4}

    def work_on_a_shared_module(self):
        """Their trainer edits, owns, locks, comments on and sends for review a module of
        the shared course, and has it open in the editor."""
        modules = ModulePage.objects.filter(locale__language_code="uk").order_by("path")
        module = next(module for module in modules if not module.workflow_in_progress)
        revision = module.save_revision(user=self.staff)
        Comment.objects.create(
            page=module, user=self.staff, text="-", contentpath="title", revision_created=revision
        )
        module.get_workflow().start(module, self.staff)
        Page.objects.filter(pk=module.pk).update(
            owner=self.staff, locked=True, locked_by=self.staff, locked_at=timezone.now()
        )
        EditingSession.objects.create(
            user=self.staff,
            content_type=ContentType.objects.get_for_model(Page),
            object_id=str(module.pk),
            last_seen_at=timezone.now(),
        )

    def bring_h5p(self):
        """Their trainer uploads a package (ready: its library is installed) and one whose
        library code is new, which waits for a site administrator."""
        self.package = package_import(
            file=io.BytesIO(pack("Їхній пакет", check_content("?", [("Так", True)]))),
            title="Їхній пакет",
            language="ru",
            user=self.staff,
        )
        waiting = package_import(
            file=io.BytesIO(synthetic.package(title="Їхня бібліотека")),
            title="Їхня бібліотека",
            language="ru",
            user=self.staff,
        )
        self.library = waiting.libraries.filter(status=H5PLibrary.PENDING).first()

    def id_for(self, parameter, model, hint=""):
        """An id of theirs for `parameter` of a view on `model` (`hint`: its name and route)."""
        if parameter == "pk" and model is None:
            if "interactive/libraries/" in hint:  # h5p/wagtail_hooks.py: a library they brought
                return self.library.pk
            if "interactive/" in hint:  # a package their trainer uploaded
                return self.package.pk
            if "certificate" in hint:
                return self.certificate.pk
            if "traininggroup" in hint or "model_name>" in hint:  # FILLERS: model "traininggroup"
                return self.group.pk
            if "staff" in hint:
                return self.staff.pk
            if "questions-for-trainees" in hint:  # accounts/question_views.py: an organisation
                return self.organisation.pk
        if parameter == "object_id" and model is None:
            return self.group.pk  # beside model_name "traininggroup" (FILLERS)
        if parameter in ("pk", "object_id", "id") and model is not None:
            if model is TrainingGroup:
                return self.group.pk
            if issubclass(model, User) or model is User:
                return self.trainee.pk
            if model is Certificate:
                return self.certificate.pk
            return self.any_of(model)
        if parameter in ("user_id", "trainee_id", "pk"):
            return self.trainee.pk
        if parameter in ("group_id",):
            return self.group.pk
        if parameter in ("certificate_id",):
            return self.certificate.pk
        if parameter == "code":
            return self.certificate.code
        if parameter.endswith("_id") or parameter in ("doc_id", "page_pk", "workflow_pk"):
            return 1  # shared content (pages, images, quizzes...): not theirs, but visited
        return None

    def any_of(self, model):
        fields = {f.name for f in model._meta.get_fields()}
        queryset = model._default_manager.all()
        if "organisation" in fields:
            queryset = queryset.filter(organisation=self.organisation)
        elif "user" in fields:
            queryset = queryset.filter(user__organisation=self.organisation)
        elif "training_group" in fields:
            queryset = queryset.filter(training_group__organisation=self.organisation)
        obj = queryset.first()
        return obj.pk if obj else 1


PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>|\(\?P<(\w+)>(?:[^()]|\([^()]*\))*\)")


def fill(view_name, route, callback, theirs):
    """The URL for `route` with every parameter filled, or None if one cannot be."""
    model = view_model(callback)
    hint = f"{view_name} {route}"
    missing = []

    def value(match):
        name = match.group(2) or match.group(3)
        found = FILLERS.get(name)
        if found is None:
            found = theirs.id_for(name, model, hint)
        if found is None and (match.group(1) == "uuid" or name == "token"):
            found = uuid.uuid4()  # attempt tokens: Humanitarian Action's demo trainees have none
        if found is None:
            missing.append(name)
            return ""
        return str(found)

    path = PARAMETER.sub(value, route)
    path = path.replace("^", "").replace("$", "").replace("\\", "")
    if missing or re.search(r"[()?*+\[\]]", path):
        return None
    return "/" + path


def row_counts():
    """Every table's row count, in one query."""
    tables = [
        m._meta.db_table
        for m in apps.get_models(include_auto_created=True)
        if m._meta.managed and not m._meta.proxy and m._meta.db_table not in NOT_COUNTED
    ]
    tables = sorted(set(tables) & set(connection.introspection.table_names()))
    sql = " UNION ALL ".join(f"SELECT '{t}', COUNT(*) FROM \"{t}\"" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(cursor.fetchall())


def their_checksum(theirs):
    """A fingerprint of Humanitarian Action's own rows."""
    rows = [
        list(Attempt.objects.filter(user__organisation=theirs.organisation).order_by("pk").values()),
        list(TrainingGroup.objects.filter(organisation=theirs.organisation).order_by("pk").values()),
        list(User.objects.filter(organisation=theirs.organisation).order_by("pk").values()),
        list(Certificate.objects.filter(organisation=theirs.organisation).order_by("pk").values()),
        list(
            H5PContent.objects.filter(uploaded_by__organisation=theirs.organisation).order_by("pk").values()
        ),
        list(
            H5PLibrary.objects.filter(uploaded_by__organisation=theirs.organisation).order_by("pk").values()
        ),
    ]
    return repr(rows)


def run_matrix(client, roles, theirs, only=()):
    """(leaks, changes, unclassified, generated URL count) for the staff named `roles`."""
    urls, unclassified = {}, []
    for name, route, callback in walk(get_resolver().url_patterns):
        url = fill(name, route, callback, theirs)
        if url is not None:
            urls.setdefault(url, name)
        elif name not in SKIP:
            unclassified.append(f"{name} {route}")
    people = {nickname: User.objects.get(nickname=nickname) for nickname in roles}
    leaks, changes = [], []
    client.raise_request_exception = False  # a view that errors leaks nothing by that alone
    plausible = {"id": theirs.trainee.pk, "pk": theirs.group.pk}
    for nickname, user in people.items():
        for url, name in urls.items():
            if only and name not in only:
                continue
            counts, checksum = row_counts(), their_checksum(theirs)
            client.force_login(user)
            for data in (None, {}, plausible):
                response = client.get(url) if data is None else client.post(url, data)
                if response.status_code == 405 and data == {}:
                    break  # no POST here: the plausible POST would say the same
                body = b"".join(response) if response.streaming else response.content
                text = body.decode("utf-8", "replace")
                method = "GET" if data is None else f"POST {data}"
                for secret in theirs.strings:
                    if secret in text and secret not in url:  # echoing the caller's own input is no leak
                        leaks.append(f"{method} {url} ({name}) as {nickname}: {secret!r}")
            after = row_counts()
            changed = {t: (counts.get(t), after.get(t)) for t in after if counts.get(t) != after.get(t)}
            if changed or their_checksum(theirs) != checksum:
                changes.append(f"{url} ({name}) as {nickname}: {changed or 'their rows changed'}")
    return leaks, changes, unclassified, len(urls)


@pytest.mark.parametrize("side", DIRECTIONS)
def test_staff_see_and_change_nothing_of_the_other_organisation(client, demo, side):
    roles, other = DIRECTIONS[side]
    leaks, changes, unclassified, generated = run_matrix(client, roles, Theirs(other))
    found = {"unclassified URL patterns": unclassified, "leaks": leaks, "database changes": changes}
    # All three at once: a run takes minutes, so one failure should not hide the others.
    assert not any(found.values()), "\n".join(f"{k}:\n" + "\n".join(v) for k, v in found.items() if v)
    print(f"cross-organisation matrix, {side}'s staff: {generated} URLs × {len(roles)} roles × 3 requests")


@override_settings(ROOT_URLCONF="tests.cross_organisation")
def test_the_matrix_finds_an_unscoped_view_and_an_unfilled_pattern(client, demo):
    for roles, other in DIRECTIONS.values():
        theirs = Theirs(other)
        leaks, changes, unclassified, _ = run_matrix(client, roles, theirs, only={"leaky_groups"})
        group = f"{theirs.group.name!r}"
        for nickname in roles:
            assert f"GET /admin/leaky-groups/ (leaky_groups) as {nickname}: {group}" in leaks
        assert unclassified == ["leaky_groups_unfilled admin/leaky-groups/<str:mystery>/"]
        assert changes == []
