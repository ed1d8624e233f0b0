"""The trainee's certificate pages, the PDF, and the public verification page."""

import html
import io

import pypdfium2
import pytest
import zxingcpp

from certificates.models import Certificate
from certificates.services import certificate_keep_name, certificate_revoke
from tests.certificates.conftest import finish_modules, take_final
from tests.factories import TraineeFactory


@pytest.fixture
def certificate(trainee, final_course):
    _page, modules, final = final_course
    finish_modules(trainee, modules)
    take_final(trainee, final)
    return Certificate.objects.get()


@pytest.fixture
def signed_in(client, trainee):
    client.force_login(trainee)
    return client


def download(client, certificate, lang="uk", **data):
    fields = {"language": lang, "name": "", **data}
    return client.post(f"/{lang}/certificates/{certificate.pk}/download/", fields)


def pdf_text_and_qr(response):
    document = pypdfium2.PdfDocument(io.BytesIO(response.content))
    page = document[0]
    width, height = page.get_size()
    text = page.get_textpage().get_text_range()
    codes = [result.text for result in zxingcpp.read_barcodes(page.render(scale=2).to_pil())]
    return text, codes, width > height


def test_the_pdf_names_the_course_and_code_and_its_qr_opens_the_verification_page(signed_in, certificate):
    response = download(signed_in, certificate)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text, codes, landscape = pdf_text_and_qr(response)
    assert landscape
    assert "Курс профілактики" in text and certificate.code in text
    assert "sonia" in text  # the nickname by default
    assert "Сертифікат" in text and "100%" in text
    assert codes == [f"http://testserver/uk/certificates/verify/{certificate.code}/"]


def test_the_russian_pdf_is_in_russian(signed_in, certificate):
    text, codes, _landscape = pdf_text_and_qr(download(signed_in, certificate, lang="ru"))

    assert "Сертификат" in text and "Курс профилактики" in text
    assert codes == [f"http://testserver/ru/certificates/verify/{certificate.code}/"]


def test_a_typed_name_is_printed_once_and_not_kept(signed_in, certificate):
    text, _codes, _ = pdf_text_and_qr(download(signed_in, certificate, name="Олена Коваль"))

    assert "Олена Коваль" in text
    certificate.refresh_from_db()
    assert certificate.kept_name == ""
    assert "sonia" in pdf_text_and_qr(download(signed_in, certificate))[0]


def test_a_kept_name_stays_and_shows_on_verification_only_if_agreed(signed_in, client, certificate):
    download(signed_in, certificate, name="Олена Коваль", keep_name="on")
    certificate.refresh_from_db()
    assert certificate.kept_name == "Олена Коваль" and not certificate.show_name
    assert "Олена Коваль" not in client.get(f"/uk/certificates/verify/{certificate.code}/").content.decode()

    download(signed_in, certificate, name="Олена Коваль", keep_name="on", show_name="on")
    assert "Олена Коваль" in client.get(f"/uk/certificates/verify/{certificate.code}/").content.decode()


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("\u202eОлена\u202c Коваль", "Олена Коваль"),  # direction overrides dropped
        ("Олена\x07\x1b \t Коваль\u200f", "Олена Коваль"),  # control characters, runs of spaces
    ],
)
def test_odd_characters_are_dropped_from_a_name(signed_in, certificate, typed, printed):
    text, _codes, _ = pdf_text_and_qr(download(signed_in, certificate, name=typed))

    assert printed in text


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("я" * 500, "Ім'я задовге: не більше 80 символів."),
        ("Олена 🌸", "Використовуйте літери української, російської або латинської абетки."),
        ("王小明", "Використовуйте літери української, російської або латинської абетки."),
        ("Олена\x00", "Символи Null не дозволені."),  # Django refuses these before us
    ],
)
def test_a_name_too_long_or_unprintable_gets_a_clear_message_and_no_pdf(
    signed_in, certificate, typed, message
):
    response = download(signed_in, certificate, name=typed, keep_name="on")

    assert response.status_code == 400
    assert message in html.unescape(response.content.decode())
    certificate.refresh_from_db()
    assert certificate.kept_name == ""


def test_someone_elses_certificate_is_not_found(client, certificate, group):
    client.force_login(TraineeFactory(training_group=group))

    assert client.get(f"/uk/certificates/{certificate.pk}/").status_code == 404
    assert download(client, certificate).status_code == 404


def test_my_certificates_lists_mine_with_a_way_to_download(signed_in, certificate):
    page = signed_in.get("/uk/certificates/").content.decode()

    assert certificate.code in page and f"/uk/certificates/{certificate.pk}/" in page
    detail = signed_in.get(f"/uk/certificates/{certificate.pk}/").content.decode()
    assert "Вітаємо!" in detail and "Завантажити сертифікат (PDF)" in detail


def test_verification_shows_status_course_organisation_and_date_but_no_name(client, certificate, trainee):
    certificate_keep_name(certificate=certificate, name="Олена Коваль", show=False)

    page = client.get(f"/uk/certificates/verify/{certificate.code}/").content.decode()

    assert "Сертифікат дійсний" in page
    assert "Курс профілактики" in page and "Організація" in page
    assert trainee.nickname not in page and "Олена" not in page


def test_a_code_typed_loosely_finds_the_certificate(client, certificate):
    loose = certificate.code.lower().replace("-", " ")

    response = client.get("/ru/certificates/verify/", {"code": loose}, follow=True)

    assert response.redirect_chain[-1][0] == f"/ru/certificates/verify/{certificate.code}/"
    assert "Сертификат действителен" in response.content.decode()


@pytest.mark.parametrize("code", ["ZZZZ-ZZZZ-ZZZZ", "ZZZZ", "UUUU-UUUU-UUUU", "абвг-деєж-зиії", "1" * 300])
def test_a_wrong_or_unknown_code_gets_the_same_plain_not_found(client, certificate, code):
    direct = client.get(f"/uk/certificates/verify/{code}/")
    typed = client.get("/uk/certificates/verify/", {"code": code[:40]}, follow=True)

    for response in (direct, typed):
        assert response.status_code == 404
        page = response.content.decode()
        assert "Сертифіката з таким кодом немає" in page
        assert "Курс" not in page.split("<main", 1)[1].split("</main>")[0].replace("Код сертифіката", "")


def test_a_revoked_certificate_says_so(client, certificate, coordinator):
    certificate_revoke(certificate=certificate, reason="Помилка", by=coordinator)

    page = client.get(f"/uk/certificates/verify/{certificate.code}/").content.decode()

    assert "Сертифікат відкликано" in page


def test_checking_many_codes_is_slowed_down(client, certificate, settings):
    settings.CERTIFICATE_VERIFY_LIMIT = (3, 600)
    from django.core.cache import cache

    cache.clear()
    answers = [client.get(f"/uk/certificates/verify/AAAA-AAAA-AAA{n}/").status_code for n in range(4)]

    assert answers == [404, 404, 404, 429]
    assert client.get(f"/uk/certificates/verify/{certificate.code}/").status_code == 429
    cache.clear()
