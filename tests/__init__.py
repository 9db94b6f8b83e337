"""The tests, laid out as the package is: tests/core/ tests bot/core/, and so on; end_to_end/ tests
the whole product, deploy/ the files in deploy/. Packages, so that pytest loads conftest.py as
`tests.conftest`, the module the tests import their helpers from (one copy, not two)."""
