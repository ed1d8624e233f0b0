"""Each organisation's staff against every URL the resolver knows, with the other's ids.

Generated from Django's URL resolver (Wagtail's generated admin included): every path
parameter is filled with an object of the OTHER organisation (or, for parameters that are
not ids, from FILLERS); each URL is requested with GET, an empty POST and a POST of
plausible data, as one organisation's trainer and coordinator: Salus's against
Humanitarian Action's objects, and the reverse. Wagtail's bulk actions
(/admin/bulk/<app>/<model>/<action>/) are generated from its registry: every registered
action, with the ids of the other organisation's rows of its model in the query string
(all together and each alone; GET, an empty POST, and a POST with what each action's form
asks), and on "every row of the listing" (GET). Its rows: its groups (one of them
empty, so that it could be deleted), people, organisation and local help; pages, test and
recording of a course kept for it. A pattern or a bulk action neither generated nor
classified (SKIP, BULK_SHARED) fails.

Nothing of the other organisation may show in an answer: its group names, join codes,
people's nicknames, certificate codes, and the titles of its course, test and document (a
course kept for it, courses/access.py). Spreadsheets and PDFs are read as text, as a
person opening them would, and so are the messages an answer leaves for the next page.
Its numbers may not show either: right after the first GET the other organisation gets
seven more trainees (in a new group, through the course, certified, with test attempts)
and the URL is asked again; the answer must be the same, but for tokens and times
(`comparable`). A count that took in the other organisation's people would change.
(Looking for its bare numbers instead is not feasible: any number appears somewhere in a
page.) And no row may change: each URL is tried in a savepoint, rolled back after it, so
that what one URL did cannot hide what the next one does.

Its staff have also worked on a shared module (edited, locked, owned, sent for review,
commented on it, have it open in the editor), so that the reports, the dashboard and the
page listings, which name who did that, are checked too. Each direction is a test of its
own (slow: a few minutes each), so that one can be run alone."""

import io
import os
import re
import uuid
from datetime import timedelta
from urllib.parse import urlencode

import openpyxl
import pypdfium2
import pytest
from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.documents import get_document_model
from wagtail.models import Collection, Comment, Page

from accounts.models import (
    TRAINERS_GROUP,
    AgeBand,
    Gender,
    Organisation,
    TrainingGroup,
    User,
    WorkSetting,
    new_join_code,
)
from certificates.models import Certificate
from courses.models import CourseCompletion, CourseIndexPage, CoursePage, ModulePage, ModuleProgress
from elearn.demo.courses import publish_child
from h5p.models import H5PContent, H5PLibrary
from h5p.packaging import check_content, pack
from h5p.services import package_import
from quizzes.models import Attempt, Quiz
from tests import cross_organisation
from tests.builders import build_quiz, module_body
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

