"""Bytes per trainee page (tests/pages.py, both languages, signed out and in): HTML plus
the CSS and JS it loads, raw and gzip-compressed.

Budget: 30 KB compressed per page, lesson media excluded (ARCHITECTURE.md).
Run: .venv/bin/python bench/page_weight.py"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench._setup import demo_database_url, prepare  # noqa: E402

BUDGET = 30 * 1024


def main():
    os.environ["DATABASE_URL"] = demo_database_url()
    os.environ["DJANGO_SETTINGS_MODULE"] = "elearn.settings.test"
    prepare(dict(os.environ))

    import django

    django.setup()
    from django.test import Client

    from accounts.models import User
    from tests.pages import page_weight, trainee_pages

    anonymous, trainee = Client(), Client()
    trainee.force_login(User.objects.get(nickname="trainee-demo"))
    pages = []
    for lang in ("uk", "ru"):
        public, signed_in = trainee_pages(lang)
        pages += [(url, anonymous) for url in public] + [(url, trainee) for url in signed_in]

    print(f"{'page':70} {'who':9} {'raw B':>8} {'gzip B':>8}")
    worst = 0
    for url, client in pages:
        raw, packed = page_weight(client, url)
        worst = max(worst, packed)
        who = "trainee" if client is trainee else "anonymous"
        print(f"{url:70} {who:9} {raw:8d} {packed:8d}")
    print(f"largest page: {worst} B gzip of {BUDGET} B budget ({100 * worst / BUDGET:.0f} %)")
    return 0 if worst <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
