"""With `Referrer-Policy: no-referrer` browsers post our own forms with `Origin: null` and
no Referer. Those posts must still work, and posts from anywhere else must still fail."""

import re

import pytest
from django.test import Client

from tests.factories import PASSWORD

LOGIN = "/uk/accounts/login/"
OUT_OF_DATE = "Ця сторінка застаріла"  # the translated CSRF failure page


@pytest.fixture
def browser_client():
    return Client(enforce_csrf_checks=True)


def post_login(client, secure=False, with_token=True, **headers):
    page = client.get(LOGIN, secure=secure).content.decode()
    form = {"username": "sonia", "password": PASSWORD}
    if with_token:
        form["csrfmiddlewaretoken"] = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    return client.post(LOGIN, form, secure=secure, headers=headers)


def signed_in(client):
    return "_auth_user_id" in client.session


def test_every_page_asks_the_browser_to_send_no_referrer(client, db):
    response = client.get(LOGIN)

    assert response["Referrer-Policy"] == "no-referrer"
    assert '<meta name="referrer" content="no-referrer">' in response.content.decode()


@pytest.mark.parametrize("secure", [False, True], ids=["http", "https"])
def test_own_form_posted_with_a_null_origin_signs_in(browser_client, trainee, secure):
    response = post_login(browser_client, secure=secure, origin="null", sec_fetch_site="same-origin")

    assert response.status_code == 302
    assert signed_in(browser_client)


def test_https_post_without_origin_or_referer_from_own_page_signs_in(browser_client, trainee):
    response = post_login(browser_client, secure=True, sec_fetch_site="same-origin")

    assert response.status_code == 302
    assert signed_in(browser_client)


def test_browser_without_fetch_metadata_is_checked_by_token(browser_client, trainee):
    """Safari before 16.4 sends no Sec-Fetch-Site: the token alone lets it in..."""
    assert post_login(browser_client, secure=True, origin="null").status_code == 302
    assert signed_in(browser_client)


def test_null_origin_without_a_token_is_refused(browser_client, trainee):
    """...and without the token nothing gets in, same origin or not."""
    response = post_login(browser_client, with_token=False, origin="null", sec_fetch_site="same-origin")

    assert response.status_code == 403
    assert OUT_OF_DATE in response.content.decode()
    assert not signed_in(browser_client)


@pytest.mark.parametrize("fetch_site", ["cross-site", "same-site", "none"])
def test_null_origin_from_another_site_or_a_sandboxed_frame_is_refused(browser_client, trainee, fetch_site):
    response = post_login(browser_client, secure=True, origin="null", sec_fetch_site=fetch_site)

    assert response.status_code == 403
    assert not signed_in(browser_client)


def test_https_post_from_another_site_without_origin_is_refused(browser_client, trainee):
    response = post_login(browser_client, secure=True, sec_fetch_site="cross-site")

    assert response.status_code == 403
    assert not signed_in(browser_client)


def test_a_foreign_origin_is_still_refused(browser_client, trainee):
    response = post_login(browser_client, origin="https://evil.example", sec_fetch_site="same-origin")

    assert response.status_code == 403
    assert not signed_in(browser_client)