# Wagtail's bulk actions: generated from its registry (bulk_action_urls), not from FILLERS.
BULK_ACTION = "wagtail_bulk_action"
# Models with bulk actions but no rows that are one organisation's, with the reason.
BULK_SHARED = {
    "wagtailimages.image": "images are shared by every organisation: none is kept for one",
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

# How many more trainees the other organisation gets before the second GET (Theirs.grow).
MORE = 7


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
        # A group no one has joined yet: unlike the others, it can be deleted.
        TrainingGroup.objects.create(organisation=self.organisation, name="Їхня нова група")
        self.staff = User.objects.get(organisation=self.organisation, groups__name=TRAINERS_GROUP)
        self.work_on_a_shared_module()
        self.bring_h5p()
        self.keep_a_course()
        course = CoursePage.objects.filter(locale__language_code="ru").first() or CoursePage.objects.first()
        self.shared_course = course
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
        # Who Theirs.grow adds: named here, so that any of them showing is a leak too.
        self.more_group = f"Їхня група {MORE}"
        self.more_join_code = new_join_code()
        self.more_nicknames = [f"hidden-{slug[:5]}-more-{n}" for n in range(MORE)]
        self.more_codes = [f"{slug[:5].upper()}0MORE{n}" for n in range(MORE)]
        groups = TrainingGroup.objects.filter(organisation=self.organisation)
        people = User.objects.filter(organisation=self.organisation)
        codes = Certificate.objects.filter(organisation=self.organisation).values_list("code", flat=True)
        names = [*groups.values_list("name", flat=True), *people.values_list("nickname", flat=True)]
        self.strings = {*names, *codes, *self.titles, self.more_group, *self.more_nicknames, *self.more_codes}
        for code in [*groups.values_list("join_code", flat=True), self.more_join_code]:
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

    def keep_a_course(self):
        """A course kept for them alone (courses/access.py), with a module, a final test and
        a recording only that module plays: pages, a test and a document that are theirs."""
        index = CourseIndexPage.objects.filter(locale__language_code="uk").first()
        self.quiz = build_quiz(kind="final")
        titles = {"uk": "Тест лише для них", "ru": "Тест только для них"}
        for language, title in titles.items():
            self.quiz.set_current_language(language)
            self.quiz.title = title
        self.quiz.save()
        self.document = get_document_model()(title="Їхній запис розмови")
        self.document.file.save("their-talk.mp3", ContentFile(b"ID3 their talk"), save=False)
        self.document.save()
        kept = CoursePage(
            title="Курс лише для них",
            slug=f"kept-for-{self.organisation.slug}",
            summary="Опис",
            objectives="<ul><li>ціль</li></ul>",
            estimated_hours=1,
            locale=index.locale,
            final_test=self.quiz,
        )
        self.course = publish_child(index, kept)
        self.module = publish_child(
            self.course,
            ModulePage(
                title="Модуль лише для них",
                slug="m1",
                summary="Коротко",
                estimated_minutes=10,
                body=module_body("kept-m1", "Тема"),
                locale=index.locale,
            ),
        )
        talk = {"title": "Розмова", "file": self.document, "transcript": "<p>Усе сказане.</p>"}
        self.module.body.append(("audio", talk))
        self.module.save_revision().publish()
        self.course.organisations.set([self.organisation])
        self.course.save_revision().publish()
        self.titles = [self.course.title, self.module.title, *titles.values(), self.document.title]

    def grow(self):
        """MORE trainees of theirs, in a new group, through the shared course (every module,
        its pre-test and final test) and certified yesterday: every number that counted them
        would change. Bulk inserts: it is done once for every URL and role."""
        now = timezone.now()
        group = TrainingGroup.objects.create(
            organisation=self.organisation, name=self.more_group, join_code=self.more_join_code
        )
        password = make_password(None)
        people = User.objects.bulk_create(
            User(
                nickname=nickname,
                password=password,
                organisation=self.organisation,
                training_group=group,
                date_joined=now - timedelta(days=3),
                gender=Gender.TRANS_WOMAN,
                age_band=AgeBand.UNDER_20,
                work_setting=WorkSetting.SAUNA,
            )
            for nickname in self.more_nicknames
        )
        course = self.shared_course
        modules = [module.translation_key for module in course.modules()]
        ModuleProgress.objects.bulk_create(
            ModuleProgress(
                user=person, module_key=key, first_opened_at=now, last_opened_at=now, completed_at=now
            )
            for person in people
            for key in modules
        )
        CourseCompletion.objects.bulk_create(
            CourseCompletion(user=person, course_key=course.translation_key, completed_at=now)
            for person in people
        )
        # Its tests, and the one id_for gives for a test's screens (1).
        tests = Quiz.objects.filter(pk__in=[course.pre_test_id, course.final_test_id, 1])
        Attempt.objects.bulk_create(
            Attempt(
                quiz=quiz,
                user=person,
                language="ru",
                finished_at=now,
                score=90,
                max_score=100,
                percent=90,
                passed=True,
            )
            for person in people
            for quiz in tests
        )
        Certificate.objects.bulk_create(
            Certificate(
                user=person,
                organisation=self.organisation,
                training_group=group,
                course_key=course.translation_key,
                issued_at=now - timedelta(days=1),
                final_score=90,
                language="ru",
                code=code,
            )
            for person, code in zip(people, self.more_codes, strict=True)
        )

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

    def bulk_ids(self, model):
        """Every id of theirs among `model`'s rows, for its bulk actions ([]: none are)."""
        if model is Organisation:
            return [self.organisation.pk]
        if issubclass(model, Page):
            return [self.course.pk, self.module.pk]
        if model is get_document_model():
            return [self.document.pk]
        if model is Quiz:  # tests are shared, but for those of courses kept for one organisation
            return [self.quiz.pk]
        if "organisation" in {f.name for f in model._meta.get_fields()}:  # their people, groups...
            rows = model._default_manager.filter(organisation=self.organisation)
            return sorted(rows.values_list("pk", flat=True))
        return []

    def bulk_form(self):
        """A POST that every registered bulk action's form takes (each reads its own fields):
        a role for "assign role", inactive for "set active state", a tag, a collection, and
        where to move pages to."""
        return {
            "role": Group.objects.get(name=TRAINERS_GROUP).pk,
            "mark_as_active": "False",
            "tags": "theirs",
            "collection": Collection.get_first_root_node().pk,
            "chooser": self.course.get_parent().pk,
            "include_descendants": "on",
        }


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


def bulk_action_urls(theirs):
    """({url: (name, POST bodies)}, unclassified) for every bulk action in Wagtail's
    registry: the action on the rows of theirs of its model, and on "every row of the
    listing" (GET only: those are the caller's own rows too, which an action may change)."""
    urls, unclassified, form = {}, [], theirs.bulk_form()
    for model in apps.get_models():
        app_label, model_name = model._meta.app_label, model._meta.model_name
        for action in bulk_action_registry.get_bulk_actions_for_model(app_label, model_name):
            name = f"{BULK_ACTION} {model._meta.label_lower}.{action.action_type}"
            ids = theirs.bulk_ids(model)
            if not ids:
                if model._meta.label_lower not in BULK_SHARED:
                    unclassified.append(name)
                continue
            path = reverse(BULK_ACTION, args=[app_label, model_name, action.action_type])
            # All together, and each alone: one that cannot be deleted (a group with
            # trainees) would keep the others from being deleted with it.
            for chosen in [ids, *([pk] for pk in ids)] if len(ids) > 1 else [ids]:
                urls[f"{path}?{urlencode([('id', pk) for pk in chosen])}"] = (name, ({}, form))
            # Pages: every page, every page under the listing that shows their course, and
            # every page of their course.
            parents = (
                [None, theirs.course.get_parent().pk, theirs.course.pk] if issubclass(model, Page) else [None]
            )
            for parent in parents:
                every = {"id": "all"} if parent is None else {"id": "all", "childOf": parent}
                urls[f"{path}?{urlencode(every)}"] = (name, ())
    return urls, unclassified


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
        # The course kept for them: moved, (un)published, retitled; its test and recording.
        list(Page.objects.filter(path__startswith=theirs.course.path).order_by("pk").values()),
        list(Quiz.objects.filter(pk=theirs.quiz.pk).values()),
        list(get_document_model().objects.filter(pk=theirs.document.pk).values()),
    ]
    return repr(rows)


