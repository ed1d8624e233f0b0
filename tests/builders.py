"""Builders for course content in tests."""

from wagtail.models import Locale

from courses.models import CourseIndexPage, CoursePage, ModulePage
from elearn.demo.courses import publish_child, stream_data, translate_with_localize


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


def build_quiz(kind="practice", pass_mark=70, max_attempts=0, questions=None):
    """A quiz in uk and ru. `questions`: list of (kind, points, [is_correct, ...])."""
    from quizzes.models import Choice, Question, Quiz

    quiz = Quiz(kind=kind, pass_mark=pass_mark, max_attempts=max_attempts)
    quiz.set_current_language("uk")
    quiz.title = "Перевірте себе"
    quiz.set_current_language("ru")
    quiz.title = "Проверьте себя"
    quiz.save()
    questions = questions or [
        ("single", 1, [False, True, False]),
        ("multiple", 2, [True, True, False, False]),
        ("true_false", 1, [True, False]),
    ]
    for order, (question_kind, points, correct_flags) in enumerate(questions):
        question = Question(quiz=quiz, kind=question_kind, points=points, order=order)
        for language, text in (("uk", f"Питання {order + 1}"), ("ru", f"Вопрос {order + 1}")):
            question.set_current_language(language)
            question.text = text
        question.save()
        for position, is_correct in enumerate(correct_flags):
            choice = Choice(question=question, is_correct=is_correct, order=position)
            for language, text in (("uk", f"Відповідь {position + 1}"), ("ru", f"Ответ {position + 1}")):
                choice.set_current_language(language)
                choice.text = text
            choice.save()
    return quiz


def translate_as_draft(page, locale, title):
    """`page` translated into `locale` as a trainer's "Translate this page" does it with
    wagtail-localize (a draft when the source is one), with only its title translated yet."""
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource
    from wagtail_localize.operations import TranslationCreator

    TranslationCreator(user=None, target_locales=[locale]).create_translations(page)
    source, _ = TranslationSource.get_or_create_from_instance(page)
    segment = source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=locale,
        context=segment.context,
        data=title,
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    Translation.objects.get(source=source, target_locale=locale).save_target(publish=False)
    return page.get_translation(locale)
