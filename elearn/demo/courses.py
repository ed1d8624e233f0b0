"""The demo course, in Ukrainian, with Russian translations made through wagtail-localize
(so trainers see real, synced translations in the side-by-side editor), a moderation
workflow reviewed by coordinators, and page permissions for the two roles."""

import uuid
from collections import defaultdict

from django.contrib.auth.models import Group
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from accounts.models import COORDINATORS_GROUP, TRAINERS_GROUP
from courses.demo_content import COURSE, INDEX, MODULES
from courses.models import CourseIndexPage, CoursePage, ModulePage
from elearn.models import HomePage

# Workflow and task names are data, shown to trainers as they are: one workflow per language
# tree, named in that language.
WORKFLOWS = {
    "uk": ("Перевірка перед публікацією", "Погодження координаторки або координатора"),
    "ru": ("Проверка перед публикацией", "Согласование координатора"),
}
# Demo notation -> (block type, names of the struct's fields; None for a plain text block).
BLOCKS = {
    "text": ("text", None),
    "fact": ("key_fact", ("heading", "text")),
    "myth": ("myth_fact", ("myth", "fact")),
    "qa": ("question_answer", ("question", "answer")),
    "term": ("glossary_term", ("term", "definition")),
    "country": ("country_section", ("heading", "variants")),
    "local_help": ("local_help", ("heading",)),
}


def _item_id(block_id, n):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{block_id}/{n}"))


def stream_data(slug, blocks):
    """StreamField data from the demo notation. Block ids are derived from the module and
    position, so the Ukrainian and Russian versions of a block share an id."""
    data = []
    for position, (kind, *parts) in enumerate(blocks):
        block_type, fields = BLOCKS[kind]
        value = parts[0] if fields is None else dict(zip(fields, parts, strict=True))
        block_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"conecta-demo/{slug}/{position}"))
        if kind == "country":  # its list items need ids shared by both languages too
            value["variants"] = [
                {"type": "item", "value": variant, "id": _item_id(block_id, n)}
                for n, variant in enumerate(value["variants"])
            ]
        data.append({"type": block_type, "value": value, "id": block_id})
    return data


def translate_with_localize(source_page, locale, translated_instance):
    """Translate `source_page` into `locale` through wagtail-localize, taking each segment's
    text from `translated_instance` (an unsaved page with the same structure)."""
    source, _ = TranslationSource.get_or_create_from_instance(source_page)
    translated = defaultdict(list)
    for segment in extract_segments(translated_instance):
        if isinstance(segment, StringSegmentValue):
            translated[segment.path].append(segment.string.data)

    by_path = defaultdict(list)
    for segment in source.stringsegment_set.select_related("string", "context").order_by("order"):
        by_path[segment.context.path].append(segment)
    for path, segments in by_path.items():
        texts = translated[path]
        if len(texts) != len(segments):
            raise ValueError(
                f"{source_page.slug}: {path} has {len(segments)} segments, translation {len(texts)}"
            )
        for segment, text in zip(segments, texts, strict=True):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    # Not save_target(publish=True): that publishes on commit, from a revision taken now,
    # and would undo the tree's child count of a parent whose children are translated in the
    # same transaction (and never publishes inside a test's transaction).
    translation.save_target(publish=False)
    target = source_page.get_translation(locale)
    target.get_latest_revision().publish()
    return target


def resync_translations(page):
    """After the source page changed: sync its translations (wagtail-localize) and publish
    them. The demo's translations are complete (translate_strings first), and a test checks
    that every published one is (tests/courses/test_demo_translations_complete.py)."""
    source, _ = TranslationSource.update_or_create_from_instance(page)
    for translation in Translation.objects.filter(source=source):
        translation.save_target(publish=False)
        target = page.get_translation(translation.target_locale)
        target.get_latest_revision().publish()


def translate_strings(page, texts: dict[str, dict[str, str]]) -> None:
    """Record translations of strings added to `page` after it was translated (texts:
    {language: {source text: translated text}}), so that syncing its translations publishes
    them instead of the source text (wagtail-localize falls back to the source string)."""
    source, _ = TranslationSource.update_or_create_from_instance(page)
    for language, by_source in texts.items():
        locale = Locale.objects.get(language_code=language)
        for segment in source.stringsegment_set.select_related("string", "context"):
            if segment.string.data in by_source:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={
                        "data": by_source[segment.string.data],
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    },
                )


def publish_child(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def load_course(home_uk: HomePage, uk: Locale, ru: Locale) -> CoursePage:
    index = CourseIndexPage.objects.filter(locale=uk).first()
    if index is None:
        index = publish_child(home_uk, CourseIndexPage(locale=uk, slug="courses", **INDEX["uk"]))
    if index.get_translation_or_none(ru) is None:
        translate_with_localize(index, ru, CourseIndexPage(slug="courses", **INDEX["ru"]))

    course = CoursePage.objects.filter(locale=uk, slug=COURSE["slug"]).first()
    if course is None:
        course = publish_child(
            index, CoursePage(locale=uk, slug=COURSE["slug"], estimated_hours=COURSE["hours"], **COURSE["uk"])
        )
    if course.get_translation_or_none(ru) is None:
        translate_with_localize(
            course, ru, CoursePage(slug=COURSE["slug"], estimated_hours=COURSE["hours"], **COURSE["ru"])
        )

    for spec in MODULES:
        module = ModulePage.objects.filter(locale=uk, slug=spec["slug"]).first()
        if module is None:
            module = publish_child(course, _module_page(spec, "uk", locale=uk))
        if module.get_translation_or_none(ru) is None:
            translate_with_localize(module, ru, _module_page(spec, "ru"))
    return course


def _module_page(spec, language, **extra):
    text = spec[language]
    return ModulePage(
        slug=spec["slug"],
        title=text["title"],
        summary=text["summary"],
        estimated_minutes=spec["minutes"],
        body=stream_data(spec["slug"], text["body"]),
        **extra,
    )


def load_workflow_and_permissions(index_pages) -> None:
    """Trainers write and submit; coordinators review and publish."""
    trainers, coordinators = (
        Group.objects.get(name=TRAINERS_GROUP),
        Group.objects.get(name=COORDINATORS_GROUP),
    )
    permissions = {
        trainers: ["add_page", "change_page"],
        coordinators: ["add_page", "change_page", "publish_page"],
    }
    for page in index_pages:
        for group, codenames in permissions.items():
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=page,
                    permission__codename=codename,
                    defaults={"permission": _page_permission(codename)},
                )

    for page in index_pages:
        workflow = _review_workflow(page.locale.language_code, coordinators)
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def _review_workflow(language, coordinators) -> Workflow:
    workflow_name, task_name = WORKFLOWS[language]
    workflow, created = Workflow.objects.get_or_create(name=workflow_name)
    if created:
        task, _ = GroupApprovalTask.objects.get_or_create(name=task_name)
        task.groups.set([coordinators])
        # Not workflow.workflow_tasks.create(): on a modelcluster relation that stays in memory.
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def _page_permission(codename):
    from django.contrib.auth.models import Permission

    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def load(home_uk: HomePage) -> CoursePage:
    uk, ru = Locale.objects.get(language_code="uk"), Locale.objects.get(language_code="ru")
    course = load_course(home_uk, uk, ru)
    index = Page.objects.get(pk=course.get_parent().pk)
    load_workflow_and_permissions([index, index.get_translation(ru)])
    return course
