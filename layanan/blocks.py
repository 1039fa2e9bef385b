"""Blocks editors use to describe a service's requirements and application fields.

This is the low-code part of e-kecamatan: each ``isian`` block becomes one field of
the public form and of the API, keyed by the block's stable id.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class PersyaratanBlock(blocks.StructBlock):
    """One required document; ``unggah`` asks the applicant to upload a scan or photo."""

    nama = blocks.CharBlock(label=_("nama dokumen"), max_length=200)
    keterangan = blocks.CharBlock(
        label=_("keterangan"),
        required=False,
        max_length=300,
        help_text=_("Contoh: asli dan fotokopi 1 lembar."),
    )
    unggah = blocks.BooleanBlock(
        label=_("wajib diunggah pada permohonan daring"),
        required=False,
        default=True,
    )

    class Meta:
        icon = "doc-full"
        label = _("Persyaratan")


class IsianBlock(blocks.StructBlock):
    """Common settings of every application field."""

    label = blocks.CharBlock(label=_("label"), max_length=150)
    wajib = blocks.BooleanBlock(label=_("wajib diisi"), required=False, default=True)
    bantuan = blocks.CharBlock(label=_("teks bantuan"), required=False, max_length=300)

    class Meta:
        icon = "form"


class IsianTeksBlock(IsianBlock):
    panjang = blocks.BooleanBlock(
        label=_("teks panjang (beberapa baris)"), required=False
    )

    class Meta:
        label = _("Teks")
        icon = "pilcrow"


class IsianAngkaBlock(IsianBlock):
    minimum = blocks.IntegerBlock(label=_("nilai terkecil"), required=False)
    maksimum = blocks.IntegerBlock(label=_("nilai terbesar"), required=False)

    class Meta:
        label = _("Angka")
        icon = "order"


class IsianTanggalBlock(IsianBlock):
    class Meta:
        label = _("Tanggal")
        icon = "date"


class IsianPilihanBlock(IsianBlock):
    pilihan = blocks.ListBlock(
        blocks.CharBlock(max_length=150), label=_("pilihan"), min_num=2
    )

    class Meta:
        label = _("Pilihan")
        icon = "list-ul"


class IsianBerkasBlock(IsianBlock):
    class Meta:
        label = _("Berkas (unggahan)")
        icon = "upload"


class IsianStreamBlock(blocks.StreamBlock):
    teks = IsianTeksBlock()
    angka = IsianAngkaBlock()
    tanggal = IsianTanggalBlock()
    pilihan = IsianPilihanBlock()
    berkas = IsianBerkasBlock()


class LangkahBlock(blocks.StructBlock):
    """One step of the service procedure."""

    judul = blocks.CharBlock(label=_("langkah"), max_length=200)
    uraian = blocks.TextBlock(label=_("uraian"), required=False)

    class Meta:
        icon = "arrow-right"
        label = _("Langkah")
