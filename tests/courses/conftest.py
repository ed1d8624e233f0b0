# H5P packages, for the tests of activities inside courses (test_restrictions.py).
from tests.h5p.conftest import media, packages  # noqa: F401
