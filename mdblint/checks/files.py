"""MDB0xx: files mdblint could not read. The engine reports these; they are declared here."""

from mdblint.checks.base import declare

declare("MDB001", "unreadable-file", "The file could not be read.")
declare("MDB002", "undecodable-file", "The file is not valid text in its declared encoding (UTF-8 by default).")
declare("MDB003", "syntax-error", "The file is not valid Python; mdblint could not check it.")
declare("MDB004", "internal-error", "mdblint failed while checking the file; its other findings may be missing.")
