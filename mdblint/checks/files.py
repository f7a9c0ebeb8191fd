"""MDB0xx: files mdblint could not read, and MDB500: a project it could not read whole. The
engine (and, for MDB500, the flake8 plugin) reports these; they are declared here."""

from mdblint.checks.base import declare

declare("MDB001", "unreadable-file", "The file could not be read.")
declare("MDB002", "undecodable-file", "The file is not valid text in its declared encoding (UTF-8 by default).")
declare("MDB003", "syntax-error", "The file is not valid Python; mdblint could not check it.")
declare("MDB004", "internal-error", "mdblint failed while checking the file; its other findings may be missing.")
declare("MDB005", "too-deeply-nested",
        "The file is valid Python nested too deeply for mdblint's analysis; mdblint could not check it.")
declare("MDB006", "unsupported-syntax",
        "The file is valid Python that libcst, mdblint's parser, cannot parse; mdblint could not check it.")
declare("MDB500", "project-not-read",
        "The Django project could not be read whole (no project, settings module not found, DATABASES, "
        "INSTALLED_APPS or routers unknown); the checks that need it are off.")
