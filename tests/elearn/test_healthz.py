from django.db import OperationalError


def test_healthz_answers_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.content == b"ok"


def test_healthz_answers_503_when_the_database_does_not(client, db, monkeypatch):
    from elearn import views

    class DeadConnection:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr(views, "connection", DeadConnection())

    response = client.get("/healthz")

    assert response.status_code == 503


def test_healthz_is_not_redirected_to_https_in_production(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True  # as in production settings

    assert client.get("/healthz").status_code == 200
    assert client.get("/uk/").status_code == 301  # everything else goes to HTTPS
