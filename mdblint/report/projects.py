"""`--show-settings`: the projects found under the paths, with their settings module and where it
was named, the aliases of DATABASES and the number of models, and what could not be read."""

from __future__ import annotations

from typing import TextIO

from mdblint.model import Problem, display_path
from mdblint.project import Project


def write_projects(projects: list[Project], problems: list[Problem], out: TextIO) -> None:
    out.write(f"# projects: {len(projects)}\n")
    for project in projects:
        if project.ref is None:
            continue
        databases = project.settings.databases
        aliases = ", ".join(sorted(databases)) if databases is not None else "unknown (DATABASES not read)"
        models = sum(1 for m in project.graph.models.values() if not m.abstract)
        out.write(f"project {display_path(project.ref.root)}\n"
                  f"  settings = {project.ref.settings_module or '(none)'}  # from {project.ref.found_by}\n"
                  f"  aliases = {aliases}\n"
                  f"  models = {models}\n")
    for problem in problems:
        out.write(f"# warning: {problem}\n")
