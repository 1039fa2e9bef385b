from tests.ppid.conftest import dip_index, ppid_page, sample_dip  # noqa: F401
