"""The small exception hierarchy of dxsite; editors' mistakes are Diagnostics, not these."""


class DxsiteError(Exception):
    """Base class: the CLI catches it and exits non-zero with its message."""


class PlanError(DxsiteError):
    """The plan has errors; they were reported as diagnostics."""


class BuildError(DxsiteError):
    """MkDocs or the file system failed while building the site."""
