"""Interactive H5P content. Packages are unpacked through Django's storage API (so media
can live on S3-compatible storage); libraries are stored once per version and shared."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class H5PLibrary(models.Model):
    machine_name = models.CharField(max_length=127)
    major_version = models.PositiveIntegerField()
    minor_version = models.PositiveIntegerField()
    storage_path = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("H5P library")
        constraints = [
            models.UniqueConstraint(
                fields=["machine_name", "major_version", "minor_version"], name="h5p_library_once_per_version"
            )
        ]

    def __str__(self):
        return f"{self.machine_name}-{self.major_version}.{self.minor_version}"


class H5PContent(models.Model):
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    main_library = models.CharField(max_length=127)
    storage_path = models.CharField(max_length=255, unique=True)
    size_bytes = models.PositiveBigIntegerField(_("size"))
    libraries = models.ManyToManyField(H5PLibrary, related_name="contents")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("interactive content")
        verbose_name_plural = _("interactive content")

    def __str__(self):
        return self.title


def new_content_path() -> str:
    return f"h5p/content/{uuid.uuid4().hex}/"
