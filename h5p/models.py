"""Interactive H5P content. Packages are unpacked through Django's storage API (so media
can live on S3-compatible storage); libraries are stored once per version and shared."""

import uuid

from django.conf import settings
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from common.languages import language_choices


class H5PLibrary(models.Model):
    """One library's code as some package brought it: a version ("H5P.MultiChoice 1.16.4")
    and a hash of its files. Library code is site-wide, so it runs only once a site
    administrator has installed it (as in Moodle): at most one installed row per
    machineName-major.minor, which every package of that major.minor plays with. Code
    that differs from what is installed waits, pending, for an administrator."""

    INSTALLED = "installed"
    PENDING = "pending"
    REFUSED = "refused"
    REPLACED = "replaced"
    STATUSES = [
        (INSTALLED, _("installed")),
        (PENDING, _("waiting for approval")),
        (REFUSED, _("refused")),
        (REPLACED, _("replaced by a newer version")),
    ]

    machine_name = models.CharField(_("library"), max_length=127)
    major_version = models.PositiveIntegerField()
    minor_version = models.PositiveIntegerField()
    patch_version = models.PositiveIntegerField(default=0)
    # sha256 over the library folder's file names and contents: "the same files".
    files_hash = models.CharField(max_length=64, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=STATUSES, default=INSTALLED)
    storage_path = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("H5P library")
        verbose_name_plural = _("H5P libraries")
        permissions = [("install_h5plibrary", "Can install and upgrade H5P libraries")]
        constraints = [
            models.UniqueConstraint(
                fields=["machine_name", "major_version", "minor_version"],
                condition=models.Q(status="installed"),
                name="h5p_library_installed_once",
            )
        ]

    def __str__(self):
        """The folder name packages and the player use: one per major.minor."""
        return f"{self.machine_name}-{self.major_version}.{self.minor_version}"

    @property
    def version(self) -> str:
        return f"{self.major_version}.{self.minor_version}.{self.patch_version}"


class H5PContent(models.Model):
    title = models.CharField(_("title"), max_length=200)
    # The configured languages, read when asked (a callable): adding one needs no migration.
    language = models.CharField(_("language"), max_length=8, choices=language_choices)
    main_library = models.CharField(max_length=127)
    storage_path = models.CharField(max_length=255, unique=True)
    size_bytes = models.PositiveBigIntegerField(_("size"))
    # The library code the package plays with: one row per machineName-major.minor, the
    # installed one once an administrator has approved it.
    libraries = models.ManyToManyField(H5PLibrary, related_name="contents")
    # True while some of that code waits for an administrator: nothing of it is played.
    awaiting_approval = models.BooleanField(_("waiting for approval"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("interactive content")
        verbose_name_plural = _("interactive content")

    def __str__(self):
        return self.title

    def size_label(self) -> str:
        return filesizeformat(self.size_bytes)


def new_content_path() -> str:
    return f"h5p/content/{uuid.uuid4().hex}/"


class ActivityStatement(models.Model):
    """One xAPI statement an H5P activity sent for a trainee: kept as history, never
    overwritten. Its score comes from the browser, so it is self-reported: it may complete
    a module, never decide a certificate."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="activity_statements"
    )
    statement_id = models.UUIDField(_("statement id"))
    # The activity is the H5P block in a module: the module's translation_key and the
    # block's id, which wagtail-localize keeps in both languages.
    module_key = models.UUIDField(_("module"), db_index=True)
    block_id = models.CharField(max_length=64)
    content = models.ForeignKey(H5PContent, on_delete=models.SET_NULL, null=True, related_name="+")
    verb = models.CharField(max_length=255)
    score_raw = models.FloatField(null=True)
    score_max = models.FloatField(null=True)
    completes_activity = models.BooleanField(default=False)
    self_reported = models.BooleanField(default=True, editable=False)
    payload = models.JSONField()
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("activity result")
        verbose_name_plural = _("activity results")
        constraints = [
            models.UniqueConstraint(fields=["user", "statement_id"], name="h5p_statement_once"),
        ]
        indexes = [models.Index(fields=["user", "module_key", "block_id"], name="h5p_statement_activity")]

    def __str__(self):
        return f"{self.verb.rsplit('/', 1)[-1]} {self.score_raw}/{self.score_max}"


class ActivityState(models.Model):
    """Where a trainee left an H5P package (H5P's contentUserData "state"), to resume."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    content = models.ForeignKey(H5PContent, on_delete=models.CASCADE, related_name="+")
    state = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "content"], name="h5p_state_once")]

    def __str__(self):
        return f"{self.user_id}:{self.content_id}"
