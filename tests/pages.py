"""Every page a visitor or trainee sees in one language, and what each weighs. One list, so
the accessibility test, the page-weight budget and bench/page_weight.py check the same
pages. Needs the demo (`load_demo`): its trainee has seen everything."""

import gzip
import re


def trainee_pages(lang) -> tuple[list[str], list[str]]:
    """(pages anyone may open, pages for the signed-in demo trainee)."""
    from certificates.models import Certificate
    from courses.models import CoursePage
    from quizzes.models import Attempt

    course = CoursePage.objects.get(locale__language_code=lang)
    modules = list(course.modules())
    certificate = Certificate.objects.get(user__nickname="trainee-demo")
    attempt = Attempt.objects.filter(user__nickname="trainee-demo", finished_at__isnull=False).first()
    public = [
        f"/{lang}/",
        course.get_parent().url,
        course.url,
        *[module.url for module in modules],
        f"/{lang}/accounts/login/",
        f"/{lang}/accounts/signup/",
        f"/{lang}/certificates/verify/",
        f"/{lang}/certificates/verify/{certificate.code}/",
        f"/{lang}/certificates/verify/ZZZZ-ZZZZ-ZZZZ/",
        f"/{lang}/no-such-page/",
    ]
    signed_in = [
        f"/{lang}/learning/",
        f"/{lang}/accounts/",
        f"/{lang}/accounts/password/",
        f"/{lang}/accounts/delete/",
        f"/{lang}/certificates/",
        f"/{lang}/certificates/{certificate.pk}/",
        f"/{lang}/tests/{course.final_test_id}/",
        f"/{lang}/tests/attempts/{attempt.token}/result/",
        *[module.url for module in modules],
    ]
    return public, signed_in


def page_weight(client, url) -> tuple[int, int]:
    """Bytes of the page plus the CSS and JS it loads: (raw, gzip-compressed)."""
    html = client.get(url).content
    raw, packed = len(html), len(gzip.compress(html))
    for asset in re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html):
        body = b"".join(client.get(asset.decode()).streaming_content)
        raw, packed = raw + len(body), packed + len(gzip.compress(body))
    return raw, packed
