"""Serializers of the product fields in Wagtail's content API v2 (``/api/v2/pages/``).

Only public business data: the UMKM's name, address area, NIB and WhatsApp number
(its public business contact), never the owner's account, name or email.
"""

from rest_framework import serializers
from wagtail.images.api.fields import ImageRenditionField

#: The photo renditions the API gives for each product image.
API_IMAGE_RENDITION = "max-1200x1200"
API_THUMBNAIL_RENDITION = "fill-400x300|format-webp"


class KategoriProdukSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    nama = serializers.CharField()
    slug = serializers.CharField()


class KecamatanSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    nama = serializers.CharField()
    slug = serializers.CharField()


class UMKMSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    nama_usaha = serializers.CharField()
    slug = serializers.CharField()
    nib = serializers.CharField()
    whatsapp = serializers.CharField()
    kecamatan = KecamatanSerializer()


class GambarProdukSerializer(serializers.Serializer):
    gambar = ImageRenditionField(API_IMAGE_RENDITION, source="image")
    thumbnail = ImageRenditionField(API_THUMBNAIL_RENDITION, source="image")