def state(theirs):
    return row_counts(), their_checksum(theirs)


def changes_between(before, after):
    counts = {t: (before[0].get(t), n) for t, n in after[0].items() if before[0].get(t) != n}
    return counts or ("their rows changed" if before[1] != after[1] else None)


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def answer_text(response):
    """The answer as a person reads it: a spreadsheet's cells, a PDF's text."""
    body = b"".join(response) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if kind.startswith(XLSX):
        book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        rows = (row for sheet in book.worksheets for row in sheet.iter_rows(values_only=True))
        return "\n".join("\t".join("" if v is None else str(v) for v in row) for row in rows)
    if kind.startswith("application/pdf"):
        document = pypdfium2.PdfDocument(body)
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    return body.decode("utf-8", "replace")


# What differs between two answers to the same request a moment apart: tokens (CSRF, the
# H5P player's, uuids), times ("2 minutes ago" too), the rich text editor's random block
# keys, and the editing session the request itself opened.
VOLATILE = re.compile(
    r"[A-Za-z0-9_\-]{32,}"
    r"|\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?"
    r"|(\d+[\s\xa0]+\w+,?[\s\xa0]+){1,2}(тому|назад|ago)\b"
    r"|(?i:just now|щойно|только что)"  # what "1 minute ago" was a moment before
    r"|(&quot;|\\?\")key(&quot;|\\?\"): (&quot;|\\?\")\w+(&quot;|\\?\")"
    r"|/editing-sessions/[\w/-]+"
)


def comparable(text):
    return VOLATILE.sub("~", text)


def first_difference(before, after):
    """Where two answers part, with a little of what comes before."""
    start = max(len(os.path.commonprefix([before, after])) - 80, 0)
    return f"{before[start : start + 200]!r} → {after[start : start + 200]!r}"


