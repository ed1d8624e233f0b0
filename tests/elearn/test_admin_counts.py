"""Admin listings count their items with the noun form Ukrainian and Russian need after
1, 2-4 and 5-20 ("7 тестів", not Wagtail's "7 тести")."""

import pytest
from django.utils import translation
from wagtail.admin.paginator import WagtailPaginator
from wagtail.models import Page
from wagtail_localize.models import Translation

from courses.models import ModulePage
from elearn import admin_counts
from elearn.admin_counts import count_label
from h5p.models import H5PContent
from quizzes.models import Quiz

EXPECTED = {
    "uk": {
        Quiz: ["1 тест", "2 тести", "5 тестів", "11 тестів", "21 тест"],
        Page: ["1 сторінка", "2 сторінки", "5 сторінок", "11 сторінок", "21 сторінка"],
        ModulePage: ["1 сторінка", "2 сторінки", "5 сторінок", "11 сторінок", "21 сторінка"],
        H5PContent: [
            "1 інтерактивна вправа",
            "2 інтерактивні вправи",
            "5 інтерактивних вправ",
            "11 інтерактивних вправ",
            "21 інтерактивна вправа",
        ],
        Translation: ["1 переклад", "2 переклади", "5 перекладів", "11 перекладів", "21 переклад"],
    },
    "ru": {
        Quiz: ["1 тест", "2 теста", "5 тестов", "11 тестов", "21 тест"],
        Page: ["1 страница", "2 страницы", "5 страниц", "11 страниц", "21 страница"],
        ModulePage: ["1 страница", "2 страницы", "5 страниц", "11 страниц", "21 страница"],
        H5PContent: [
            "1 интерактивное упражнение",
            "2 интерактивных упражнения",
            "5 интерактивных упражнений",
            "11 интерактивных упражнений",
            "21 интерактивное упражнение",
        ],
        Translation: ["1 перевод", "2 перевода", "5 переводов", "11 переводов", "21 перевод"],
    },
}


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_listing_counts_agree_with_their_number(language):
    with translation.override(language):
        for model, labels in EXPECTED[language].items():
            assert [count_label(model, n) for n in (1, 2, 5, 11, 21)] == labels


@pytest.mark.parametrize(("language", "label"), [("uk", "Тести: 7"), ("ru", "Тесты: 7")])
def test_a_model_without_its_own_phrase_still_reads_right(language, label, monkeypatch):
    monkeypatch.delitem(admin_counts.PHRASES, "quizzes.quiz")
    with translation.override(language):
        assert count_label(Quiz, 7) == label


@pytest.mark.django_db
def test_wagtails_paginator_says_it_our_way():
    with translation.override("uk"):
        assert WagtailPaginator(Quiz.objects.none(), 20).items_count_label == "0 тестів"
