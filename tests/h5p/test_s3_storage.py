"""Media on S3-compatible storage (django-storages), with S3 played by moto in-process:
an H5P package is imported into the bucket, served to the player from it, and a refused
package leaves nothing there. The settings read the bucket from the environment."""

import io
import json
import os
import subprocess
import sys

import boto3
import pytest
from moto import mock_aws

from h5p.assets import asset_base_url
from h5p.packaging import check_content, pack
from h5p.services import package_import
from h5p.validation import PackageRefused

BUCKET = "conecta-media"
S3 = {
    "BACKEND": "storages.backends.s3.S3Storage",
    "OPTIONS": {
        "bucket_name": BUCKET,
        "region_name": "eu-central-1",
        "access_key": "test",
        "secret_key": "test",
        "default_acl": None,
        "querystring_auth": True,
        "file_overwrite": False,
    },
}


@pytest.fixture
def bucket(settings):
    with mock_aws():
        client = boto3.client("s3", region_name="eu-central-1")
        client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"})
        settings.STORAGES = {**settings.STORAGES, "default": S3}
        yield client


def keys(client):
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_a_package_goes_to_the_bucket_and_is_served_from_it(db, client, bucket):
    content = package_import(
        file=io.BytesIO(pack("Т", check_content("Питання?", [("Так", True)]))), title="Т", language="uk"
    )

    stored = keys(bucket)
    assert f"{content.storage_path}content/content.json" in stored
    assert any(key.endswith("/check.js") for key in stored)
    served = client.get(asset_base_url(content) + "content/content.json")
    assert json.loads(b"".join(served.streaming_content))["question"] == "Питання?"


def test_a_refused_package_leaves_nothing_in_the_bucket(db, bucket):
    broken = pack("Т", check_content("?", []), extra_files={"content/evil.php": b"<?php"})

    with pytest.raises(PackageRefused):
        package_import(file=io.BytesIO(broken), title="Т", language="uk")

    assert keys(bucket) == set()


@pytest.mark.slow  # starts Django in a new process
def test_naming_a_bucket_in_the_environment_switches_media_to_s3():
    code = "from django.conf import settings; print(settings.STORAGES['default']['BACKEND'])"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "elearn.settings.base", "AWS_STORAGE_BUCKET_NAME": BUCKET}
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert out.stdout.strip() == "storages.backends.s3.S3Storage", out.stderr
