from django.db import models

from portal.tracking import TrackedSubmission


class ContohPengajuan(TrackedSubmission):
    """A minimal submission carrying a tracking code and a secret token."""

    judul = models.CharField(max_length=100)
