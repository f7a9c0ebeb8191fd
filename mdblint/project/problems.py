"""What keeps a loaded project from being read whole, cause by cause: DATABASES, INSTALLED_APPS
or DATABASE_ROUTERS that the static reader cannot follow. Each is a `Problem` naming the fix;
the rules that need what is missing stay silent, so the run must say so (never a silent zero)."""

from __future__ import annotations

from mdblint.model import Problem, display_path
from mdblint.project.index import Project
from mdblint.project.templates import index_for, lexer_available

DATABASES_FIX = "list the aliases with --databases A,B or [tool.mdblint] databases"


def project_problems(project: Project, databases_configured: bool = False) -> list[Problem]:
    """The problems of one project (none for files outside every project, or when the settings
    module itself is missing: discovery reports that)."""
    ref, settings = project.ref, project.settings
    if ref is None or ref.settings_module is None or settings.path is None:
        return []
    shown = display_path(ref.root)
    module = ref.settings_module

    def at(name: str) -> dict:
        if name not in settings.line_of:
            return {"path": display_path(settings.path)}
        return {"path": display_path(settings.path_of.get(name, settings.path)), "line": settings.line_of[name]}

    def where(name: str) -> str:
        if name not in settings.line_of:
            return f"{module} ({display_path(settings.path)})"
        return f"{display_path(settings.path_of.get(name, settings.path))}:{settings.line_of[name]}"

    problems = []
    if settings.databases is None and not databases_configured:
        if "DATABASES" in settings.line_of:
            what = f"DATABASES at {where('DATABASES')} cannot be read statically (not a literal mdblint can follow)"
        else:
            what = (f"DATABASES is not set in {where('DATABASES')} nor in what it imports from the project "
                    f"(it star-imports {', '.join(settings.unresolved)}, which mdblint cannot read)")
        problems.append(Problem("databases-unknown", f"{what}: the aliases of the project at {shown} are unknown, so MDB501 "
                                f"and the checks that compare aliases are off", DATABASES_FIX, shown, **at("DATABASES")))
    if settings.installed_apps is None:
        problems.append(Problem(
            "installed-apps-unknown",
            f"INSTALLED_APPS at {where('INSTALLED_APPS')} cannot be read statically: every model class found "
            f"under {shown} counts as installed", "point --settings at a settings module whose INSTALLED_APPS "
            "is a literal list", shown, **at("INSTALLED_APPS")))
    elif not any(m.path is not None and not m.abstract for m in project.graph.models.values()):
        apps = sorted({m.rpartition(".")[0] or m for m in project.modules if m == "models" or m.endswith(".models")})
        if apps:
            listed = ", ".join(apps[:3]) + (", ..." if len(apps) > 3 else "")
            problems.append(Problem(
                "installed-apps-unknown",
                f"INSTALLED_APPS of {module} installs none of the {len(apps)} app{'s' if len(apps) != 1 else ''} "
                f"with a models module under {shown} ({listed}): no model of the project is loaded "
                f"(is INSTALLED_APPS set at run time?)",
                "point --settings at a settings module whose INSTALLED_APPS lists the apps", shown, **at("INSTALLED_APPS")))
    if settings.routers is None:
        problems.append(Problem(
            "routers-unknown",
            f"DATABASE_ROUTERS at {where('DATABASE_ROUTERS')} cannot be read statically (or is set only under "
            f"a condition): where the queries of the project at {shown} go are unknown, so the checks that need routing stay silent",
            "make DATABASE_ROUTERS a literal list; [tool.mdblint] relation-groups declares which aliases share data",
            shown, **at("DATABASE_ROUTERS")))
    else:
        outside = [r for r in settings.routers if r.rpartition(".")[0] not in project.modules]
        if outside:
            problems.append(Problem(
                "routers-unknown",
                f"router{'s' if len(outside) > 1 else ''} {', '.join(outside)} (DATABASE_ROUTERS at "
                f"{where('DATABASE_ROUTERS')}) {'are' if len(outside) > 1 else 'is'} not in the project under {shown}: "
                f"where its queries go is unknown, so the checks that need routing stay silent",
                "lint from a root that holds the router's code (--root DIR); [tool.mdblint] relation-groups "
                "declares which aliases share data", shown, **at("DATABASE_ROUTERS")))
    if not lexer_available() and index_for(ref.root).dirs:
        problems.append(Problem(
            "templates-unread",
            f"Django cannot be imported here, so the templates under {shown} are not read (mdblint tokenises them "
            f"with Django's own template lexer): the N+1 checks of what views render (MDB301-MDB305 in templates) "
            f"are off", "run mdblint in an environment where Django is installed", shown))
    return problems
