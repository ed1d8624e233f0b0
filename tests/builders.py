"""Builders for course content in tests."""

from wagtail.models import Locale

from courses.demo import publish_child, stream_data, translate_with_localize
from courses.models import CourseIndexPage, CoursePage, ModulePage


def slug_number(slug):
    """A title must not show the Latin slug (pages are scanned for English words)."""
    return sum(ord(ch) for ch in slug)


def module_body(slug, text):
    """Block ids come from the slug, so both languages' bodies share them."""
    return stream_data(
        slug,
        [
            ("text", f"<h2>{text}</h2><p>{text}: текст.</p>"),
            ("fact", "", f"<p>{text}: головне.</p>"),
            ("qa", f"{text}?", "<p>Так.</p>"),
        ],
    )


def build_course(home_pages, modules=3, translate=True, slug="course"):
    """A course with `modules` modules in uk, translated into ru through wagtail-localize."""
    uk_home = home_pages["uk"]
    uk, ru = uk_home.locale, Locale.objects.get(language_code="ru")
    index = CourseIndexPage.objects.filter(locale=uk).first() or publish_child(
        uk_home, CourseIndexPage(title="Курси", slug="courses", locale=uk)
    )
    if translate and index.get_translation_or_none(ru) is None:
        translate_with_localize(index, ru, CourseIndexPage(title="Курсы", slug="courses"))
    course = publish_child(
        index,
        CoursePage(
            title=f"Курс профілактики {slug_number(slug)}",
            slug=slug,
            summary="Опис",
            objectives="<ul><li>ціль</li></ul>",
            estimated_hours=2,
            locale=uk,
        ),
    )
    if translate:
        translate_with_localize(
            course,
            ru,
            CoursePage(
                title=f"Курс профилактики {slug_number(slug)}",
                slug=slug,
                summary="Описание",
                objectives="<ul><li>цель</li></ul>",
                estimated_hours=2,
            ),
        )
    pages = []
    for n in range(1, modules + 1):
        module = publish_child(
            course,
            ModulePage(
                title=f"Модуль {n}",
                slug=f"m{n}",
                summary="Коротко",
                estimated_minutes=10,
                body=module_body(f"{slug}-m{n}", f"Тема {n}"),
                locale=uk,
            ),
        )
        if translate:
            translate_with_localize(
                module,
                ru,
                ModulePage(
                    title=f"Модуль {n} (рос.)",
                    slug=f"m{n}",
                    summary="Кратко",
                    estimated_minutes=10,
                    body=module_body(f"{slug}-m{n}", f"Тема {n} по-русски"),
                ),
            )
        pages.append(module)
    return course, pages
