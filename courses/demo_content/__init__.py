"""Text of the demo course, "Peer educator basic course", in Ukrainian and Russian.

Each module is a dict: slug, minutes, and per language a title, a summary and a body. A body
is a list of blocks in a small notation that `courses/demo.py` turns into StreamField data:
("text", html), ("fact", heading, html), ("myth", myth, fact_html),
("qa", question, answer_html), ("term", term, definition).

Medical facts follow WHO guidance as summarised in the project's CONTENT_GUIDE.md."""

from . import condoms, hiv, safety, sti

COURSE = {
    "slug": "peer-educator-basic-course",
    "hours": "3",
    "uk": {
        "title": "Базовий курс для рівних консультанток і консультантів",
        "summary": (
            "Чотири короткі модулі про ВІЛ, ІПСШ, презервативи й переговори з клієнтами, "
            "а також про права та безпеку. Після курсу ви зможете пояснити це колегам."
        ),
        "objectives": (
            "<ul><li>пояснити, як ВІЛ передається і як не передається;</li>"
            "<li>розповісти про тестування, лікування та правило Н=Н;</li>"
            "<li>назвати поширені ІПСШ і сказати, де перевіритися;</li>"
            "<li>правильно користуватися презервативом і лубрикантом;</li>"
            "<li>домовлятися з клієнтом про презерватив;</li>"
            "<li>знати, що робити після насильства і де шукати допомогу.</li></ul>"
        ),
    },
    "ru": {
        "title": "Базовый курс для равных консультанток и консультантов",
        "summary": (
            "Четыре коротких модуля о ВИЧ, ИППП, презервативах и переговорах с клиентами, "
            "а также о правах и безопасности. После курса вы сможете объяснить это коллегам."
        ),
        "objectives": (
            "<ul><li>объяснить, как ВИЧ передаётся и как не передаётся;</li>"
            "<li>рассказать о тестировании, лечении и правиле Н=Н;</li>"
            "<li>назвать частые ИППП и сказать, где провериться;</li>"
            "<li>правильно пользоваться презервативом и лубрикантом;</li>"
            "<li>договариваться с клиентом о презервативе;</li>"
            "<li>знать, что делать после насилия и где искать помощь.</li></ul>"
        ),
    },
}

INDEX = {
    "uk": {"title": "Курси", "intro": "<p>Навчайтеся у своєму темпі. Кожен модуль — 15–25 хвилин.</p>"},
    "ru": {"title": "Курсы", "intro": "<p>Учитесь в своём темпе. Каждый модуль — 15–25 минут.</p>"},
}

MODULES = [hiv.MODULE, sti.MODULE, condoms.MODULE, safety.MODULE]
