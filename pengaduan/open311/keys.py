"""Open311 API keys: generated once, stored only as a SHA-256 hash."""

import hashlib
import secrets

from django.utils import timezone

from pengaduan.models import KunciOpen311

#: Characters of the key kept in clear, so admins can tell keys apart.
PREFIX_LENGTH = 8


def hash_key(key):
    """The SHA-256 hex digest under which a key is stored."""
    return hashlib.sha256(key.encode()).hexdigest()


def generate_key():
    """A new random key with its prefix and hash: ``(key, awalan, hash_kunci)``."""
    key = secrets.token_urlsafe(32)
    return key, key[:PREFIX_LENGTH], hash_key(key)


def assign_new_key(kunci):
    """Give an unsaved :class:`KunciOpen311` a fresh key; returns the key itself.

    The key is not stored anywhere: show it to the admin once and forget it.
    """
    key, kunci.awalan, kunci.hash_kunci = generate_key()
    return key


def create_key(nama, aktif=True):
    """Save a new key for the partner ``nama``; returns ``(KunciOpen311, key)``."""
    kunci = KunciOpen311(nama=nama, aktif=aktif)
    key = assign_new_key(kunci)
    kunci.save()
    return kunci, key


def find_key(key):
    """The stored key matching ``key`` (active or not), or ``None``."""
    if not key or len(key) > 200:
        return None
    return KunciOpen311.objects.filter(hash_kunci=hash_key(key)).first()


def mark_used(kunci):
    """Record when a key was last used."""
    kunci.terakhir_dipakai = timezone.now()
    KunciOpen311.objects.filter(pk=kunci.pk).update(
        terakhir_dipakai=kunci.terakhir_dipakai
    )