def run_matrix(client, roles, theirs, only=()):
    """(leaks, changes, unclassified, generated URL count) for the staff named `roles`."""
    plausible = ({}, {"id": theirs.trainee.pk, "pk": theirs.group.pk})
    urls, unclassified = {}, []
    for name, route, callback in walk(get_resolver().url_patterns):
        if name == BULK_ACTION:
            bulk, not_classified = bulk_action_urls(theirs)
            urls.update(bulk)
            unclassified += not_classified
            continue
        url = fill(name, route, callback, theirs)
        if url is not None:
            urls.setdefault(url, (name, plausible))
        elif name not in SKIP:
            unclassified.append(f"{name} {route}")
    people = {nickname: User.objects.get(nickname=nickname) for nickname in roles}
    leaks, changes = [], []
    client.raise_request_exception = False  # a view that errors leaks nothing by that alone

    def read(response, method, url, name, nickname):
        # With the messages it leaves for the next page: read here and dropped, so that
        # no answer depends on the request before it.
        messages = "\n".join(str(message) for message in get_messages(response.wsgi_request))
        client.cookies.pop("messages", None)
        text = answer_text(response) + messages
        for secret in theirs.strings:
            if secret in text and secret not in url:  # echoing the caller's own input is no leak
                leaks.append(f"{method} {url} ({name}) as {nickname}: {secret!r}")
        return text

    for nickname, user in people.items():
        for url, (name, posts) in urls.items():
            if only and name not in only:
                continue
            with transaction.atomic():  # rolled back: each URL meets the same data
                client.force_login(user)
                before = state(theirs)
                first = read(client.get(url), "GET", url, name, nickname)
                changed = changes_between(before, state(theirs))
                theirs.grow()
                grown = read(client.get(url), "GET", url, name, nickname)
                if comparable(first) != comparable(grown):
                    difference = first_difference(comparable(first), comparable(grown))
                    leaks.append(f"GET {url} ({name}) as {nickname}: counts their trainees: {difference}")
                before = state(theirs)
                for data in posts:
                    response = client.post(url, data)
                    if response.status_code == 405:
                        break  # no POST here: another body would say the same
                    read(response, f"POST {data}", url, name, nickname)
                changed = changed or changes_between(before, state(theirs))
                if changed:
                    changes.append(f"{url} ({name}) as {nickname}: {changed}")
                transaction.set_rollback(True)
    return leaks, changes, unclassified, len(urls)


@pytest.mark.parametrize("side", DIRECTIONS)
def test_staff_see_and_change_nothing_of_the_other_organisation(client, demo, side):
    roles, other = DIRECTIONS[side]
    leaks, changes, unclassified, generated = run_matrix(client, roles, Theirs(other))
    found = {"unclassified URL patterns": unclassified, "leaks": leaks, "database changes": changes}
    # All three at once: a run takes minutes, so one failure should not hide the others.
    assert not any(found.values()), "\n".join(f"{k}:\n" + "\n".join(v) for k, v in found.items() if v)
    print(f"cross-organisation matrix, {side}'s staff: {generated} URLs × {len(roles)} roles × 4 requests")


@override_settings(ROOT_URLCONF="tests.cross_organisation")
def test_the_matrix_finds_an_unscoped_view_and_an_unfilled_pattern(client, demo, monkeypatch):
    unscoped = cross_organisation.EveryGroupExpireBulkAction
    for model in unscoped.models:  # registered for this test only
        app_label, model_name = model._meta.app_label, model._meta.model_name
        bulk_action_registry.get_bulk_actions_for_model(app_label, model_name)  # read the hooks first
        actions = {**bulk_action_registry.actions.get(app_label, {})}
        actions[model_name] = {**actions.get(model_name, {}), unscoped.action_type: unscoped}
        monkeypatch.setitem(bulk_action_registry.actions, app_label, actions)
    bulk = f"{BULK_ACTION} accounts.traininggroup.{unscoped.action_type}"
    for roles, other in DIRECTIONS.values():
        theirs = Theirs(other)
        only = {"leaky_groups", "leaky_count", bulk}
        leaks, changes, unclassified, _ = run_matrix(client, roles, theirs, only=only)
        group = f"{theirs.group.name!r}"
        path = reverse(BULK_ACTION, args=["accounts", "traininggroup", unscoped.action_type])
        for nickname in roles:
            assert f"GET /admin/leaky-groups/ (leaky_groups) as {nickname}: {group}" in leaks
            assert any(
                leak.startswith(f"GET /admin/leaky-count/ (leaky_count) as {nickname}: counts their trainees")
                for leak in leaks
            )
            # The names on its confirmation page, and the join codes it ended.
            assert any(
                leak.startswith(f"GET {path}?id=") and f"as {nickname}: {group}" in leak for leak in leaks
            )
            assert any(
                change.startswith(f"{path}?id=") and f"as {nickname}: their rows" in change
                for change in changes
            )
        assert sorted(unclassified) == [
            "leaky_groups_unfilled admin/leaky-groups/<str:mystery>/",
            f"{BULK_ACTION} wagtailcore.site.{unscoped.action_type}",
        ]
        assert all(path in change for change in changes)
