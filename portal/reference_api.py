"""Read-only reference data for API clients: kecamatan, desa/kelurahan and OPD."""

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from pydantic import Field

from portal.models import Desa, Kecamatan, PerangkatDaerah
from portal.pagination import LimitOffsetPagination

router = Router(tags=["Data referensi"])


class DesaOut(Schema):
    id: int
    nama: str
    jenis: str
    kode_pos: str


class DesaWithKecamatanOut(DesaOut):
    kecamatan: str = Field(alias="kecamatan.nama")
    kecamatan_slug: str = Field(alias="kecamatan.slug")


class DesaFilter(Schema):
    q: str | None = Field(
        None, max_length=100, description="Bagian nama desa/kelurahan"
    )
    kecamatan: str | None = Field(None, max_length=100, description="Slug kecamatan")
    kode_pos: str | None = Field(None, pattern=r"^\d{5}$", description="Kode pos")


class KecamatanOut(Schema):
    id: int
    nama: str
    slug: str
    jumlah_desa: int


class KecamatanDetailOut(KecamatanOut):
    desa: list[DesaOut]


class PerangkatDaerahOut(Schema):
    id: int
    nama: str
    singkatan: str
    slug: str
    jenis: str
    alamat: str
    telepon: str
    email: str
    situs_web: str


def _kecamatan_queryset():
    return Kecamatan.objects.annotate(jumlah_desa=Count("desa")).order_by("nama")


@router.get(
    "/wilayah/kecamatan", response=list[KecamatanOut], summary="Daftar kecamatan"
)
def list_kecamatan(request):
    """The 23 kecamatan of Kabupaten Langkat with their number of desa/kelurahan."""
    return _kecamatan_queryset()


@router.get(
    "/wilayah/kecamatan/{slug}",
    response=KecamatanDetailOut,
    summary="Satu kecamatan beserta desa/kelurahannya",
)
def get_kecamatan(request, slug: str):
    """One kecamatan and its desa/kelurahan, by slug."""
    queryset = _kecamatan_queryset().prefetch_related(
        Prefetch("desa", queryset=Desa.objects.order_by("nama"))
    )
    kecamatan = get_object_or_404(queryset, slug=slug)
    return {
        "id": kecamatan.id,
        "nama": kecamatan.nama,
        "slug": kecamatan.slug,
        "jumlah_desa": kecamatan.jumlah_desa,
        "desa": list(kecamatan.desa.all()),
    }


@router.get(
    "/wilayah/desa",
    response=list[DesaWithKecamatanOut],
    summary="Cari desa/kelurahan",
)
@paginate(LimitOffsetPagination)
def list_desa(request, filters: Query[DesaFilter]):
    """Desa/kelurahan across Langkat, filtered by name, kecamatan or postal code."""
    queryset = Desa.objects.select_related("kecamatan").order_by(
        "nama", "kecamatan__nama"
    )
    if filters.q:
        queryset = queryset.filter(nama__icontains=filters.q)
    if filters.kecamatan:
        queryset = queryset.filter(kecamatan__slug=filters.kecamatan)
    if filters.kode_pos:
        queryset = queryset.filter(kode_pos=filters.kode_pos)
    return queryset


@router.get(
    "/perangkat-daerah",
    response=list[PerangkatDaerahOut],
    summary="Daftar perangkat daerah (OPD) yang aktif",
)
def list_perangkat_daerah(request):
    """The regency's active offices, by name."""
    return PerangkatDaerah.objects.filter(aktif=True)


@router.get(
    "/perangkat-daerah/{slug}",
    response=PerangkatDaerahOut,
    summary="Satu perangkat daerah",
)
def get_perangkat_daerah(request, slug: str):
    """One active office, by slug."""
    return get_object_or_404(PerangkatDaerah, slug=slug, aktif=True)
